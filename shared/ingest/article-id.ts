// Article ids: one article per outlet and item identity, whatever URL variant later polls see.
import { createHash } from 'node:crypto';

/** A stable, key-safe id for an outlet's item. */
export function articleIdOf(outletId: string, identity: string): string {
  return createHash('sha256').update(`${outletId}\n${identity}`).digest('hex').slice(0, 32);
}
