declare module 'virtual:course' {
  const def: import('./engine/definition').CourseDefinition;
  export default def;
}
declare module 'virtual:content/*' {
  const content: import('./engine/definition').ContentStrings;
  export default content;
}
