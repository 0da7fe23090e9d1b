/** The part of the `xliff` package the import uses (it ships no type declarations). */
declare module 'xliff/xliff2js' {
  export type InlineValue = string | Record<string, Record<string, unknown>>;
  export type Value = string | InlineValue[] | undefined;
  export interface XliffUnit {
    source?: Value;
    target?: Value;
    note?: Value | Value[];
    additionalAttributes?: Record<string, string>;
    groupUnits?: Record<string, XliffUnit>;
  }
  export interface XliffJs {
    sourceLanguage?: string;
    targetLanguage?: string;
    resources?: Record<string, Record<string, XliffUnit>>;
  }
  export default function xliff2js(xml: string): Promise<XliffJs>;
}
