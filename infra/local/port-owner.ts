// Refuses a port something already listens on, and names what to stop: an earlier stack's DynamoDB
// Local left running (an orphan) would otherwise be reused silently, without being ours to stop.
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';

/** Thrown when the port DynamoDB Local should use is taken. */
export class PortTakenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PortTakenError';
  }
}

/** Resolves when nothing accepts connections on 127.0.0.1:`port`; otherwise throws a PortTakenError. */
export async function assertPortFree(port: number): Promise<void> {
  if (!(await accepts(port))) return;
  const pids = dynamoDbLocalPids(port);
  if (pids.length > 0) {
    throw new PortTakenError(
      `A DynamoDB Local that this start did not launch already listens on port ${port} ` +
        `(pid ${pids.join(', ')}, probably left running by an earlier stack). ` +
        `Stop it with: kill ${pids.join(' ')}\n` +
        'or give this stack another port with TRACKER_DYNAMODB_PORT.',
    );
  }
  throw new PortTakenError(
    `Port ${port} for DynamoDB Local is taken by another program (see: ss -ltnp 'sport = :${port}'). ` +
      'Stop it, or give this stack another port with TRACKER_DYNAMODB_PORT.',
  );
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true); // something holds the port without answering
    });
    socket.once('error', () => resolve(false));
  });
}

/** Java processes running DynamoDB Local with this port, found by their command line. */
export function dynamoDbLocalPids(port: number): number[] {
  try {
    const out = execFileSync('pgrep', ['-f', `DynamoDB.*-port ${port}( |$)`], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => pid !== process.pid);
  } catch {
    return []; // pgrep exits 1 when nothing matches, or is missing
  }
}
