import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../../functions/features/campaigns/default-surveys';
import {
  type AggregateResponse,
  aggregateKlimatlaget,
  KlimatlagetReportSchema,
  median,
  NATIONAL_EMISSIONS_DEFAULT,
  ReportRevisionSchema,
  scoringRulesOf,
  stat,
  withReportDefaults,
  yearOnYear,
} from '../../../shared/klimatlaget/index';
import { sampleAnswers } from '../../../shared/scoring/sample-answers';
import { score } from '../../../shared/scoring/score';
import { completeKommunAnswers } from '../../helpers/complete-answers';
import { choice, gate, makeSurvey, numberWithBands, page, yesNo } from '../../helpers/make-survey';

/** The fixture survey (max 10): gates G1, G2; page a (q1 ja/delvis/nej, q2, q2b after q2, q3); page b (c1, n1). */
const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };
const PASS = { G1: true, G2: true };

function submitted(id: string, data: Record<string, unknown>, type: 'kommun' | 'region' = 'kommun'): AggregateResponse {
  return { organisationId: id, organisationType: type, status: 'submitted', data, score: score(survey, data) };
}

function draft(id: string, data: Record<string, unknown>, type: 'kommun' | 'region' = 'kommun'): AggregateResponse {
  return { organisationId: id, organisationType: type, status: 'draft', data };
}

const question = (report: ReturnType<typeof aggregateKlimatlaget>, name: string) =>
  report.byType.kommun.questions.find((q) => q.name === name)!;

describe('median and mean', () => {
  it.each([
    ['no values', [], 0],
    ['one value', [0.4], 0.4],
    ['an odd count takes the middle value', [0.9, 0.1, 0.5], 0.5],
    ['an even count takes the mean of the two middle values', [0.2, 0.8, 0.4, 0.6], 0.5],
    ['unsorted input with repeats', [1, 0, 0, 1, 1], 1],
  ])('gives the median of %s', (_case, values, expected) => {
    expect(median(values)).toBeCloseTo(expected, 10);
  });

  it('rounds mean and median to four decimals', () => {
    expect(stat([1, 0, 0])).toEqual({ mean: 0.3333, median: 0 });
  });
});

