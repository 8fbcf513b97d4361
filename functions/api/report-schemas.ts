// Input schema of the outcomes report routes, built on first use (lazy-schemas.ts).
import * as z from 'zod';
import { periodQuery } from './api-schemas.ts';
import { lazySchemas } from './lazy-schemas.ts';

export const reportQuery = lazySchemas(() =>
  periodQuery().extend({
    lang: z.enum(['az', 'en', 'ru'], { error: () => 'must be one of az, en, ru' }).default('en'),
  }),
);
