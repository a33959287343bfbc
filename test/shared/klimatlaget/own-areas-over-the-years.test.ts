import { describe, expect, it } from 'vitest';
import { ScorecardSchema } from '../../../shared/klimatlaget/report.schema';
import { buildScorecard, ownAreasOverTheYears, type StoredResponse } from '../../../shared/klimatlaget/scorecard';
import { score } from '../../../shared/scoring/score';
import type { ScoreResult, SectionScore } from '../../../shared/scoring/score.schema';
import { makeSurvey, yesNo } from '../../helpers/make-survey';

const section = (name: string, total: number, max: number, title = name.toUpperCase()): SectionScore => ({
  name,
  title,
  total,
  max,
});

/** A stored score holding only what the areas over the years read: its sections. */
const scored = (sections: SectionScore[]): ScoreResult => {
  const total = sections.reduce((sum, s) => sum + s.total, 0);
  const max = sections.reduce((sum, s) => sum + s.max, 0);
  return { total, max, share: total / max, band: null, gatePassed: true, sections, questions: [] };
};

const submitted = (year: number, sections: SectionScore[]): StoredResponse => ({
  year,
  status: 'submitted',
  organisationType: 'kommun',
  score: scored(sections),
});

const thisYear = (sections: Array<SectionScore & { titleEn?: string }>) => ({
  year: 2026,
  organisationType: 'kommun' as const,
  sections,
});

