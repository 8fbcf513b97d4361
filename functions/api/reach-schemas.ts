// Input schemas of the lead and outlet routes; also read by /api/openapi.json.
import * as z from 'zod';

const entityId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an id of lower-case letters, digits and dashes');

export const leadListQuery = z.object({
  status: z.enum(['open', 'confirmed', 'dismissed']).default('open').describe('Which leads; open by default'),
});

export const leadIdParams = z.object({ id: z.string().regex(/^[a-f0-9]{32}$/, 'is not a lead id') });

export const leadReviewBody = z.strictObject({
  action: z.enum(['confirm', 'dismiss'], { error: 'must be one of confirm, dismiss' }),
  members: z
    .array(entityId)
    .min(1)
    .max(20)
    .optional()
    .describe("Members to confirm; the lead's own member when absent"),
});

export const outletIdParams = z.object({
  id: z
    .string()
    .max(253)
    .regex(/^[a-z0-9][a-z0-9.-]*\.[a-z0-9-]+$/, 'must be the domain of a discovered outlet'),
});

export const outletMarkBody = z.strictObject({
  notPress: z
    .boolean({ error: 'must be true or false' })
    .describe('true: counted nowhere; false: counted again'),
});