describe('aggregateKlimatlaget: yes-shares and distributions', () => {
  it('counts only submitted responses, so a non-respondent or a draft is never a "no"', () => {
    // Arrange: two submitted yes, one submitted no, a draft no, and an organisation without a response
    const responses = [
      submitted('0001', { ...PASS, q2: true }),
      submitted('0002', { ...PASS, q2: true }),
      submitted('0003', { ...PASS, q2: false }),
      draft('0004', { q2: false }),
    ];
    // Act
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses,
      organisations: ['0001', '0002', '0003', '0004', '0005'].map((id) => ({ id, type: 'kommun' as const })),
    });
    // Assert
    expect(question(report, 'q2')).toMatchObject({ n: 3, yes: { value: true, count: 2, share: 0.6667 } });
    expect(report).toMatchObject({ respondents: 3, organisations: 5 });
  });

  it.each([
    ['a boolean: yes is true', 'q3', [true, false, false, true], { value: true, count: 2, share: 0.5 }],
    [
      'a single choice: yes is the highest-scored choice',
      'q1',
      ['ja', 'delvis', 'nej', 'ja'],
      { value: 'ja', count: 2, share: 0.5 },
    ],
    [
      'a gate question counts its yes-share too',
      'G1',
      [true, true, true, false],
      { value: true, count: 3, share: 0.75 },
    ],
  ])('gives the yes-share of %s', (_case, name, answers, yes) => {
    // Arrange
    const responses = answers.map((answer, i) => submitted(`000${i}`, { ...PASS, [name]: answer }));
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(question(report, name)).toMatchObject({ n: 4, yes });
  });

  it('leaves unanswered and hidden questions out of n', () => {
    // Arrange: q2b is only shown after q2 = true; a stored answer to a hidden q2b is ignored
    const responses = [
      submitted('0001', { ...PASS, q2: true, q2b: true }),
      submitted('0002', { ...PASS, q2: false, q2b: true }),
      submitted('0003', { ...PASS, q2: true }),
      submitted('0004', { ...PASS, q2: true, q2b: false }),
      submitted('0005', { ...PASS, q2: true, q2b: true }),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(question(report, 'q2b')).toMatchObject({ n: 3, yes: { count: 2, share: 0.6667 } });
  });

  it('gives the distribution of choices, where checkbox shares may sum above 1', () => {
    // Arrange
    const responses = [
      submitted('0001', { ...PASS, q1: 'ja', c1: ['x', 'y'] }),
      submitted('0002', { ...PASS, q1: 'delvis', c1: ['x'] }),
      submitted('0003', { ...PASS, c1: [] }),
      submitted('0004', { ...PASS, q1: 'ja', c1: ['x', 'y'] }),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(question(report, 'q1').distribution).toEqual([
      { value: 'ja', text: 'ja', count: 2, share: 0.6667 },
      { value: 'delvis', text: 'delvis', count: 1, share: 0.3333 },
      { value: 'nej', text: 'nej', count: 0, share: 0 },
    ]);
    expect(question(report, 'c1')).toMatchObject({ n: 3, yes: null });
    expect(question(report, 'c1').distribution?.map((d) => [d.value, d.count, d.share])).toEqual([
      ['x', 3, 1],
      ['y', 2, 0.6667],
      ['z', 0, 0],
    ]);
  });

  it('distributes a scored number question over its bands', () => {
    const responses = [10, 60, 79.9, 80, 500].map((n1, i) => submitted(`000${i}`, { ...PASS, n1 }));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // A band runs from its min up to, not including, its max: 80 is in the top band, 79.9 is not.
    expect(question(report, 'n1').distribution?.map((d) => [d.text, d.textEn, d.count])).toEqual([
      ['under 50', 'under 50', 1],
      ['50 till under 80', '50 to under 80', 2],
      ['80 eller mer', '80 or more', 2],
    ]);
  });

  it('names number bands so that no value seems to fall in two of them, on the shipped survey', () => {
    // Arrange: the outline's T1 bands (under 50, 50–79, 80–94, 95 or more) and E1 (under 80, 80–99, 100)
    const kommun = DEFAULT_SURVEYS.kommun;
    const answers = { ...completeKommunAnswers(), T1: 80, E1: 99.5 };
    const responses = ['1281', '1280', '0180'].map((id) => ({
      ...submitted(id, {}),
      data: answers,
      score: score(kommun, answers),
    }));
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys: { kommun, region: DEFAULT_SURVEYS.region }, responses });
    // Assert
    const texts = (name: string) =>
      report.byType.kommun.questions.find((q) => q.name === name)!.distribution!.map((d) => [d.text, d.count]);
    expect(texts('T1')).toEqual([
      ['under 50', 0],
      ['50 till under 80', 0],
      ['80 till under 95', 3],
      ['95 eller mer', 0],
    ]);
    expect(texts('E1')).toEqual([
      ['under 80', 0],
      ['80 till under 100', 3],
      ['100 eller mer', 0],
    ]);
  });

  it('writes fractional band limits with a decimal comma in Swedish and a point in English', () => {
    const decimal = makeSurvey({
      pages: [
        page('b', [
          numberWithBands('n1', [
            { max: 2.5, score: 0 },
            { min: 2.5, score: 1 },
          ]),
        ]),
      ],
    });
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: { kommun: decimal, region: decimal },
      responses: [{ ...submitted('0001', {}), data: { n1: 3 }, score: score(decimal, { n1: 3 }) }],
    });
    expect(report.byType.kommun.questions[0]!.distribution?.map((d) => [d.text, d.textEn])).toEqual([
      ['under 2,5', 'under 2.5'],
      ['2,5 eller mer', '2.5 or more'],
    ]);
  });

  it('marks a follow-up question, whose share is of those it was shown to, not of all respondents', () => {
    // Arrange: q2b is shown only after q2 = true
    const responses = [
      submitted('0001', { ...PASS, q2: true, q2b: true }),
      submitted('0002', { ...PASS, q2: false }),
      submitted('0003', { ...PASS, q2: false }),
      submitted('0004', { ...PASS, q2: true, q2b: true }),
      submitted('0005', { ...PASS, q2: true, q2b: true }),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert
    expect(question(report, 'q2b')).toMatchObject({ followUp: true, n: 3, yes: { share: 1 } });
    expect(question(report, 'q2').followUp).toBeUndefined();
    const m4b = aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses: [] }).byType.kommun.questions;
    expect(m4b.filter((q) => q.followUp).map((q) => q.name)).toEqual(['M4b']);
  });
});

