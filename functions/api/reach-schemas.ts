// Input schemas of the lead and outlet routes; also read by /api/openapi.json. Built on first use
// (lazy-schemas.ts).
import * as z from 'zod';
import { lazySchemas } from './lazy-schemas.ts';

const schemas = lazySchemas(() => {
  const entityId = z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be an id of lower-case letters, digits and dashes');

  const leadListQuery = z.object({
    status: z
      .enum(['open', 'confirmed', 'dismissed'])
      .default('open')
      .describe('Which leads; open by default'),
  });

  const leadIdParams = z.object({ id: z.string().regex(/^[a-f0-9]{32}$/, 'is not a lead id') });

  const leadReviewBody = z.strictObject({
    action: z.enum(['confirm', 'dismiss'], { error: 'must be one of confirm, dismiss' }),
    members: z
      .array(entityId)
      .min(1)
      .max(20)
      .optional()
      .describe("Members to confirm; the lead's own member when absent"),
  });

  const outletIdParams = z.object({
    id: z
      .string()
      .max(253)
      .regex(/^[a-z0-9][a-z0-9.-]*\.[a-z0-9-]+$/, 'must be the domain of a discovered outlet'),
  });

  const outletMarkBody = z.strictObject({
    notPress: z
      .boolean({ error: 'must be true or false' })
      .describe('true: counted nowhere; false: counted again'),
  });
  return { leadListQuery, leadIdParams, leadReviewBody, outletIdParams, outletMarkBody };
});

export const leadListQuery = () => schemas().leadListQuery;
export const leadIdParams = () => schemas().leadIdParams;
export const leadReviewBody = () => schemas().leadReviewBody;
export const outletIdParams = () => schemas().outletIdParams;
export const outletMarkBody = () => schemas().outletMarkBody;
