// Types of synth-assets.mjs, plain JavaScript so CI's smoke check runs it without TypeScript.

/** Function name (the construct id: Api, ScrapeWorker, Dispatch) → absolute folder of its bundle. */
export function functionAssets(cdkOut: string): Record<string, string>;
