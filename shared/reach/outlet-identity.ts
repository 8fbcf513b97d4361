// What one outlet is, for the headline "distinct outlets": a registrable domain for anything on the
// web (registered or discovered), and a normalised name for outlets typed by hand, so one TV channel
// typed "İctimai TV", "ictimai tv" and "Иджтимаи ТВ" is one outlet.
import { skeletonWords } from '../matching/normalise-text.ts';
import type { OutletAttributor } from './outlet-attribution.ts';

/**
 * The name key of an outlet typed by hand: the matcher's skeleton of each word (case, dotted İ and
 * Cyrillic folded to one Latin spelling), with a and e merged because ə is written а or е in Russian.
 */
export function outletNameKey(name: string): string {
  return skeletonWords(name)
    .map((word) => word.sk.replace(/e/g, 'a'))
    .join(' ');
}

/** The identity an outlet id counts under: its registrable domain when it has one, else the id. */
export function outletIdentity(outletId: string, attributor: Pick<OutletAttributor, 'domainOf'>): string {
  // Discovered outlets are stored under their domain; registered ones under the registry id.
  return attributor.domainOf(outletId) ?? outletId;
}

/** How many distinct outlets the per-outlet counts hold, merging ids that share an identity. */
export function distinctOutletCount(
  perOutlet: Record<string, number>,
  attributor: Pick<OutletAttributor, 'domainOf'>,
): number {
  return new Set(
    Object.entries(perOutlet)
      .filter(([, count]) => count > 0)
      .map(([outletId]) => outletIdentity(outletId, attributor)),
  ).size;
}
