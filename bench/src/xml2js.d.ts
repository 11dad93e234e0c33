/** The part of xml2js (the XML parser rss-parser is built on) the parse benchmark calls. */
declare module 'xml2js' {
  export function parseStringPromise(xml: string, options?: Record<string, unknown>): Promise<unknown>;
}
