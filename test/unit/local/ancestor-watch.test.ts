// Which processes the local stack depends on: those between it and the npm that ran it, never a
// shell above npm (a script that ran `nohup npm start &` and exited).
import { describe, expect, it } from 'vitest';
import { launcherChain, type ProcessReader } from '../../../infra/local/ancestor-watch.ts';

// 500 node (the stack) ← 400 sh -c (npm's script shell) ← 300 npm start ← 200 bash script ← 100 sshd
const tree: Record<number, { ppid: number; command: string }> = {
  400: { ppid: 300, command: 'sh -c node --import tsx infra/local/start.ts' },
  300: { ppid: 200, command: 'npm start' },
  200: { ppid: 100, command: 'bash ./start-tracker.sh' },
  100: { ppid: 1, command: 'sshd: operator' },
};
const read: ProcessReader = (pid) => tree[pid];
const underNpm = { npm_lifecycle_event: 'start' };

describe('launcherChain', () => {
  it('watches npm and its script shell, and nothing above npm', () => {
    expect(launcherChain(underNpm, 400, read).map((ancestor) => ancestor.pid)).toEqual([400, 300]);
  });

  it('recognises npm by its script path when it has not set its title', () => {
    const untitled: Record<number, { ppid: number; command: string }> = {
      ...tree,
      300: { ppid: 200, command: '/usr/bin/node /usr/lib/node_modules/npm/bin/npm-cli.js start' },
    };
    expect(launcherChain(underNpm, 400, (pid) => untitled[pid]).map((ancestor) => ancestor.pid)).toEqual([
      400, 300,
    ]);
  });

  it('watches nothing when npm did not run the stack (signals reach node directly)', () => {
    expect(launcherChain({}, 400, read)).toEqual([]);
  });

  it('watches only the direct parent when npm cannot be found', () => {
    const noNpm: Record<number, { ppid: number; command: string }> = {
      400: { ppid: 200, command: 'sh -c node start.ts' },
      200: { ppid: 1, command: 'bash' },
    };
    expect(launcherChain(underNpm, 400, (pid) => noNpm[pid])).toEqual([{ pid: 400, name: 'sh -c' }]);
    expect(launcherChain(underNpm, 400, () => undefined)).toEqual([{ pid: 400, name: 'parent process' }]);
  });
});
