// Types of cli-build.mjs, a plain JavaScript module so the launcher runs without TypeScript.

/** The repository root. */
export const root: string;
/** Where the built CLI lives (git-ignored). */
export const outDir: string;
/** The list of source files the build read, with the build's time. */
export const inputsFile: string;
/** Files whose change means a rebuild besides the bundled sources. */
export const extraInputs: string[];
/** True when the recorded build is missing or any of its inputs changed after it. */
export function isStale(record?: string, base?: string): boolean;
/** Builds the CLI into a fresh folder, then swaps it in. */
export function buildCli(): Promise<{ outDir: string; inputs: number }>;
