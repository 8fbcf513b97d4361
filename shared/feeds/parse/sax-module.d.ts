// The slice of sax's API that xml-tree.ts and rss-feed-parser.ts use.
declare module 'sax' {
  interface SaxTag {
    name: string;
    attributes: Record<string, string>;
  }
  interface SaxParser {
    onopentag: (tag: SaxTag) => void;
    onclosetag: (name: string) => void;
    ontext: (text: string) => void;
    oncdata: (text: string) => void;
    onerror: (error: Error) => void;
    write(text: string): SaxParser;
    close(): SaxParser;
  }
  const sax: { parser(strict: boolean, options?: { trim?: boolean; normalize?: boolean }): SaxParser };
  export default sax;
}
