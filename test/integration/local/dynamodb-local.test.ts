// DynamoDB Local dies with the Node process that started it, however that process dies; it listens
// on 127.0.0.1 only (or says it does not); and a port someone else holds is refused, not reused.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, startDynamoDbLocal } from '../../../infra/local/dynamodb-local.ts';
import { dynamoDbLocalPids } from '../../../infra/local/port-owner.ts';

const fixture = 'test/fixtures/local/hold-dynamodb-local.ts';
/** Every process a test starts, killed after it whatever its outcome (Java then goes with it). */
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

async function holdDynamoDbLocal(launcher: 'loopback' | 'shell') {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, launcher, String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 90_000;
  while (!output.includes('\n')) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
    await sleep(200);
  }
  return { child, port, info: JSON.parse(output.split('\n')[0] as string) as { loopbackOnly: boolean } };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Local addresses of the sockets listening on `port`, read from /proc/net/tcp and tcp6 (state 0A). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((fields) => fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A')
      .map((fields) => (fields[1] as string).split(':')[0] as string)
      // Java's dual-stack sockets show 127.0.0.1 as the IPv4-mapped ::ffff:127.0.0.1.
      .map((address) => address.replace(/^0{16}FFFF0{4}(?=[0-9A-F]{8}$)/, '')),
  );
}

async function killAndWatch(child: ChildProcess, port: number): Promise<boolean> {
  child.kill('SIGKILL');
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (!(await accepts(port)) && dynamoDbLocalPids(port).length === 0) return true;
    await sleep(100);
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DynamoDB Local', () => {
  it('goes, with a stack whose event loop is blocked, once npm is gone and the grace period ends', async () => {
    const npm = spawn('sleep', ['600'], { stdio: 'ignore' });
    started.push(npm);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/local/blocked-stack.ts', String(npm.pid), '2000'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.push(child);
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 90_000;
    while (!output.includes('\n')) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`did not start:\n${output}`);
      await sleep(200);
    }
    const { port } = JSON.parse(output.split('\n')[0] as string) as { port: number };
    await sleep(500); // the main thread is now busy for good
    npm.kill('SIGKILL');
    const gone = Date.now() + 10_000;
    while (Date.now() < gone && child.exitCode === null && child.signalCode === null) await sleep(100);
    expect(child.signalCode).toBe('SIGKILL');
    expect(output).toMatch(
      /Local stack stopped: npm start \(pid \d+\) exited and the stack did not answer within 2 s/,
    );
    expect(output).not.toContain('asked to stop'); // the main thread never got to run
    const javaGone = Date.now() + 5000;
    while (Date.now() < javaGone && (await accepts(port))) await sleep(100);
    expect(await accepts(port)).toBe(false);
  }, 120_000);

  it('listens on 127.0.0.1 only and stops within seconds when node is killed with SIGKILL', async () => {
    const { child, port, info } = await holdDynamoDbLocal('loopback');
    expect(info.loopbackOnly).toBe(true);
    expect(await accepts(port)).toBe(true);
    expect(listeningAddresses(port)).toEqual(['0100007F']); // 127.0.0.1, little-endian hex
    expect(await killAndWatch(child, port)).toBe(true);
  }, 120_000);

  it('without the loopback launcher, says it listens everywhere and still dies with node', async () => {
    const { child, port, info } = await holdDynamoDbLocal('shell');
    expect(info.loopbackOnly).toBe(false);
    expect(listeningAddresses(port).some((address) => /^0+$/.test(address))).toBe(true);
    expect(await killAndWatch(child, port)).toBe(true);
  }, 120_000);

  it('refuses a port held by a DynamoDB Local it did not start, naming the pid and the command', async () => {
    const { child, port } = await holdDynamoDbLocal('loopback');
    try {
      const [pid] = dynamoDbLocalPids(port);
      await expect(startDynamoDbLocal({ port })).rejects.toThrow(
        `already listens on port ${port} (pid ${pid}`,
      );
      await expect(startDynamoDbLocal({ port })).rejects.toThrow(`Stop it with: kill ${pid}`);
    } finally {
      await killAndWatch(child, port);
    }
  }, 120_000);
});
