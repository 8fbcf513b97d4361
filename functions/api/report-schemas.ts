// Input schema of the outcomes report routes.
import * as z from 'zod';
import { periodQuery } from './api-schemas.ts';

export const reportQuery = periodQuery.extend({
  lang: z.enum(['az', 'en', 'ru'], { error: () => 'must be one of az, en, ru' }).default('en'),
});
