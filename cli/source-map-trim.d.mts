// Types of source-map-trim.mjs, plain JavaScript so the CLI's build runs without TypeScript.

/** A Source Map Revision 3 object, as esbuild writes it. */
export interface SourceMapV3 {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  [key: string]: unknown;
}

/** A copy of `map` keeping only segments whose source satisfies `keepSource(path)`. */
export function trimSourceMap(map: SourceMapV3, keepSource: (source: string) => boolean): SourceMapV3;