describe('aggregateKlimatlaget: sections, bands and types', () => {
  it('gives the mean and median share of maximum per section with points', () => {
    // Arrange: page a (max 5) at 5, 2 and 1 points; page b (max 5) at 0, 0 and 5
    const responses = [
      submitted('0001', { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true }),
      submitted('0002', { ...PASS, q1: 'ja' }),
      submitted('0003', { ...PASS, q1: 'delvis', c1: ['x', 'y'], n1: 90 }),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert: the median of 3 is withheld (under MIN_GROUP_SIZE_MEDIAN), a fourth and fifth give it
    expect(report.byType.kommun.sections).toEqual([
      { name: 'a', title: 'a', max: 5, n: 3, mean: 0.5333, median: null },
      { name: 'b', title: 'b', max: 5, n: 3, mean: 0.3333, median: null },
    ]);
    const five = [...responses, submitted('0004', { ...PASS }), submitted('0005', { ...PASS, q1: 'ja', q2: true })];
    expect(aggregateKlimatlaget({ year: 2026, surveys, responses: five }).byType.kommun.sections).toEqual([
      { name: 'a', title: 'a', max: 5, n: 5, mean: 0.44, median: 0.4 },
      { name: 'b', title: 'b', max: 5, n: 5, mean: 0.2, median: 0 },
    ]);
  });

  it.each([
    ['A at exactly 0.8', { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, c1: ['x', 'y'], n1: 60 }, 'A'],
    ['B at 0.6', { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, n1: 60 }, 'B'],
    ['C at 0.4', { ...PASS, q1: 'ja', q2: true, q2b: true }, 'C'],
    ['D at 0.3', { ...PASS, q1: 'ja', q2: true }, 'D'],
    ['no band when a gate fails', { G1: true, G2: false, q1: 'ja', q2: true, q2b: true, q3: true, n1: 90 }, null],
  ])('counts respondents with %s in their band', (_case, data, band) => {
    const responses = ['0001', '0002', '0003'].map((id) => submitted(id, data));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    const counts = Object.fromEntries((report.bands ?? []).map((b) => [String(b.band), b.count]));
    expect(counts).toEqual({ A: 0, B: 0, C: 0, D: 0, null: 0, [String(band)]: 3 });
    expect(report.gatePassed).toBe(band === null ? 0 : 3);
  });

  it('gives the same figures by organisation type', () => {
    // Arrange: kommuner at 8, 0 and 2 points of 10 (0004 does not answer), regions at 1, 2 and 1
    const responses = [
      submitted('0001', { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, n1: 90 }),
      submitted('0002', { ...PASS }),
      submitted('0003', { ...PASS, q1: 'ja' }),
      submitted('01', { ...PASS, q1: 'delvis' }, 'region'),
      submitted('02', { ...PASS, q1: 'ja' }, 'region'),
      submitted('03', { ...PASS, q1: 'nej', q2: true }, 'region'),
    ];
    const organisations = [
      ...['0001', '0002', '0003', '0004'].map((id) => ({ id, type: 'kommun' as const })),
      ...['01', '02', '03'].map((id) => ({ id, type: 'region' as const })),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, organisations });
    // Assert
    expect(report).toMatchObject({ respondents: 6, organisations: 7, total: { mean: 0.2333, median: 0.15 } });
    expect(report.excludedTypes).toBeUndefined();
    expect(report.byType.kommun).toMatchObject({
      respondents: 3,
      organisations: 4,
      // Medians of 3 are withheld; the network's of 6 is shown
      total: { mean: 0.3333, median: null },
    });
    expect(report.byType.region).toMatchObject({
      respondents: 3,
      organisations: 3,
      total: { mean: 0.1333, median: null },
    });
    expect(report.byType.region.questions.find((q) => q.name === 'q1')).toMatchObject({
      n: 3,
      yes: { count: 1, share: 0.3333 },
    });
  });

  it('leaves an excused organisation out of the organisations asked, unless it submitted', () => {
    const responses: AggregateResponse[] = [
      { ...draft('0002', {}), excused: true },
      { ...submitted('0003', { ...PASS }), excused: true },
    ];
    const organisations = ['0001', '0002', '0003'].map((id) => ({ id, type: 'kommun' as const }));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, organisations });
    expect(report).toMatchObject({ respondents: 1, organisations: 2, excused: 1 });
  });
});

