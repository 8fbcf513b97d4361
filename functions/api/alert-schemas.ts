// Input schemas of the alert subscription routes; also read by /api/openapi.json. Built on first use
// (lazy-schemas.ts).
import * as z from 'zod';
import { lazySchemas } from './lazy-schemas.ts';

const schemas = lazySchemas(() => {
  const entityId = z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an id of lower-case letters, digits and dashes');

  const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM');

  const quietHours = z
    .strictObject({ start: time, end: time })
    .nullable()
    .describe('Baku times between which alerts wait (22:00–08:00 when absent); null turns them off');

  const channel = z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('email'),
      address: z.email({ error: 'must be an e-mail address' }).max(254),
    }),
    z.strictObject({
      kind: z.literal('webhook'),
      service: z.enum(['telegram', 'slack'], { error: 'must be one of telegram, slack' }),
      url: z
        .string()
        .max(2048)
        .describe(
          'A Telegram bot sendMessage URL with chat_id, or a Slack incoming webhook URL; stored encrypted',
        ),
    }),
  ]);

  const members = z.array(entityId).min(1).max(50).describe('Roster ids: people, or the council itself');

  const alertSubscriptionBody = z.strictObject({
    members,
    channel,
    quietHours: quietHours.optional(),
    spikes: z.boolean().optional().describe('Also alert on a spike day; true when absent'),
    enabled: z.boolean().optional(),
  });

  const alertSubscriptionPatch = z
    .strictObject({
      members: members.optional(),
      channel: channel.optional(),
      quietHours: quietHours.optional(),
      spikes: z.boolean().optional(),
      enabled: z.boolean().optional(),
    })
    .refine((body) => Object.keys(body).length > 0, 'must change at least one field');

  const alertSubscriptionParams = z.object({ id: z.uuid({ error: 'is not a subscription id' }) });
  return { alertSubscriptionBody, alertSubscriptionPatch, alertSubscriptionParams };
});

export const alertSubscriptionBody = () => schemas().alertSubscriptionBody;
export const alertSubscriptionPatch = () => schemas().alertSubscriptionPatch;
export const alertSubscriptionParams = () => schemas().alertSubscriptionParams;
