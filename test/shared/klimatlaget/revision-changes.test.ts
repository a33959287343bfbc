import { describe, expect, it } from 'vitest';
import { type AggregateResponse, aggregateKlimatlaget } from '../../../shared/klimatlaget/index';
import { revisionChanges } from '../../../shared/klimatlaget/revision-changes';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';

/** The fixture survey (max 10): gates G1, G2; page a (q1 ja/delvis/nej, q2, q2b after q2, q3); page b (c1, n1). */
const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };
const PASS = { G1: true, G2: true };
const IDS = ['0001', '0002', '0003', '0004', '0005', '0006', '0007'];

function submitted(id: string, data: Record<string, unknown>): AggregateResponse {
  return { organisationId: id, organisationType: 'kommun', status: 'submitted', data, score: score(survey, data) };
}

/** Seven kommuner: enough for every figure to be shown (none withheld). */
function answers(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    IDS.map((id, i) => [id, { ...PASS, q1: i % 2 ? 'ja' : 'delvis', q2: i % 3 === 0, q3: true }]),
  );
}

function report(data: Record<string, Record<string, unknown>>) {
  return aggregateKlimatlaget({
    year: 2025,
    surveys,
    responses: Object.entries(data).map(([id, d]) => submitted(id, d)),
    organisations: IDS.map((id) => ({ id, type: 'kommun' as const })),
  });
}

describe('revisionChanges: what a correction changed', () => {
  it('finds nothing between two identical revisions', () => {
    expect(revisionChanges(report(answers()), report(answers()))).toEqual({
      changes: [],
      sectionsChanged: 0,
      questionsChanged: 0,
      emissionsChanged: false,
    });
  });

  it('names the mean, median and bands of the network and the type when one answer is corrected', () => {
    const before = report(answers());
    const corrected = answers();
    // The kansli found that 0001 did not meet basic requirement G1: no band, and fewer points.
    corrected['0001'] = { ...corrected['0001'], G1: false, q1: 'nej', q2: false, q3: false };
    const after = report(corrected);

    const { changes, sectionsChanged, questionsChanged } = revisionChanges(before, after);

    // The same figures as each report shows, before and after.
    const expectFigure = (scope: 'network' | 'kommun', figure: 'mean' | 'median') =>
      expect(changes).toContainEqual({
        scope,
        figure,
        before: (scope === 'network' ? before : before.byType.kommun).total?.[figure] ?? null,
        after: (scope === 'network' ? after : after.byType.kommun).total?.[figure] ?? null,
      });
    expectFigure('network', 'mean');
    expectFigure('kommun', 'mean');
    expect(after.total?.mean).toBeLessThan(before.total?.mean ?? 0);
    // Respondents did not change, so they are not listed.
    expect(changes.filter((c) => c.figure === 'respondents')).toEqual([]);
    expect(changes).toContainEqual({ scope: 'kommun', figure: 'gatePassed', before: 7, after: 6 });
    // One kommun moved from its band to "no band" (null): two band rows, and the counts still add up.
    const bandRows = changes.filter((c) => c.scope === 'kommun' && c.figure === 'band');
    expect(bandRows).toHaveLength(2);
    expect(bandRows.find((c) => c.band === null)).toMatchObject({ before: 0, after: 1 });
    const sum = (side: 'before' | 'after') => bandRows.reduce((n, c) => n + (c[side] ?? 0), 0);
    expect(sum('before')).toBe(sum('after'));
    expect(sectionsChanged).toBeGreaterThan(0);
    // q1, q2 and q3 changed for one kommun.
    expect(questionsChanged).toBeGreaterThanOrEqual(3);
  });

  it('lists a respondent more (a reopened response submitted again) and the maximum when it changed', () => {
    const six = answers();
    delete six['0007'];
    const before = report(six);
    const after = report(answers());
    const { changes } = revisionChanges(before, after);
    expect(changes).toContainEqual({ scope: 'network', figure: 'respondents', before: 6, after: 7 });
    expect(changes).toContainEqual({ scope: 'kommun', figure: 'respondents', before: 6, after: 7 });

    const biggerMax = { ...after, byType: { ...after.byType, kommun: { ...after.byType.kommun, max: 12 } } };
    expect(revisionChanges(after, biggerMax).changes).toEqual([
      { scope: 'kommun', figure: 'max', before: 10, after: 12 },
    ]);
  });

  it('keeps a withheld figure null, and compares no bands that one side withholds', () => {
    const all = answers();
    const few = { '0001': all['0001']!, '0002': all['0002']! };
    const before = report(few);
    const after = report(answers());
    expect(before.total).toBeNull();
    const { changes } = revisionChanges(before, after);
    expect(changes).toContainEqual({ scope: 'network', figure: 'mean', before: null, after: after.total?.mean });
    expect(changes.filter((c) => c.figure === 'band')).toEqual([]);
  });

  it('says when the emission figures differ', () => {
    const before = report(answers());
    const after = { ...report(answers()), emissions: null };
    const withEmissions = { ...before, emissions: { latestYear: 2023 } as unknown as typeof before.emissions };
    expect(revisionChanges(withEmissions, after).emissionsChanged).toBe(true);
    expect(revisionChanges(before, after).emissionsChanged).toBe(false);
  });
});