describe('aggregateKlimatlaget: year on year', () => {
  const share = (points: number) => ({ ...score(survey, {}), share: points / 10 });
  const withShare = (id: string, points: number, status = 'submitted'): AggregateResponse => ({
    organisationId: id,
    organisationType: 'kommun',
    status,
    data: {},
    score: share(points),
  });

  it.each([
    ['nobody answered last year', [], null],
    [
      'only organisations that submitted both years count',
      [
        withShare('0001', 4),
        withShare('0002', 8),
        withShare('0004', 5),
        withShare('0009', 1),
        withShare('0003', 2, 'draft'),
      ],
      // 4 respondents this year and last, 3 pairs: the means would give 0003's and 0009's scores
      // away (suppression.test.ts), so only the counts of the pairs are shown
      {
        organisations: 3,
        previousRespondents: 4,
        previous: null,
        current: null,
        change: null,
        unmatched: true,
        improved: 1,
        unchanged: 1,
        declined: 1,
      },
    ],
    [
      'an unchanged share is neither better nor worse',
      [withShare('0001', 6), withShare('0002', 2), withShare('0003', 5), withShare('0004', 5)],
      {
        organisations: 4,
        change: { mean: 0.05, median: null },
        improved: 1,
        unchanged: 2,
        declined: 1,
      },
    ],
  ])('compares with last year when %s', (_case, previous, expected) => {
    // Arrange: this year 0001 at 6, 0002 at 6, 0003 at 3, 0004 at 5 (0003 only a draft last year in case 2)
    const responses = [withShare('0001', 6), withShare('0002', 6), withShare('0003', 3), withShare('0004', 5)];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    // Assert
    if (expected === null) expect(report.yearOnYear).toBeNull();
    else expect(report.yearOnYear).toMatchObject(expected);
    expect(report.byType.kommun.yearOnYear).toEqual(report.yearOnYear);
  });
});

