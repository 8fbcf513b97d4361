// The streams a CLI command reads and writes, so tests can pass their own.

/** Standard input, output and error of one command run. */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}
