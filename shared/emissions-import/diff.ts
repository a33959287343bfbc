import { roundTonnes } from './cell-values';
import { emissionKey } from './emission-key';
import type { EmissionChange, EmissionDiff, EmissionValue, StoredEmission } from './import.schema';

/**
 * Compares incoming values with what is stored, so a commit writes only what differs and
 * committing the same data twice changes nothing.
 *
 * Values are equal when their tonnes agree to the gram (after the rounding the parser applies)
 * and their population is the same; a population given before but absent now is not a change,
 * because exports often leave it out.
 *
 * @returns counts of new, changed and unchanged values, and the new and changed ones with the
 *   stored value they replace, in the order of `incoming`. Stored values absent from `incoming`
 *   are left alone and not counted.
 */
export function diffEmissions(incoming: readonly EmissionValue[], existing: readonly StoredEmission[]): EmissionDiff {
  const stored = new Map<string, StoredEmission>();
  for (const value of existing) stored.set(emissionKey(value), value);
  const changes: EmissionChange[] = [];
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  for (const after of incoming) {
    const key = emissionKey(after);
    const before = stored.get(key);
    if (!before) {
      added++;
      changes.push({ key, after });
    } else if (sameValue(before, after)) {
      unchanged++;
    } else {
      changed++;
      changes.push({ key, before, after });
    }
  }
  return { new: added, changed, unchanged, changes };
}

function sameValue(before: StoredEmission, after: EmissionValue): boolean {
  if (roundTonnes(before.tonnesCO2e) !== roundTonnes(after.tonnesCO2e)) return false;
  return after.population === undefined || before.population === after.population;
}