describe('yearOnYear: the change computation', () => {
  const scored = (id: string, share: number, type: 'kommun' | 'region' = 'kommun') => ({
    response: { organisationId: id, organisationType: type, status: 'submitted', data: {} } as AggregateResponse,
    score: { ...score(survey, {}), share },
  });

  it('takes this year minus last year per organisation, with mean and median of the changes', () => {
    // Arrange: changes +0.2, −0.1, +0.05, 0; an organisation only in one year is left out
    const current = [scored('a', 0.7), scored('b', 0.4), scored('c', 0.55), scored('d', 0.3), scored('new', 1)];
    const previous = [scored('a', 0.5), scored('b', 0.5), scored('c', 0.5), scored('d', 0.3), scored('gone', 0)];
    // Act
    const change = yearOnYear(current, previous);
    // Assert
    expect(change).toEqual({
      organisations: 4,
      previousRespondents: 5,
      previousMax: 10,
      previous: { mean: 0.45, median: 0.5 },
      current: { mean: 0.4875, median: 0.475 },
      change: { mean: 0.0375, median: 0.025 },
      improved: 2,
      unchanged: 1,
      declined: 1,
    });
  });

  it.each([
    ['exactly 0.0005 better counts as improved', 0.5005, { improved: 1, unchanged: 0, declined: 0 }],
    ['0.0004 better counts as unchanged', 0.5004, { improved: 0, unchanged: 1, declined: 0 }],
    ['0.0004 worse counts as unchanged', 0.4996, { improved: 0, unchanged: 1, declined: 0 }],
    ['exactly 0.0005 worse counts as declined', 0.4995, { improved: 0, unchanged: 0, declined: 1 }],
  ])('%s', (_case, share, counts) => {
    expect(yearOnYear([scored('a', share)], [scored('a', 0.5)])).toMatchObject(counts);
  });

  it("keeps last year's maximum, so a change between shares of different maxima can be named", () => {
    // Arrange: last year's survey had 66 points, this year's 68
    const withMax = (id: string, share: number, max: number) => {
      const s = scored(id, share);
      return { ...s, score: { ...s.score, max } };
    };
    const current = ['a', 'b', 'c'].map((id) => withMax(id, 0.5, 68));
    const previous = ['a', 'b', 'c'].map((id) => withMax(id, 0.5, 66));
    // Act
    const change = yearOnYear(current, previous);
    // Assert
    expect(change?.previousMax).toBe(66);
    // Pairs whose scores last year had different maxima have no single one to name.
    expect(yearOnYear(current, [...previous.slice(0, 2), withMax('c', 0.5, 40)])).not.toHaveProperty('previousMax');
  });

  it('is null when no organisation answered both years', () => {
    expect(yearOnYear([scored('a', 0.5)], [scored('b', 0.5)])).toBeNull();
    expect(yearOnYear([], [])).toBeNull();
  });

  it("splits the change by type and scores last year without a stored score with last year's survey", () => {
    // Arrange: three kommuner 6 → 8 points (stored), three regions from 2 (computed from data) → 1 point
    const previousSurvey = makeSurvey();
    const kommuner = ['0001', '0002', '0003'];
    const regions = ['01', '02', '03'];
    const responses = [
      ...kommuner.map((id) => submitted(id, { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true, n1: 60 })),
      ...regions.map((id) => submitted(id, { ...PASS, q2: true }, 'region')),
    ];
    const previous: AggregateResponse[] = [
      ...kommuner.map((id) => submitted(id, { ...PASS, q1: 'ja', q2: true, q2b: true, q3: true })),
      ...regions.map((id) => ({
        organisationId: id,
        organisationType: 'region' as const,
        status: 'submitted',
        data: { ...PASS, q1: 'delvis', q2: true },
      })),
    ];
    // Act
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses,
      previous: { responses: previous, surveys: { kommun: previousSurvey, region: previousSurvey } },
    });
    // Assert
    expect(report.byType.kommun.yearOnYear).toMatchObject({
      organisations: 3,
      previous: { mean: 0.5 },
      current: { mean: 0.6 },
      change: { mean: 0.1 },
      improved: 3,
    });
    expect(report.byType.region.yearOnYear).toMatchObject({ organisations: 3, change: { mean: -0.1 }, declined: 3 });
    expect(report.yearOnYear).toMatchObject({
      organisations: 6,
      change: { mean: 0, median: 0 },
      improved: 3,
      declined: 3,
    });
  });
});

/** The fixture survey with English texts on a page, a question and a choice, and one text without. */
const bilingual = makeSurvey({
  pages: [
    page('baskrav', [{ ...gate('G1'), title: { default: 'Finns ett beslut?', en: 'Is there a decision?' } }]),
    page(
      'a',
      [
        {
          ...choice('q1', { ja: 2, nej: 0 }),
          title: { default: 'Finns en plan?', en: 'Is there a plan?' },
          choices: [
            { value: 'ja', text: { default: 'Ja, beslutad', en: 'Yes, decided' }, score: 2 },
            { value: 'nej', text: 'Nej', score: 0 },
          ],
        },
        { ...yesNo('q2'), title: 'Bara svenska?' },
      ],
      { title: { default: 'Mål', en: 'Targets' } },
    ),
  ],
});

