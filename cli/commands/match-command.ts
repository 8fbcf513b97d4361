// `tracker match`: lets an operator try a roster against sample text. Reads JSON lines
// {"id", "text", "lang"?} on stdin and writes {"id", "mentions": [...], "leads": [...]} per line, in
// order, on stdout: each mention with the evidence it rests on, each lead (a member's name the text
// shows to be a namesake's) with the reason.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { loadRoster, resolveRosterPath } from '#shared/config/roster.ts';
import { AppError } from '#shared/errors.ts';
import { compileMatcher, type Matcher } from '#shared/matching/index.ts';
import { parseCommandFlags } from '../command-flags.ts';
import type { CommandIo } from '../command-io.ts';

export type { CommandIo };

const help = { usage: 'usage: tracker match [--roster <file>]  (JSON lines {"id","text","lang"?} on stdin)' };
const LANGS = new Set(['en', 'az', 'ru']);

/** One input line matched, or the reason it was rejected. */
function matchLine(matcher: Matcher, line: string): { output: string } | { error: string; id?: unknown } {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch (cause) {
    return { error: `not valid JSON (${(cause as Error).message})` };
  }
  const record = input as { id?: unknown; text?: unknown; lang?: unknown };
  if (typeof record !== 'object' || record === null) return { error: 'expected a JSON object' };
  if (typeof record.id !== 'string' && typeof record.id !== 'number')
    return { error: '"id" must be a string or number' };
  if (typeof record.text !== 'string') return { error: '"text" must be a string', id: record.id };
  const lang =
    typeof record.lang === 'string' && LANGS.has(record.lang)
      ? (record.lang as 'en' | 'az' | 'ru')
      : undefined;
  const result = matcher.matchWithLeads(record.text, lang ? { lang } : {});
  const mentions = result.mentions.map((hit) => ({
    member: hit.entityId,
    start: hit.start,
    end: hit.end,
    surface: hit.surface,
    evidence: hit.evidence,
  }));
  const leads = result.leads.map((lead) => ({
    member: lead.entityId,
    start: lead.start,
    end: lead.end,
    surface: lead.surface,
    reason: lead.reason,
  }));
  return { output: `${JSON.stringify({ id: record.id, mentions, leads })}\n` };
}

/** Runs `tracker match`; resolves to the exit code (1 when any line was rejected, 2 for bad usage or roster). */
export async function runMatchCommand(argv: string[], io: CommandIo): Promise<number> {
  const parsed = parseCommandFlags(argv, { roster: { type: 'string' } }, help, io);
  if (typeof parsed === 'number') return parsed;
  let matcher: Matcher;
  const rosterPath = resolveRosterPath(parsed.values.roster);
  try {
    matcher = compileMatcher(loadRoster(rosterPath));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr.write(`tracker match: ${error.message}\n`);
    return 2;
  }
  io.stderr.write(`tracker match: roster ${rosterPath}\n`);
  let lineNumber = 0;
  let rejected = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const result = matchLine(matcher, line);
    let output: string;
    if ('error' in result) {
      rejected++;
      io.stderr.write(`tracker match: line ${lineNumber}: ${result.error}\n`);
      // Still one output line per input line, so outputs and inputs stay aligned.
      output = `${JSON.stringify({ id: result.id ?? null, error: result.error, mentions: [], leads: [] })}\n`;
    } else {
      output = result.output;
    }
    // Respect back-pressure so a large input piped through does not pile up in memory.
    if (!io.stdout.write(output)) await once(io.stdout, 'drain');
  }
  return rejected > 0 ? 1 : 0;
}
