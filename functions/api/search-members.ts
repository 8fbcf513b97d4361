// The roster members a search names, added to the list, count and CSV filters alike so all three agree.
import type { Roster } from '#shared/config/roster.ts';
import { membersNamedBy } from '#shared/matching/search-fold.ts';

/** `{ qMembers }` for a search that names roster members, else nothing. */
export function searchMembers(q: string | undefined, roster: Roster): { qMembers?: string[] } {
  if (!q) return {};
  const named = membersNamedBy(q, roster);
  return named.length > 0 ? { qMembers: named } : {};
}
