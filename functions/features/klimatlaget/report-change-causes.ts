import type { KlimatlagetReport } from '../../../shared/klimatlaget/report.schema';
import { canonicalJson } from '../../../shared/klimatlaget/scoring-rules';

/**
 * What, besides this year's scores, makes the report of now differ from the published revision, for
 * the xlsx export's "differs" note: who counts as asked (docs/klimatlaget.md: the members in the
 * campaign, excused left out, plus any other that submitted), so a register edit or an excuse after
 * publishing is named as one, and the change since last year (last year's scores corrected).
 */
export interface ReportChangeCauses {
  /** The whole network's count of organisations asked, as published and now; absent when the same. */
  asked?: { before: number; after: number };
  /** Whether the year-on-year figures (the network's or a type's) differ. */
  yearOnYear: boolean;
}

export function reportChangeCauses(published: KlimatlagetReport, now: KlimatlagetReport): ReportChangeCauses {
  const yearOnYears = (report: KlimatlagetReport) =>
    canonicalJson([report.yearOnYear, report.byType.kommun.yearOnYear, report.byType.region.yearOnYear]);
  return {
    ...(published.organisations === now.organisations
      ? {}
      : { asked: { before: published.organisations, after: now.organisations } }),
    yearOnYear: yearOnYears(published) !== yearOnYears(now),
  };
}
