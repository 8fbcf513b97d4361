// Article ids: one article per outlet edition and item identity, whatever URL variant later polls see.
// The edition (the source's language) keeps apart two feeds of one outlet that number their items
// alike (guid "12345" in both the Azerbaijani and the English feed); the source URL is left out on
// purpose, so moving a feed to a new address does not store its items a second time.
import { createHash } from 'node:crypto';

/** A stable, key-safe id for an item of an outlet's edition. */
export function articleIdOf(outletId: string, identity: string, edition = ''): string {
  return createHash('sha256').update(`${outletId}\n${edition}\n${identity}`).digest('hex').slice(0, 32);
}
