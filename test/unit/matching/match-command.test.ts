// `tracker match` end to end: JSON lines in, one JSON line per input out, errors on stderr.
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runMatchCommand } from '../../../cli/commands/match-command.ts';

const collect = (stream: PassThrough): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    stream.on('data', (chunk) => {
      text += chunk;
    });
    stream.on('end', () => resolve(text));
  });

describe('runMatchCommand', () => {
  it('writes one line per input in order, an error line for a bad one, and reports it on stderr', async () => {
    // Arrange
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out = collect(stdout);
    const err = collect(stderr);
    stdin.end(
      [
        '{"id":"a","text":"Azər Allahverənovun çıxışı","lang":"az"}',
        'not json',
        '{"id":"b","text":"nothing here"}',
        '{"id":3,"text":"Сахиба Мамедова","extra":true}',
        '{"id":"d","text":"Poet Sahib Mammadov read verses; council member Sahib Mammadov spoke.","lang":"en"}',
      ].join('\n'),
    );

    // Act
    const code = await runMatchCommand(['--roster', 'config/roster.json'], { stdin, stdout, stderr });
    stdout.end();
    stderr.end();

    // Assert
    expect(code).toBe(1);
    expect(
      (await out)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        id: 'a',
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
      },
      { id: null, error: expect.stringContaining('not valid JSON'), mentions: [], leads: [] },
      { id: 'b', mentions: [], leads: [] },
      {
        id: 3,
        mentions: [
          { member: 'sahib-mammadov', start: 0, end: 15, surface: 'Сахиба Мамедова', evidence: 'full-name' },
        ],
        leads: [],
      },
      {
        id: 'd',
        mentions: [
          { member: 'sahib-mammadov', start: 48, end: 62, surface: 'Sahib Mammadov', evidence: 'full-name' },
        ],
        leads: [
          {
            member: 'sahib-mammadov',
            start: 5,
            end: 19,
            surface: 'Sahib Mammadov',
            reason: 'profession: Poet',
          },
        ],
      },
    ]);
    expect(await err).toContain('line 2: not valid JSON');
  });

  it('runs through the tracker entry point', async () => {
    const child = execFile('npx', ['tsx', 'cli/tracker.ts', 'match', '--roster', 'config/roster.json']);
    child.stdin?.end('{"id":"x","text":"Davud Rəhimliyə söz verildi"}\n');
    const [stdout] = await Promise.all([
      new Promise<string>((resolve) => {
        let text = '';
        child.stdout?.on('data', (chunk) => {
          text += chunk;
        });
        child.on('close', () => resolve(text));
      }),
    ]);

    expect(JSON.parse(stdout)).toEqual({
      id: 'x',
      mentions: [
        { member: 'davud-rahimli', start: 0, end: 15, surface: 'Davud Rəhimliyə', evidence: 'full-name' },
      ],
      leads: [],
    });
  });
});
