// Input schemas of the outreach routes; the same zod schemas validate requests and feed the OpenAPI
// document. Built on first use (lazy-schemas.ts).
import * as z from 'zod';
import { EVENT_TYPES } from '#shared/domain/outreach-event.ts';
import { periodQuery } from './api-schemas.ts';
import { lazySchemas } from './lazy-schemas.ts';

const schemas = lazySchemas(() => {
  const day = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
    .refine((text) => new Date(`${text}T00:00:00Z`).toISOString().startsWith(text), 'is not a calendar date')
    .refine((text) => text >= '2000-01-01', 'must not be before 2000-01-01');
  const count = z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000_000);
  const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

  const eventBody = z.strictObject({
    date: day.describe('Day of the event (Asia/Baku), YYYY-MM-DD'),
    type: z.enum(EVENT_TYPES, { error: () => `must be one of ${EVENT_TYPES.join(', ')}` }),
    title: text(300).min(1, 'is required'),
    place: text(300).optional(),
    members: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a roster id'))
      .max(50)
      .default([])
      .describe('Roster ids of the members involved'),
    participants: count.optional(),
    beneficiaries: count.optional(),
    figures: z
      .array(z.strictObject({ label: text(120).min(1, 'is required'), value: count }))
      .max(30)
      .default([])
      .describe('Free-form figures, such as { "label": "refugees enrolled", "value": 157 }'),
    notes: text(4000).optional(),
    links: z
      .array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000))
      .max(20)
      .default([]),
  });

  const eventListQuery = periodQuery();

  const eventIdParams = z.object({ id: z.uuid('is not an event id') });

  const coverageParams = z.object({
    id: z.uuid('is not an event id'),
    mentionId: z.string().min(3).max(140),
  });

  const coverageBody = z.strictObject({
    action: z.enum(['confirm', 'remove'], { error: () => 'must be confirm or remove' }),
  });
  return { eventBody, eventListQuery, eventIdParams, coverageParams, coverageBody };
});

/** An event as PR staff enter it; create and edit take the whole event. */
export const eventBody = () => schemas().eventBody;
export const eventListQuery = () => schemas().eventListQuery;
export const eventIdParams = () => schemas().eventIdParams;
export const coverageParams = () => schemas().coverageParams;
export const coverageBody = () => schemas().coverageBody;
