// Runs `npm start` as an operator would: the printed token opens /api/status, a restart keeps the
// data, SIGTERM to npm leaves no Java process behind, and a stack started with `nohup` from a script
// outlives the script and still stops through npm, saying why in its last line.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { freePort } from '../../infra/local/dynamodb-local.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'tracker-stack-'));
// The default roster plus one person, to see that --roster reaches the API as well as the poller.
const rosterFile = join(dataDir, 'roster.json');
const roster = JSON.parse(readFileSync('config/roster.json', 'utf8'));
roster.people.push({ id: 'leyla-aliyeva-test', names: { en: 'Leyla Testova' } });
writeFileSync(rosterFile, JSON.stringify(roster));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface RunningStack {
  child: ChildProcess;
  url: string;
  token: string;
  output: () => string;
}

async function startStack(apiPort: number, dynamoPort: number): Promise<RunningStack> {
  const child = spawn('npm', ['start', '--', '--data-dir', dataDir, '--roster', rosterFile], {
    env: { ...process.env, TRACKER_PORT: String(apiPort), TRACKER_DYNAMODB_PORT: String(dynamoPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 60_000;
  while (!/Ctrl-C stops everything/.test(output)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`stack did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const token = /pr-staff\s+(\S+)/.exec(output)?.[1] ?? '';
  return { child, url: `http://127.0.0.1:${apiPort}`, token, output: () => output };
}

async function stopWithSigterm(stack: RunningStack, dynamoPort: number): Promise<void> {
  stack.child.kill('SIGTERM');
  const deadline = Date.now() + 20_000;
  while (
    Date.now() < deadline &&
    (javaListeningOn(dynamoPort) || !stack.output().includes('Local stack stopped'))
  ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function javaListeningOn(port: number): boolean {
  try {
    return (
      execFileSync('pgrep', ['-f', `DynamoDBLocal.jar.*-port ${port}`])
        .toString()
        .trim().length > 0
    );
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('serves status with the printed token, keeps data across a restart and leaves no Java behind', async () => {
    const apiPort = await freePort();
    const dynamoPort = await freePort();

    const first = await startStack(apiPort, dynamoPort);
    expect(javaListeningOn(dynamoPort)).toBe(true);
    expect((await fetch(`${first.url}/api/status`)).status).toBe(401);
    const status = await fetch(`${first.url}/api/status`, {
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect(status.status).toBe(200);
    expect((await status.json()).table.reachable).toBe(true);
    const members = await fetch(`${first.url}/api/members`, {
      headers: { authorization: `Bearer ${first.token}` },
    });
    expect((await members.json()).members.map((member: { id: string }) => member.id)).toContain(
      'leyla-aliyeva-test',
    );
    const created = await fetch(`${first.url}/api/mentions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'İctimai Televiziya: Azər Allahverənov',
        date: '2026-11-20',
        members: ['azer-allahveranov'],
        outletName: 'İTV',
        medium: 'tv',
        language: 'az',
      }),
    });
    expect(created.status).toBe(201);
    await stopWithSigterm(first, dynamoPort);
    expect(javaListeningOn(dynamoPort)).toBe(false);

    const second = await startStack(apiPort, dynamoPort);
    expect(second.output()).toContain('(unchanged)');
    const list = await fetch(`${second.url}/api/mentions?from=2026-11-01&to=2026-11-30`, {
      headers: { authorization: `Bearer ${second.token}` },
    });
    expect((await list.json()).items.map((item: { title: string }) => item.title)).toContain(
      'İctimai Televiziya: Azər Allahverənov',
    );
    await stopWithSigterm(second, dynamoPort);
    expect(javaListeningOn(dynamoPort)).toBe(false);
    expect(lastLine(second.output())).toMatch(/^Local stack stopped: npm start \(pid \d+\) exited\.$/);
  }, 150_000);

  it('outlives the script that started it with nohup, and stops through npm', async () => {
    const apiPort = await freePort();
    const dynamoPort = await freePort();
    const folder = mkdtempSync(join(tmpdir(), 'tracker-nohup-'));
    const log = join(folder, 'stack.log');
    const script = `nohup npm start -- --data-dir ${folder}/data > ${log} 2>&1 & echo $! > ${folder}/npm.pid`;
    const shell = spawn('sh', ['-c', script], {
      env: { ...process.env, TRACKER_PORT: String(apiPort), TRACKER_DYNAMODB_PORT: String(dynamoPort) },
      stdio: 'ignore',
    });
    await new Promise((resolve) => shell.once('exit', resolve)); // the script has ended
    const npmPid = Number(readFileSync(join(folder, 'npm.pid'), 'utf8'));
    // Whatever the outcome, npm is stopped at the end (the stack follows it).
    onTestFinished(() => {
      try {
        process.kill(npmPid, 'SIGTERM');
      } catch {
        // already gone
      }
    });
    // The backgrounded shell opens the log on its own schedule: until it does, nothing is written yet.
    const output = () => {
      try {
        return readFileSync(log, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
        throw error;
      }
    };
    const deadline = Date.now() + 90_000;
    while (!output().includes('Ctrl-C stops everything')) {
      if (Date.now() > deadline) throw new Error(`stack did not start:\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Watching every ancestor stopped the stack about a second after the script's shell was gone.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    expect((await fetch(`http://127.0.0.1:${apiPort}/api/health`)).status).toBe(200);
    expect(output()).not.toContain('Stopping');

    process.kill(npmPid, 'SIGTERM');
    const stopDeadline = Date.now() + 30_000;
    while (Date.now() < stopDeadline && !output().includes('Local stack stopped')) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(lastLine(output())).toMatch(/^Local stack stopped: npm start \(pid \d+\) exited\.$/);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(javaListeningOn(dynamoPort)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${apiPort}/api/health`)).rejects.toThrow();
    rmSync(folder, { recursive: true, force: true });
  }, 150_000);
});

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}