describe("ownAreasOverTheYears: the organisation's own areas over its years", () => {
  it('gives every year its points of the maximum and share, oldest first, and the change from the year before', () => {
    // Arrange: three submitted years, the responses in no particular order
    const responses = [
      submitted(2025, [section('styrning', 6, 10)]),
      submitted(2023, [section('styrning', 4, 10)]),
      submitted(2024, [section('styrning', 5, 10)]),
    ];
    // Act
    const areas = ownAreasOverTheYears(thisYear([section('styrning', 9, 10, 'Styrning')]), responses);
    // Assert
    expect(areas?.years).toEqual([2023, 2024, 2025, 2026]);
    expect(areas?.areas).toEqual([
      {
        name: 'styrning',
        title: 'Styrning',
        years: [
          { year: 2023, total: 4, max: 10, share: 0.4 },
          { year: 2024, total: 5, max: 10, share: 0.5 },
          { year: 2025, total: 6, max: 10, share: 0.6 },
          { year: 2026, total: 9, max: 10, share: 0.9 },
        ],
        maxChanged: false,
        change: expect.closeTo(0.3, 10),
      },
    ]);
  });

  it("titles a renamed area as this year's survey does, in Swedish and English, matched by its page's name", () => {
    const areas = ownAreasOverTheYears(
      thisYear([{ ...section('energi', 3, 8, 'Energi och resurser'), titleEn: 'Energy and resources' }]),
      [submitted(2025, [section('energi', 2, 8, 'Energi')])],
    );
    expect(areas?.areas.map(({ name, title, titleEn }) => ({ name, title, titleEn }))).toEqual([
      { name: 'energi', title: 'Energi och resurser', titleEn: 'Energy and resources' },
    ]);
  });

  it('gives no change where the maximum changed from the year before, but keeps each year’s own maximum', () => {
    const areas = ownAreasOverTheYears(thisYear([section('energi', 6, 9), section('styrning', 8, 10)]), [
      submitted(2024, [section('energi', 3, 6), section('styrning', 5, 10)]),
      submitted(2025, [section('energi', 4, 8), section('styrning', 6, 10)]),
    ]);
    const energi = areas?.areas.find((a) => a.name === 'energi');
    expect(energi).toMatchObject({ maxChanged: true, change: null });
    expect(energi?.years.map((cell) => cell && `${cell.total}/${cell.max}`)).toEqual(['3/6', '4/8', '6/9']);
    // The maximum changed only before the year before: this year's change is given.
    const stable = ownAreasOverTheYears(thisYear([section('energi', 6, 8)]), [
      submitted(2024, [section('energi', 3, 6)]),
      submitted(2025, [section('energi', 4, 8)]),
    ]);
    expect(stable?.areas[0]).toMatchObject({ maxChanged: false, change: 0.25 });
  });

  it('marks a year without the area and leaves out an area in only one of the years', () => {
    const areas = ownAreasOverTheYears(thisYear([section('nytt', 3, 6), section('styrning', 8, 10)]), [
      submitted(2024, [section('nytt', 2, 6), section('styrning', 5, 10), section('borta', 1, 4)]),
      submitted(2025, [section('styrning', 6, 10)]),
    ]);
    expect(areas?.areas.map((a) => a.name)).toEqual(['nytt', 'styrning']);
    const nytt = areas?.areas[0];
    expect(nytt?.years).toEqual([
      { year: 2024, total: 2, max: 6, share: 2 / 6 },
      null,
      { year: 2026, total: 3, max: 6, share: 0.5 },
    ]);
    // Not in the year before: nothing to compare this year with.
    expect(nytt).toMatchObject({ maxChanged: false, change: null });
  });

  it('keeps an area this year lacks, titled as the latest year that had it, after this year’s areas', () => {
    const areas = ownAreasOverTheYears(thisYear([section('styrning', 8, 10)]), [
      submitted(2024, [section('borta', 1, 4, 'Gammal titel'), section('styrning', 5, 10)]),
      submitted(2025, [section('borta', 2, 4, 'Borta'), section('styrning', 6, 10)]),
    ]);
    expect(areas?.areas.map((a) => [a.name, a.title, a.change])).toEqual([
      ['styrning', 'STYRNING', expect.closeTo(0.2, 10)],
      ['borta', 'Borta', null],
    ]);
    expect(areas?.areas[1]?.years.at(-1)).toBeNull();
  });

  it('skips a year not submitted (a draft, a reopened answer), one without a score, later years and another type', () => {
    const responses: StoredResponse[] = [
      { ...submitted(2023, [section('styrning', 1, 10)]), status: 'draft' },
      { ...submitted(2024, [section('styrning', 2, 10)]), status: 'reopened' },
      { year: 2025, status: 'submitted', organisationType: 'kommun' },
      { ...submitted(2022, [section('styrning', 3, 10)]), organisationType: 'region' },
      submitted(2027, [section('styrning', 4, 10)]),
      // This year's own response, as the bundle holds it: the score passed in is the one shown.
      submitted(2026, [section('styrning', 5, 10)]),
      submitted(2021, [section('styrning', 7, 10)]),
    ];
    const areas = ownAreasOverTheYears(thisYear([section('styrning', 8, 10)]), responses);
    expect(areas?.years).toEqual([2021, 2026]);
    expect(areas?.areas[0]?.years.map((cell) => cell?.total)).toEqual([7, 8]);
  });

  it('is absent when this is the only year, or no area is in two of the years', () => {
    expect(ownAreasOverTheYears(thisYear([section('styrning', 8, 10)]), [])).toBeUndefined();
    expect(
      ownAreasOverTheYears(thisYear([section('styrning', 8, 10)]), [submitted(2025, [section('annat', 1, 4)])]),
    ).toBeUndefined();
    // An area without points that year is not scored in it.
    expect(
      ownAreasOverTheYears(thisYear([section('info', 0, 0)]), [submitted(2025, [section('info', 0, 0)])]),
    ).toBeUndefined();
  });

  it('is on the scorecard buildScorecard assembles, and the schema accepts it', () => {
    const survey = makeSurvey();
    const data = { G1: true, G2: true, q1: 'ja' };
    const base = {
      year: 2026,
      organisationId: '1281',
      organisationType: 'kommun' as const,
      survey,
      data,
      network: {
        source: 'live' as const,
        respondents: 0,
        minGroupSize: 3,
        minGroupSizeMedian: 5,
        total: null,
        sections: [],
      },
    };
    const own = scored([section('a', 5, 5), section('b', 0, 5)]);
    const alone = buildScorecard({ ...base, score: own });
    const card = buildScorecard({
      ...base,
      score: own,
      responses: [submitted(2025, [section('a', 1, 5), section('b', 5, 5)])],
    });
    expect(alone.areasOverTheYears).toBeUndefined();
    expect(card.areasOverTheYears?.areas.map((a) => [a.name, a.change])).toEqual([
      ['a', expect.closeTo(0.8, 10)],
      ['b', -1],
    ]);
    expect(ScorecardSchema.parse(card).areasOverTheYears).toEqual(card.areasOverTheYears);
  });

  it('titles an area only earlier years had in English as the score stored then does, else in Swedish', () => {
    // Arrange: 2024 and 2025 had Avfall (Waste), this year's survey dropped it; both keep Styrning
    const page = (name: string, title: unknown, question: string) => ({
      name,
      title,
      elements: [yesNo(question, 2)],
    });
    const styrning = page('styrning', { default: 'Styrning', en: 'Governance' }, 's1');
    const before = makeSurvey({ pages: [styrning, page('avfall', { default: 'Avfall', en: 'Waste' }, 'a1')] });
    const now = makeSurvey({ pages: [styrning] });
    const stored = (year: number, answers: Record<string, unknown>): StoredResponse => ({
      year,
      status: 'submitted',
      organisationType: 'kommun',
      score: score(before, answers),
    });
    const responses = [stored(2024, { s1: true }), stored(2025, { s1: true, a1: true })];
    const own = score(now, { s1: true });
    const input = {
      year: 2026,
      organisationId: '1281',
      organisationType: 'kommun' as const,
      survey: now,
      data: { s1: true },
      score: own,
      network: {
        source: 'live' as const,
        respondents: 0,
        minGroupSize: 3,
        minGroupSizeMedian: 5,
        total: null,
        sections: [],
      },
    };
    // Act
    const card = ScorecardSchema.parse(buildScorecard({ ...input, responses }));
    // A score stored before sections kept their English title: the Swedish one, as before
    const old = responses.map((r) => ({
      ...r,
      score: { ...r.score!, sections: r.score!.sections.map(({ titleEn: _, ...rest }) => rest) },
    }));
    const oldCard = ScorecardSchema.parse(buildScorecard({ ...input, responses: old }));
    // Assert
    const titles = (areas: typeof card.areasOverTheYears) =>
      areas?.areas.map(({ name, title, titleEn }) => ({ name, title, titleEn }));
    expect(titles(card.areasOverTheYears)).toEqual([
      { name: 'styrning', title: 'Styrning', titleEn: 'Governance' },
      { name: 'avfall', title: 'Avfall', titleEn: 'Waste' },
    ]);
    expect(card.areasOverTheYears?.areas[1]?.years.map((cell) => cell?.total ?? null)).toEqual([0, 2, null]);
    expect(titles(oldCard.areasOverTheYears)).toEqual([
      { name: 'styrning', title: 'Styrning', titleEn: 'Governance' },
      { name: 'avfall', title: 'Avfall', titleEn: undefined },
    ]);
  });
});
