/**
 * Warns about years that the file would leave with only some of an organisation's sectors. Stored
 * values hold no total (a `Totalt` row is only checked, never stored), so a year's total is the sum
 * of its sectors: one imported sector on its own becomes that year's whole total, and as the newest
 * year it becomes the organisation's latest year in prefill, Utfall and Klimatläget.
 */
import type { EmissionValue, ImportIssue } from './import.schema';
import { issueText } from './messages';
import { mainSector, type SectorId } from './sectors';

/** International transport is outside the territorial total, so it neither completes nor is missing from a year. */
const OUTSIDE_TOTAL: SectorId = 'utrikes-transporter';
/** One warning per organisation up to this many, then one line counting the rest. */
export const MAX_PARTIAL_YEAR_WARNINGS = 20;
/** Years listed per organisation, newest first. */
const MAX_YEARS_LISTED = 5;

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
  stored: Iterable<Pick<EmissionValue, 'organisationId' | 'year' | 'sector'>>,
  nameOf: (organisationId: string) => string,
): ImportIssue[] {
  const touched = new Map<string, Set<number>>();
  for (const value of incoming) {
    const years = touched.get(value.organisationId) ?? new Set<number>();
    years.add(value.year);
    touched.set(value.organisationId, years);
  }
  // Sectors per organisation and year, as they will be once the file is saved (a save never deletes).
  const merged = new Map<string, Map<number, Set<SectorId>>>();
  const add = (value: Pick<EmissionValue, 'organisationId' | 'year' | 'sector'>) => {
    if (!touched.has(value.organisationId)) return;
    const years = merged.get(value.organisationId) ?? new Map<number, Set<SectorId>>();
    const sectors = years.get(value.year) ?? new Set<SectorId>();
    if (value.sector !== OUTSIDE_TOTAL) sectors.add(value.sector);
    years.set(value.year, sectors);
    merged.set(value.organisationId, years);
  };
  for (const value of stored) add(value);
  for (const value of incoming) add(value);

  const issues: ImportIssue[] = [];
  let more = 0;
  for (const [organisationId, fileYears] of touched) {
    const years = merged.get(organisationId);
    if (!years) continue;
    const all = new Set<SectorId>();
    for (const sectors of years.values()) for (const sector of sectors) all.add(sector);
    if (all.size === 0) continue;
    const partial = [...fileYears].filter((year) => (years.get(year)?.size ?? 0) < all.size).sort((a, b) => b - a);
    if (partial.length === 0) continue;
    if (issues.length >= MAX_PARTIAL_YEAR_WARNINGS) {
      more++;
      continue;
    }
    const latest = Math.max(...years.keys());
    const listed = partial.slice(0, MAX_YEARS_LISTED).map((year) => ({
      year,
      present: [...(years.get(year) ?? [])].map((id) => {
        const sector = mainSector(id);
        return { sv: sector.nameSv, en: sector.nameEn };
      }),
      expected: all.size,
    }));
    issues.push({
      row: null,
      column: null,
      ...issueText.partialYear(nameOf(organisationId), listed, partial[0] === latest ? latest : null),
    });
  }
  if (more > 0) issues.push({ row: null, column: null, ...issueText.partialYearMore(more) });
  return issues;
}
