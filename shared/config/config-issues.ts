// Turns zod's validation issues into the messages config files report: file, field path, reason.
import type { z } from 'zod';
import { ConfigError } from '../errors.ts';

/** `outlets[0].sources[1].url` from zod's path array. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/** A ConfigError listing every problem of a file that failed validation. */
export function configErrorFrom(source: string, error: z.ZodError): ConfigError {
  const problems = error.issues.map((issue) => `${issuePath(issue.path) || '(root)'}: ${issue.message}`);
  return new ConfigError(`${source}: ${problems.join('; ')}`, { details: { file: source, problems } });
}
