/**
 * What a correction changed: the headline figures of two published revisions of one year, side by
 * side. Both revisions are public (`GET /api/klimatlaget/{year}?revision=n`), so the comparison shows
 * nothing that was not already public; a withheld figure stays null on either side.
 */

import type { OrganisationTypeKey } from './aggregate';
import type { KlimatlagetReport, TypeAggregate } from './report.schema';

// Written out rather than imported from ./aggregate: the report page imports this file, and
// should not carry the aggregation code.
const ORGANISATION_TYPES: readonly OrganisationTypeKey[] = ['kommun', 'region'];

/** A headline figure: counts are whole organisations, `mean` and `median` shares of the maximum. */
export type RevisionFigure = 'respondents' | 'organisations' | 'mean' | 'median' | 'gatePassed' | 'band' | 'max';

export interface RevisionChange {
  /** The whole network, or one organisation type. */
  scope: 'network' | OrganisationTypeKey;
  figure: RevisionFigure;
  /** For `band`: the band's label, null for "no band". */
  band?: string | null;
  before: number | null;
  after: number | null;
}

export interface RevisionChanges {
  /** Headline figures that differ, network first, then per type in the report's order. */
  changes: RevisionChange[];
  /** Areas (all types) whose respondents, mean or median differ. */
  sectionsChanged: number;
  /** Questions (all types) whose counts or distribution differ. */
  questionsChanged: number;
  /** The emission figures differ (a correction keeps them: docs/klimatlaget.md). */
  emissionsChanged: boolean;
}

type Group = Pick<KlimatlagetReport, 'respondents' | 'organisations' | 'total' | 'gatePassed' | 'bands'>;

function groupChanges(scope: RevisionChange['scope'], before: Group, after: Group): RevisionChange[] {
  const changes: RevisionChange[] = [];
  const add = (figure: RevisionFigure, a: number | null, b: number | null, band?: string | null) => {
    if (a !== b) changes.push({ scope, figure, ...(band === undefined ? {} : { band }), before: a, after: b });
  };
  add('respondents', before.respondents, after.respondents);
  add('organisations', before.organisations, after.organisations);
  add('mean', before.total?.mean ?? null, after.total?.mean ?? null);
  add('median', before.total?.median ?? null, after.total?.median ?? null);
  add('gatePassed', before.gatePassed, after.gatePassed);
  // Bands in the order the later revision lists them, then any the earlier one had alone.
  const counts = (group: Group) => new Map((group.bands ?? []).map((entry) => [entry.band, entry.count]));
  const a = counts(before);
  const b = counts(after);
  // Withheld bands on one side only: the change is in `mean` and the respondents, not per band.
  if (before.bands && after.bands) {
    for (const band of new Set([...b.keys(), ...a.keys()])) add('band', a.get(band) ?? 0, b.get(band) ?? 0, band);
  }
  return changes;
}

function differs(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** Sections and questions are matched by name; one present on a single side counts as changed. */
function countChanged<T extends { name: string }>(
  before: readonly T[],
  after: readonly T[],
  figures: (item: T) => unknown,
): number {
  const earlier = new Map(before.map((item) => [item.name, item]));
  let changed = 0;
  for (const item of after) {
    const match = earlier.get(item.name);
    if (!match || differs(figures(match), figures(item))) changed++;
    earlier.delete(item.name);
  }
  return changed + earlier.size;
}

function typeDetail(before: TypeAggregate, after: TypeAggregate) {
  return {
    sections: countChanged(before.sections, after.sections, (s) => [s.n, s.mean, s.median, s.max]),
    questions: countChanged(before.questions, after.questions, (q) => [
      q.n,
      q.yes,
      q.distribution?.map((c) => [c.value, c.count, c.share]),
    ]),
  };
}

/** The headline figures that differ between two revisions of one year's report (`before` the earlier). */
export function revisionChanges(before: KlimatlagetReport, after: KlimatlagetReport): RevisionChanges {
  const changes = groupChanges('network', before, after);
  let sectionsChanged = 0;
  let questionsChanged = 0;
  for (const type of ORGANISATION_TYPES) {
    const a = before.byType[type];
    const b = after.byType[type];
    // A type with nobody asked in either revision has nothing to compare.
    if (a.organisations === 0 && b.organisations === 0 && a.respondents === 0 && b.respondents === 0) continue;
    if (a.max !== b.max) changes.push({ scope: type, figure: 'max', before: a.max, after: b.max });
    changes.push(...groupChanges(type, a, b));
    const detail = typeDetail(a, b);
    sectionsChanged += detail.sections;
    questionsChanged += detail.questions;
  }
  return {
    changes,
    sectionsChanged,
    questionsChanged,
    emissionsChanged: differs(before.emissions, after.emissions),
  };
}
