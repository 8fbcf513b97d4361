// The CLI runs from its JavaScript build: the launcher rebuilds when a source is newer than the
// build or the build is missing, and the built CLI answers like the sources did.
import { execFile } from 'node:child_process';
import { access, mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildCli, isStale, outDir } from '../../../cli/cli-build.mjs';

const run = promisify(execFile);

async function fakeBuild(inputs: string[]) {
  const base = await mkdtemp(join(tmpdir(), 'cli-build-'));
  for (const name of inputs) await writeFile(join(base, name), 'x');
  const record = join(base, 'inputs.json');
  await writeFile(record, JSON.stringify({ builtAt: Date.now() + 1000, inputs }));
  return { base, record };
}

describe('the CLI build check', () => {
  it('is fresh when every input is older than the build', async () => {
    const { base, record } = await fakeBuild(['a.ts', 'b.ts']);
    expect(isStale(record, base)).toBe(false);
  });

  it('is stale when an input changed after the build', async () => {
    const { base, record } = await fakeBuild(['a.ts', 'b.ts']);
    const later = new Date(Date.now() + 5000);
    await utimes(join(base, 'b.ts'), later, later);
    expect(isStale(record, base)).toBe(true);
  });

  it('is stale when an input is gone or nothing was built', async () => {
    const { base, record } = await fakeBuild(['a.ts']);
    await writeFile(record, JSON.stringify({ builtAt: Date.now() + 1000, inputs: ['a.ts', 'gone.ts'] }));
    expect(isStale(record, base)).toBe(true);
    expect(isStale(join(base, 'missing.json'), base)).toBe(true);
  });
});

describe('a rebuild', () => {
  it('leaves an earlier build usable while CLIs start, then removes its files once they are old', async () => {
    await run('node', ['cli/tracker-launcher.mjs', '--help']);
    // Files only an earlier build had: one written just now, one from an hour ago.
    const recent = join(outDir, 'chunk-EARLIER1.js');
    const old = join(outDir, 'chunk-EARLIER2.js');
    await writeFile(recent, 'export {};\n');
    await writeFile(old, 'export {};\n');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(old, hourAgo, hourAgo);

    // Two builds at once, and commands started while they swap files in.
    const [, , help, poll] = await Promise.all([
      buildCli(),
      buildCli(),
      run('node', [join(outDir, 'tracker.js'), '--help']),
      run('node', [join(outDir, 'tracker.js'), 'poll', '--help']),
    ]);

    expect(help.stdout).toMatch(/^usage: tracker <command>/);
    expect(poll.stdout).toMatch(/^usage: tracker poll/);
    await expect(access(recent)).resolves.toBeUndefined();
    await expect(access(old)).rejects.toThrow(/ENOENT/);
    expect(isStale()).toBe(false);
  });
});

describe('tracker through the launcher', () => {
  it('prints the usage of the tracker and of a command, exit code 0', async () => {
    const top = await run('node', ['cli/tracker-launcher.mjs', '--help']);
    const poll = await run('node', ['cli/tracker-launcher.mjs', 'poll', '--help']);

    expect(top.stdout).toMatch(/^usage: tracker <command>/);
    expect(top.stdout).toContain('tracker poll');
    expect(poll.stdout).toMatch(/^usage: tracker poll/);
  });

  it('records the sources it was built from and maps its code back to them', async () => {
    await run('node', ['cli/tracker-launcher.mjs', '--help']);
    const recorded = JSON.parse(await readFile(join(outDir, 'inputs.json'), 'utf8')) as { inputs: string[] };
    const map = JSON.parse(await readFile(join(outDir, 'tracker.js.map'), 'utf8')) as { sources: string[] };

    expect(recorded.inputs).toContain('cli/tracker.ts');
    expect(recorded.inputs).toContain('cli/commands/poll-command.ts');
    expect(map.sources.some((source) => source.endsWith('cli/tracker.ts'))).toBe(true);
  });

  it('matches a line of text with the built matcher', async () => {
    const child = execFile('node', ['cli/tracker-launcher.mjs', 'match', '--roster', 'config/roster.json']);
    let stdout = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stdin?.end('{"id":"1","text":"Azər Allahverənovun çıxışı"}\n');
    const code = await new Promise((resolve) => child.on('close', resolve));

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      id: '1',
      mentions: [
        {
          member: 'azer-allahveranov',
          start: 0,
          end: 19,
          surface: 'Azər Allahverənovun',
          evidence: 'full-name',
        },
      ],
      leads: [],
    });
  });
});