describe('aggregateKlimatlaget: English texts and bands in the snapshot', () => {
  const bilingualSurveys = { kommun: bilingual, region: bilingual };
  const respond = (id: string, data: Record<string, unknown>): AggregateResponse => ({
    organisationId: id,
    organisationType: 'kommun',
    status: 'submitted',
    data,
    score: score(bilingual, data),
  });

  it('stores the English title of areas, questions and answer options beside the Swedish one', () => {
    // Act
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: bilingualSurveys,
      responses: [respond('0001', { G1: true, q1: 'ja', q2: true })],
    });
    // Assert
    const { sections, questions } = report.byType.kommun;
    expect(sections).toEqual([expect.objectContaining({ name: 'a', title: 'Mål', titleEn: 'Targets' })]);
    const q1 = questions.find((q) => q.name === 'q1')!;
    expect([q1.title, q1.titleEn]).toEqual(['Finns en plan?', 'Is there a plan?']);
    expect(q1.distribution?.map((c) => [c.text, c.textEn])).toEqual([
      ['Ja, beslutad', 'Yes, decided'],
      ['Nej', undefined],
    ]);
    expect(questions.find((q) => q.name === 'G1')?.titleEn).toBe('Is there a decision?');
    // No English text: the field is left out, not copied from Swedish.
    expect('titleEn' in questions.find((q) => q.name === 'q2')!).toBe(false);
  });

  it('has English for every area and question of the shipped surveys', () => {
    const report = aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses: [] });
    for (const type of ['kommun', 'region'] as const) {
      const { sections, questions } = report.byType[type];
      expect(sections.filter((s) => !s.titleEn).map((s) => s.name)).toEqual([]);
      expect(questions.filter((q) => !q.titleEn).map((q) => q.name)).toEqual([]);
    }
    expect(report.byType.kommun.sections.find((s) => s.name === 'energi')?.titleEn).toBe('Energy');
  });

  it('still reads a snapshot stored with Swedish titles only', () => {
    // Arrange: a report as stored before English titles and bands were kept
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: bilingualSurveys,
      responses: [respond('0001', { G1: true, q1: 'ja' })],
    });
    const old = JSON.parse(
      JSON.stringify(report, (key, value) => (/^(titleEn|textEn|scoreBands)$/.test(key) ? undefined : value)),
    );
    // Act
    const parsed = KlimatlagetReportSchema.parse(old);
    // Assert
    expect(parsed.byType.kommun.sections[0]).toMatchObject({ title: 'Mål' });
    expect(parsed.byType.kommun.sections[0]?.titleEn).toBeUndefined();
    expect(parsed.byType.kommun.scoreBands).toBeUndefined();
  });

  it('records the bands of each type, highest first, from the survey that scored the responses', () => {
    const region = makeSurvey({
      scoreBands: [
        { minShare: 0.5, label: 'Godkänd' },
        { minShare: 0.9, label: 'Utmärkt' },
      ],
    });
    const report = aggregateKlimatlaget({ year: 2026, surveys: { kommun: survey, region }, responses: [] });
    expect(report.byType.kommun.scoreBands).toEqual([
      { minShare: 0.8, label: 'A' },
      { minShare: 0.6, label: 'B' },
      { minShare: 0.4, label: 'C' },
      { minShare: 0, label: 'D' },
    ]);
    expect(report.byType.region.scoreBands).toEqual([
      { minShare: 0.9, label: 'Utmärkt' },
      { minShare: 0.5, label: 'Godkänd' },
    ]);
  });
});

