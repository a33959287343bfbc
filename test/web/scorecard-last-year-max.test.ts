import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { buildScorecard, networkLive } from '../../shared/klimatlaget/index';
import { score } from '../../shared/scoring/score';
import type { Scorecard } from '../../web/src/api/types';
import { I18nProvider } from '../../web/src/i18n';
import { SectionsComparison } from '../../web/src/pages/scorecard/ScorecardPage';
import { lastYearCell, lastYearMaxNote } from '../../web/src/pages/scorecard/scorecard-model';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { siteT } from '../helpers/translators';

/** Lund's 2026 scorecard among three, with a 2025 result of 1 point per area, whose survey had `lastMax` in the first area with points. */
function card(lastMax?: number): Scorecard {
  const survey = DEFAULT_SURVEYS.kommun;
  const data = completeKommunAnswers();
  const own = score(survey, data);
  const scorecard = buildScorecard({
    year: 2026,
    organisationId: '1281',
    organisationName: 'Lund',
    organisationType: 'kommun',
    survey,
    data,
    score: own,
    network: networkLive(survey, [own, own, own]),
  });
  const first = own.sections.find((s) => s.max > 0)!;
  const sections = own.sections.map((s) => ({
    ...s,
    total: Math.min(s.max, 1),
    ...(s === first && lastMax !== undefined ? { max: lastMax } : {}),
  }));
  const total = sections.reduce((sum, s) => sum + s.total, 0);
  const max = sections.reduce((sum, s) => sum + s.max, 0);
  return { ...scorecard, lastYear: { year: 2025, total, max, share: total / max, band: null, sections } };
}

const rows = (html: string) => [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => m[1]!);
const cells = (row: string) => [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((m) => m[1]!);

describe("scorecard: last year's points per area against last year's maximum", () => {
  it("shows last year's maximum beside its points where it differs, and says why in the note", () => {
    // Arrange: the first area had 2 points more last year than this year
    const scorecard = card();
    const first = scorecard.sections.find((s) => s.max > 0)!;
    const changed = card(first.max + 2);
    // Act
    const html = renderToStaticMarkup(
      createElement(I18nProvider, null, createElement(SectionsComparison, { scorecard: changed })),
    );
    // Assert: that area's cell is "1 av <last year's max>", the others points alone; the total too
    const body = rows(html);
    const firstRow = cells(body.find((row) => row.includes(`>${first.title}<`))!);
    expect(firstRow.at(-1)).toBe(`1 av ${first.max + 2}`);
    const otherRow = cells(
      body.find(
        (row) => row.includes('<th scope="row"') && !row.includes(`>${first.title}<`) && !row.includes('Totalt'),
      )!,
    );
    expect(otherRow.at(-1)).toMatch(/^\d+(,\d+)?$/);
    const totalRow = cells(body.find((row) => row.includes('Totalt'))!);
    expect(totalRow.at(-1)).toBe(`${changed.lastYear!.total} av ${changed.lastYear!.max}`);
    expect(html).toContain(
      `Enkäten har ändrats sedan 2025. Där maxpoängen var en annan 2025 står det årets poäng med det årets max, till exempel 1 av ${first.max + 2}.`,
    );
    // Unchanged maxima: points alone and no note
    const same = renderToStaticMarkup(
      createElement(I18nProvider, null, createElement(SectionsComparison, { scorecard })),
    );
    const lastCells = rows(same)
      .slice(1)
      .map((row) => cells(row).at(-1));
    expect(lastCells.length).toBeGreaterThan(2);
    expect(lastCells.filter((cell) => !/^\d+$/.test(cell ?? ''))).toEqual([]);
    expect(same).not.toContain('Enkäten har ändrats');
  });

  it('words the note in English too', () => {
    const scorecard = card(20);
    expect(lastYearMaxNote(scorecard, siteT('en'), 'en')).toBe(
      "The survey has changed since 2025. Where the maximum points were different in 2025, that year's points are shown with that year's maximum, for example 1 of 20.",
    );
    expect(lastYearCell({ total: 7, max: 15 }, 17, siteT('en'), 'en')).toBe('7 of 15');
    expect(lastYearCell({ total: 7, max: 17 }, 17, siteT('sv'), 'sv')).toBe('7');
    expect(lastYearCell(undefined, 17, siteT('sv'), 'sv')).toBe('–');
  });
});
