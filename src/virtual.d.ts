declare module 'virtual:course' {
  const def: import('./engine/definition').CourseDefinition;
  export default def;
}
declare module 'virtual:content/*' {
  const content: import('./engine/definition').ContentStrings;
  export default content;
}
declare module 'virtual:content-parts' {
  type Table = import('./engine/definition').ContentStrings['text'];
  /** Per language: the core text, and one loader per module (see build/content-split.ts). */
  const parts: Record<
    import('./engine/definition').Lang,
    { core: () => Promise<{ default: import('./engine/definition').ContentStrings }>; modules: Record<string, () => Promise<{ default: Table }>> }
  >;
  export default parts;
}
declare module 'virtual:course-head' {
  /** What the first screen needs of the definition (engine/head.ts). */
  const head: import('./engine/head').CourseHead;
  export default head;
}