describe('withReportDefaults: older snapshots', () => {
  const rules = {
    kommun: scoringRulesOf(survey, 'k'),
    region: scoringRulesOf(makeSurvey({ scoreBands: [{ minShare: 0.5, label: 'G' }] }), 'r'),
  };
  const emissions = { '0001': [{ year: 2023, sector: 'transporter', tonnesCO2e: 300_000, population: 100_000 }] };
  const stored = () => {
    const report = aggregateKlimatlaget({ year: 2025, surveys, responses: [submitted('0001', PASS)], emissions });
    // As stored before bands and the source year were kept.
    const old = JSON.parse(
      JSON.stringify(report, (key, value) => (key === 'scoreBands' || key === 'quotedIn' ? undefined : value)),
    );
    return KlimatlagetReportSchema.parse(old);
  };

  it("fills in the bands from the snapshot's own rules and dates the documented national figure by its source", () => {
    // Act
    const report = withReportDefaults(stored(), rules);
    // Assert
    expect(report.byType.kommun.scoreBands?.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(report.byType.region.scoreBands).toEqual([{ minShare: 0.5, label: 'G' }]);
    expect(report.emissions?.national).toEqual({ ...NATIONAL_EMISSIONS_DEFAULT, quotedIn: 2023 });
    expect(report.byType.kommun.emissions?.national.quotedIn).toBe(2023);
    expect(ReportRevisionSchema.shape.report.parse(report)).toEqual(report);
  });

  it('leaves a current snapshot as it is, and never dates a national figure from another source', () => {
    // Arrange
    const current = aggregateKlimatlaget({ year: 2025, surveys, responses: [submitted('0001', PASS)], emissions });
    const imported = aggregateKlimatlaget({
      year: 2025,
      surveys,
      responses: [submitted('0001', PASS)],
      emissions,
      nationalEmissions: { perInhabitant: 4.4, year: null, source: 'En annan källa' },
    });
    // Act and assert
    expect(withReportDefaults(current, rules)).toEqual(current);
    expect(withReportDefaults(imported, rules).emissions?.national).toEqual({
      perInhabitant: 4.4,
      year: null,
      source: 'En annan källa',
    });
    expect(withReportDefaults(stored()).byType.kommun.scoreBands).toBeUndefined();
  });
});

describe('aggregateKlimatlaget: emissions', () => {
  const rows = (tonnes: number, population: number, year = 2023) => [
    { year, sector: 'transporter', tonnesCO2e: tonnes / 2, population },
    { year, sector: 'industri', tonnesCO2e: tonnes / 2, population },
    { year, sector: 'utrikes-transporter', tonnesCO2e: 999_999, population },
  ];

  it('compares the network per inhabitant with the documented national figure', () => {
    // Arrange: 2 t, 4 t and 3 t per inhabitant; a non-respondent's emissions are ignored
    const responses = [submitted('0001', PASS), submitted('0002', PASS), submitted('0004', PASS), draft('0003', {})];
    const emissions = {
      '0001': rows(200_000, 100_000),
      '0002': rows(40_000, 10_000),
      '0003': rows(1, 1),
      '0004': rows(30_000, 10_000),
    };
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    // Assert
    expect(report.emissions).toMatchObject({
      basis: 'kommun',
      organisations: 3,
      latestYear: 2023,
      // The median of 3 organisations is withheld (MIN_GROUP_SIZE_MEDIAN)
      perInhabitant: { mean: 3, median: null },
      weightedPerInhabitant: 2.25,
      national: NATIONAL_EMISSIONS_DEFAULT,
      trend: [{ year: 2023, perInhabitant: 2.25, organisations: 3 }],
    });
  });

  it('computes the national figure from imported national rows when given', () => {
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses: [submitted('0001', PASS)],
      emissions: { '0001': rows(30_000, 10_000) },
      nationalEmissions: rows(44_000_000, 10_500_000, 2022),
    });
    expect(report.emissions?.national).toMatchObject({ perInhabitant: 4.1905, year: 2022 });
    expect(report.emissions?.national.quotedIn).toBeUndefined();
  });

  it('dates the documented national figure by the year of the source that quotes it', () => {
    // The source gives no data year, so the figure says where and when it was published instead.
    expect(NATIONAL_EMISSIONS_DEFAULT).toMatchObject({ perInhabitant: 4.4, year: null, quotedIn: 2023 });
    expect(NATIONAL_EMISSIONS_DEFAULT.source).toContain(`Klimatläget ${NATIONAL_EMISSIONS_DEFAULT.quotedIn}`);
  });

  it("compares the members' change per inhabitant since 1990 with Sweden's, as Klimatläget 2023 did", () => {
    // Arrange: per inhabitant 10 → 4 t (−60 %), 5 → 4 t (−20 %), 8 → 4 t (−50 %), and one without
    // population, whose change is only known in total tonnes and so is left out of a per-inhabitant mean
    const responses = ['0001', '0002', '0003', '0004'].map((id) => submitted(id, PASS));
    const emissions = {
      '0001': [...rows(1_000_000, 100_000, 1990), ...rows(400_000, 100_000)],
      '0002': [...rows(250_000, 50_000, 1990), ...rows(200_000, 50_000)],
      '0004': [...rows(800_000, 100_000, 1990), ...rows(400_000, 100_000)],
      '0003': [
        { year: 1990, sector: 'transporter', tonnesCO2e: 100 },
        { year: 2023, sector: 'transporter', tonnesCO2e: 10 },
      ],
    };
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, emissions });
    // Assert
    expect(report.emissions?.changeSince1990).toEqual({ organisations: 3, mean: -0.4333, median: null });
    expect(report.emissions?.national.changeSince1990).toBe(-0.46);
  });

  it('has no change since 1990 when no respondent has figures for 1990', () => {
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses: [submitted('0001', PASS)],
      emissions: { '0001': rows(30_000, 10_000) },
    });
    expect(report.emissions?.changeSince1990).toBeNull();
  });

  it('takes the national change since 1990 from imported national rows per inhabitant', () => {
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses: [submitted('0001', PASS)],
      emissions: { '0001': rows(30_000, 10_000) },
      nationalEmissions: [...rows(72_000_000, 8_600_000, 1990), ...rows(44_000_000, 10_500_000, 2022)],
    });
    expect(report.emissions?.national).toMatchObject({ year: 2022, changeSince1990: -0.4995 });
  });

  it('has no emissions section when nothing is imported', () => {
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses: [submitted('0001', PASS)] });
    expect(report.emissions).toBeNull();
  });
});

