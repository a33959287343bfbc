/**
 * Warns about years that an import, or a rollback, would leave with only some of an organisation's
 * sectors. Stored values hold no total (a `Totalt` row is only checked, never stored), so a year's
 * total is the sum of its sectors: one imported sector on its own becomes that year's whole total,
 * and as the newest year it becomes the organisation's latest year in prefill, Utfall and
 * Klimatläget.
 */
import { emissionKey } from './emission-key';
import type { EmissionValue, ImportIssue } from './import.schema';
import { issueText } from './messages';
import { mainSector, type SectorId } from './sectors';

type ValueKey = Pick<EmissionValue, 'organisationId' | 'year' | 'sector'>;

/** International transport is outside the territorial total, so it neither completes nor is missing from a year. */
const OUTSIDE_TOTAL: SectorId = 'utrikes-transporter';
/** One warning per organisation up to this many, then one line counting the rest. */
export const MAX_PARTIAL_YEAR_WARNINGS = 20;
/** Years listed per organisation, newest first. */
const MAX_YEARS_LISTED = 5;

/** One organisation's partial years, as stored once the import or rollback is done. */
export interface PartialYears {
  organisationId: string;
  /** Newest first, each with the territorial sectors it has. */
  years: { year: number; present: SectorId[] }[];
  /** How many territorial sectors the organisation has in any year. */
  expected: number;
  /** The newest partial year when it is the organisation's latest year, else null. */
  latest: number | null;
}

/**
 * For each organisation in `incoming`, the years of the file that, merged with what is stored,
 * lack a territorial sector the organisation has in another year (of the file or storage). One
 * warning per organisation, naming those years with the sectors they have, and saying when the
 * newest of them becomes the organisation's latest year.
 *
 * An organisation that lacks the same sector in every year (a value the national database keeps
 * secret) gets no warning: its years are comparable with each other.
 */
export function partialYearWarnings(
  incoming: readonly EmissionValue[],
  stored: Iterable<ValueKey>,
  nameOf: (organisationId: string) => string,
): ImportIssue[] {
  // As the values will be once the file is saved (a save never deletes).
  const after = [...stored, ...incoming];
  return partialYearIssues(findPartialYears(yearsByOrganisation(incoming), after), nameOf);
}

/**
 * A rollback's partial years: the years it touches (`undone`: each value it restores or, with
 * `deleted`, deletes) checked in what is stored once it is done, `stored` (the current values of
 * every organisation it touches) without the deleted values. A year the rollback removes entirely
 * is no partial year. When it removes an organisation's latest year, the year that becomes the
 * latest is checked too, though the rollback does not touch it.
 */
export function rollbackPartialYears(
  stored: Iterable<ValueKey>,
  undone: readonly { value: ValueKey; deleted: boolean }[],
): PartialYears[] {
  const deleted = new Set(undone.filter((u) => u.deleted).map((u) => emissionKey(u.value)));
  const touched = yearsByOrganisation(undone.map((u) => u.value));
  const newestBefore = new Map<string, number>();
  const newestAfter = new Map<string, number>();
  const after: ValueKey[] = [];
  const newest = (map: Map<string, number>, value: ValueKey) =>
    map.set(value.organisationId, Math.max(map.get(value.organisationId) ?? value.year, value.year));
  for (const value of stored) {
    newest(newestBefore, value);
    if (deleted.has(emissionKey(value))) continue;
    after.push(value);
    newest(newestAfter, value);
  }
  // A re-run after a part-done rollback no longer stores what it deleted: count the rollback's own years.
  for (const { value } of undone) newest(newestBefore, value);
  for (const [organisationId, years] of touched) {
    const latest = newestAfter.get(organisationId);
    if (latest !== undefined && latest < (newestBefore.get(organisationId) ?? latest)) years.add(latest);
  }
  return findPartialYears(touched, after);
}

/**
 * For each organisation of `check`, its years there that `values` (every value of the organisation
 * as it will be stored) has but with fewer territorial sectors than the organisation has across its
 * years. A year `values` does not have is not partial: it has no total at all.
 */
export function findPartialYears(
  check: ReadonlyMap<string, ReadonlySet<number>>,
  values: Iterable<ValueKey>,
): PartialYears[] {
  const merged = new Map<string, Map<number, Set<SectorId>>>();
  for (const value of values) {
    if (!check.has(value.organisationId)) continue;
    const years = merged.get(value.organisationId) ?? new Map<number, Set<SectorId>>();
    const sectors = years.get(value.year) ?? new Set<SectorId>();
    if (value.sector !== OUTSIDE_TOTAL) sectors.add(value.sector);
    years.set(value.year, sectors);
    merged.set(value.organisationId, years);
  }
  const found: PartialYears[] = [];
  for (const [organisationId, checked] of check) {
    const years = merged.get(organisationId);
    if (!years) continue;
    const all = new Set<SectorId>();
    for (const sectors of years.values()) for (const sector of sectors) all.add(sector);
    if (all.size === 0) continue;
    const partial = [...checked]
      .filter((year) => years.has(year) && (years.get(year)?.size ?? 0) < all.size)
      .sort((a, b) => b - a);
    if (partial.length === 0) continue;
    const latest = Math.max(...years.keys());
    found.push({
      organisationId,
      years: partial.map((year) => ({ year, present: [...(years.get(year) ?? [])] })),
      expected: all.size,
      latest: partial[0] === latest ? latest : null,
    });
  }
  return found;
}

/** The organisations {@link partialYearIssues} names (the rest are counted): whose names to look up. */
export function namedOrganisations(found: readonly PartialYears[]): string[] {
  return found.slice(0, MAX_PARTIAL_YEAR_WARNINGS).map((entry) => entry.organisationId);
}

/** The warnings: one per organisation, naming up to 5 years, for up to 20 organisations, then a count of the rest. */
export function partialYearIssues(
  found: readonly PartialYears[],
  nameOf: (organisationId: string) => string,
): ImportIssue[] {
  const issues: ImportIssue[] = found.slice(0, MAX_PARTIAL_YEAR_WARNINGS).map((entry) => {
    const listed = entry.years.slice(0, MAX_YEARS_LISTED).map(({ year, present }) => ({
      year,
      present: present.map((id) => {
        const sector = mainSector(id);
        return { sv: sector.nameSv, en: sector.nameEn };
      }),
      expected: entry.expected,
    }));
    return { row: null, column: null, ...issueText.partialYear(nameOf(entry.organisationId), listed, entry.latest) };
  });
  const more = found.length - issues.length;
  if (more > 0) issues.push({ row: null, column: null, ...issueText.partialYearMore(more) });
  return issues;
}

function yearsByOrganisation(values: readonly ValueKey[]): Map<string, Set<number>> {
  const years = new Map<string, Set<number>>();
  for (const value of values) {
    const set = years.get(value.organisationId) ?? new Set<number>();
    set.add(value.year);
    years.set(value.organisationId, set);
  }
  return years;
}
