// The operator CLI behaves like a Unix tool: a reader that stops early ends it quietly, a file it
// cannot read is named with the reason, and a storing poll says which address it tried and why it failed.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeStackFile } from '../../../infra/local/stack-file.ts';

const run = promisify(execFile);
const launcher = join(process.cwd(), 'cli', 'tracker-launcher.mjs');
let folder: string;

/** A port nothing listens on: bound, read, released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function tracker(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', [launcher, ...args], {
      cwd: folder,
      env: { ...process.env, DYNAMODB_ENDPOINT: '', TRACKER_DYNAMODB_PORT: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tracker-unix-'));
  // Many disabled sources: a dry run lists each without any network traffic.
  const sources = Array.from({ length: 3000 }, (_, index) => ({
    type: 'feed',
    url: `https://feed-${index}.example/rss`,
    language: 'az',
    enabled: false,
  }));
  await writeFile(
    join(folder, 'outlets.json'),
    JSON.stringify({
      outlets: [{ id: 'many', name: 'Many', languages: ['az'], homepage: 'https://many.example', sources }],
    }),
  );
}, 120_000);

describe('tracker as a Unix tool', () => {
  it('ends quietly when the reader of its output stops early (poll | head)', async () => {
    // Act
    const child = spawn(
      'sh',
      [
        '-c',
        `node "${launcher}" poll --dry-run --once --json --outlets outlets.json --state state.json | head -n 2`,
      ],
      { cwd: folder, env: process.env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));

    // Assert
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual([
      JSON.stringify({ url: 'https://feed-0.example/rss', disabled: true }),
      JSON.stringify({ url: 'https://feed-1.example/rss', disabled: true }),
    ]);
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
  }, 120_000);

  it("prints every command's usage on stdout for --help and -h, and exits 0", async () => {
    const commands = [
      'export',
      'import',
      'match',
      'outlets',
      'poll',
      'digest',
      'facebook',
      'cost',
      'recount',
    ];
    const runs = await Promise.all(
      commands.flatMap((command) => [tracker([command, '--help']), tracker([command, '-h'])]),
    );
    for (const [index, result] of runs.entries()) {
      const command = commands[Math.floor(index / 2)];
      expect({ command, code: result.code, stderr: result.stderr }).toEqual({ command, code: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^usage: tracker ${command}`));
    }
    // A flag a command does not know is a usage error: the reason, then the usage, exit 2.
    const wrong = await tracker(['match', '--rooster', 'x']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Unknown option '--rooster'[\s\S]*usage: tracker match/);
  });

  it('names a missing outlet registry with the reason', async () => {
    const result = await tracker(['poll', '--dry-run', '--outlets', 'missing.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing.json: cannot read the outlet registry: no such file (ENOENT)');
  }, 120_000);

  it('names a folder given as the roster with the reason', async () => {
    const result = await tracker(['match', '--roster', folder]);
    expect(result.stderr).toContain(`${folder}: cannot read the roster: it is a folder, not a file (EISDIR)`);
  }, 120_000);

  it('names a missing import file before it looks for any table', async () => {
    const result = await tracker(['import', '--in', 'nothing.jsonl']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('import: nothing.jsonl: cannot read: no such file (ENOENT)');
  }, 120_000);

  it('tries the address npm start recorded and says why it failed, never "(Error)"', async () => {
    // Arrange: a stack that recorded a port nothing listens on any more.
    const port = await closedPort();
    const dataDir = join(folder, 'stack-data');
    await import('node:fs/promises').then((fs) => fs.mkdir(dataDir, { recursive: true }));
    writeStackFile(dataDir, {
      apiUrl: 'http://127.0.0.1:1',
      dynamoEndpoint: `http://127.0.0.1:${port}`,
      tableName: 'tracker-local',
      pid: 1,
    });

    // Act
    const result = await tracker(['poll', '--once', '--outlets', 'outlets.json'], {
      TRACKER_DATA_DIR: dataDir,
    });

    // Assert
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`http://127.0.0.1:${port}`);
    expect(result.stderr).toContain(`${join(dataDir, 'stack.json')}, written by npm start`);
    expect(result.stderr).toContain('connection refused');
    expect(result.stderr).not.toContain('(Error)');
  }, 120_000);

  it('says it tried the default port of npm start when no stack recorded one', async () => {
    const result = await tracker(['recount', '--check'], {
      TRACKER_DATA_DIR: join(folder, 'no-stack'),
      AWS_ACCESS_KEY_ID: '',
      AWS_PROFILE: '',
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('http://127.0.0.1:8000 (address from the default port of npm start)');
    expect(result.stderr).not.toContain('(Error)');
  }, 120_000);
});