describe('aggregateKlimatlaget: the shape of the report', () => {
  it('names no organisation and stays far below the 400 KB item limit with 300 respondents', () => {
    // Arrange: the shipped surveys, 290 kommuner and 10 regions with random answers
    const kommun = sampleAnswers(DEFAULT_SURVEYS.kommun, 290, 7);
    const region = sampleAnswers(DEFAULT_SURVEYS.region, 10, 8);
    const responses: AggregateResponse[] = [
      ...kommun.map((data, i) => ({
        organisationId: String(1000 + i),
        organisationType: 'kommun' as const,
        status: 'submitted',
        data,
        score: score(DEFAULT_SURVEYS.kommun, data),
      })),
      ...region.map((data, i) => ({
        organisationId: String(10 + i),
        organisationType: 'region' as const,
        status: 'submitted',
        data,
        score: score(DEFAULT_SURVEYS.region, data),
      })),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses });
    const json = JSON.stringify(report);
    // Assert
    expect(KlimatlagetReportSchema.parse(report)).toEqual(report);
    expect(report.respondents).toBe(300);
    expect(json).not.toMatch(/"1000"|organisationId/);
    expect(Buffer.byteLength(json)).toBeLessThan(60 * 1024);
  });
});

describe('scoring a response that has no stored score', () => {
  it("ignores an override of a question the survey no longer has, as the stored score's own rule does", () => {
    // Arrange: three submitted without a stored score, one with an override of a removed question
    const unscored = (id: string, overrides: AggregateResponse['overrides'] = []): AggregateResponse => ({
      organisationId: id,
      organisationType: 'kommun',
      status: 'submitted',
      data: { ...PASS, q1: 'ja' },
      overrides,
    });
    const responses = [
      unscored('0001', [{ question: 'removed_question', points: 5 }]),
      unscored('0002'),
      unscored('0003'),
    ];
    // Act
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses });
    // Assert: all three count, each with the points of its answers alone
    const alone = score(survey, { ...PASS, q1: 'ja' });
    expect(report.byType.kommun.respondents).toBe(3);
    expect(report.byType.kommun.total?.mean).toBeCloseTo(alone.total / alone.max, 10);
  });
});
