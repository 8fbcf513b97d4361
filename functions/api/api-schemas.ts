// The API's input schemas. The same zod schemas validate requests and generate /api/openapi.json;
// they are built on first use (lazy-schemas.ts).
import * as z from 'zod';
import { MENTION_EVIDENCE } from '#shared/domain/mention.ts';
import { ValidationError } from '#shared/errors.ts';
import { bakuDay } from '#shared/time/baku-calendar.ts';
import { lazySchemas } from './lazy-schemas.ts';

/** The most members a summary draws a series for at once: each adds counters to every bucket read. */
export const maxSeriesMembers = 6;

/** The longest review note: the latest note is kept on the mention, every note in its history. */
export const maxNoteLength = 1000;

const schemas = lazySchemas(() => {
  const day = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine(
      (text) =>
        !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
        new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
      'is not a calendar date',
    );
  const entityId = z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an id of lower-case letters, digits and dashes');

  const periodQuery = z.object({
    from: day
      .optional()
      .describe('First day (Asia/Baku), YYYY-MM-DD, from 2000-01-01; default 29 days before `to`'),
    to: day
      .optional()
      .describe('Last day (Asia/Baku), YYYY-MM-DD, included, at most a year after today; default today'),
  });

  const summaryQuery = periodQuery.extend({
    granularity: z
      .enum(['day', 'week', 'month'])
      .optional()
      .describe('Time-series bucket; chosen from the period length when absent'),
    members: z
      .string()
      .optional()
      .transform((text) => [
        ...new Set(
          (text ?? '')
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(entityId).max(maxSeriesMembers, `must name at most ${maxSeriesMembers} members`))
      .describe(`Comma-separated member ids (at most ${maxSeriesMembers}) to add one series each for`),
  });

  const mentionFilterQuery = periodQuery.extend({
    member: entityId.optional().describe('Person or organisation id'),
    outlet: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{0,252}$/, 'must be an outlet id or a discovered outlet domain')
      .optional(),
    language: z.enum(['az', 'ru', 'en']).optional(),
    status: z.enum(['auto', 'confirmed', 'rejected', 'manual']).optional(),
    evidence: z
      .enum(MENTION_EVIDENCE)
      .optional()
      .describe('What the matcher found: full-name, alias, surname, initial-full-name, initial-role'),
    q: z
      .string()
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(100)
      .optional()
      .describe('Text in the title or snippet'),
  });

  const exportQuery = mentionFilterQuery.extend({
    lang: z
      .enum(['az', 'en', 'ru'])
      .optional()
      .describe('Language of the heading row; machine names without it'),
  });

  const mentionListQuery = mentionFilterQuery.extend({
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  });

  const reviewBody = z.strictObject({
    status: z
      .enum(['confirmed', 'rejected', 'unreviewed'], {
        error: (issue) =>
          issue.input === undefined ? 'is required' : 'must be one of confirmed, rejected, unreviewed',
      })
      .describe('unreviewed undoes an earlier review'),
    note: z
      .string()
      .trim()
      .max(maxNoteLength, `must be at most ${maxNoteLength} characters`)
      .optional()
      .describe(`Why; at most ${maxNoteLength} characters`),
  });

  const reviewHistoryQuery = z.object({
    cursor: z
      .string()
      .regex(/^\d{1,8}$/, 'is not a cursor of this history')
      .optional()
      .describe('From the previous page: continues with older reviews'),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  });

  const manualMentionBody = z
    .strictObject({
      title: z.string().trim().min(1).max(500),
      date: day
        .refine((text) => text >= '2000-01-01', 'must not be before 2000-01-01')
        .refine((text) => text <= bakuDay(new Date(Date.now() + 86_400_000)), 'must not be in the future')
        .describe('Day it appeared (Asia/Baku), YYYY-MM-DD'),
      members: z.array(entityId).min(1).max(50),
      outletId: entityId.optional(),
      outletName: z.string().trim().min(1).max(200).optional(),
      medium: z.enum(['print', 'tv', 'radio', 'web', 'other']),
      language: z.enum(['az', 'ru', 'en']),
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .max(2000)
        .optional(),
      description: z.string().trim().max(2000).optional(),
    })
    .refine((body) => body.outletId || body.outletName, {
      message: 'give outletId or outletName',
      path: ['outletId'],
    });

  const mentionIdParams = z.object({ id: z.string().min(3).max(140) });

  return {
    periodQuery,
    summaryQuery,
    mentionFilterQuery,
    exportQuery,
    mentionListQuery,
    reviewBody,
    reviewHistoryQuery,
    manualMentionBody,
    mentionIdParams,
  };
});

/** A period of Baku calendar days, both ends included. */
export const periodQuery = () => schemas().periodQuery;
export const summaryQuery = () => schemas().summaryQuery;
export const mentionFilterQuery = () => schemas().mentionFilterQuery;
export const exportQuery = () => schemas().exportQuery;
export const mentionListQuery = () => schemas().mentionListQuery;
export const reviewBody = () => schemas().reviewBody;
export const reviewHistoryQuery = () => schemas().reviewHistoryQuery;
export const manualMentionBody = () => schemas().manualMentionBody;
export const mentionIdParams = () => schemas().mentionIdParams;

/**
 * Parses `value` against the schema `schema` gives (built on first use), or throws a 400 that names
 * the first failing field and why.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: () => Schema,
  value: unknown,
  where: string,
): z.infer<Schema> {
  const result = schema().safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : where;
  throw new ValidationError(`${field}: ${issue?.message ?? 'invalid'}`, {
    details: {
      field,
      issues: result.error.issues.map((i) => ({ field: i.path.join('.') || where, message: i.message })),
    },
  });
}
