import { describe, expect, it } from 'vitest';
import { compileScoring, ScoreResultSchema, ScoringConfigError, score } from '../../../shared/scoring/index';
import { checkbox, choice, gate, makeSurvey, numberWithBands, page, yesNo } from '../../helpers/make-survey';

const passGates = { G1: true, G2: true };

/** Points of one question in a result. */
const pointsOf = (result: ReturnType<typeof score>, name: string) =>
  result.questions.find((q) => q.name === name)?.points;

describe('question points', () => {
  const cases: Array<[string, Record<string, unknown>, string, number]> = [
    ['a radiogroup scores the chosen choice', { q1: 'ja' }, 'q1', 2],
    ['a partial choice scores its own points', { q1: 'delvis' }, 'q1', 1],
    ['a choice that is not in the survey scores nothing', { q1: 'kanske' }, 'q1', 0],
    ['an unanswered question scores nothing', {}, 'q1', 0],
    ['a checkbox sums its chosen choices', { c1: ['x'] }, 'c1', 1],
    ['a checkbox is capped at its maxScore', { c1: ['x', 'y', 'z'] }, 'c1', 2],
    ['a checkbox counts a repeated choice once', { c1: ['x', 'x'] }, 'c1', 1],
    ['a checkbox answer that is not a list scores nothing', { c1: 'x' }, 'c1', 0],
    ['a boolean true scores scoreTrue', { q2: true }, 'q2', 1],
    ['a boolean false scores scoreFalse, 0 by default', { q2: false }, 'q2', 0],
    ['a number below every band minimum scores its open band', { n1: 10 }, 'n1', 0],
    ['a number band includes its min', { n1: 50 }, 'n1', 1],
    ['a number band excludes its max', { n1: 79.99 }, 'n1', 1],
    ['the next band starts at the previous max', { n1: 80 }, 'n1', 3],
    ['a numeric string is read as a number', { n1: '80' }, 'n1', 3],
    ['a non-numeric string scores nothing', { n1: 'många' }, 'n1', 0],
  ];
  it.each(cases)('%s', (_name, answers, question, expected) => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, answers);
    // Assert
    expect(pointsOf(result, question)).toBe(expected);
  });

  it('a boolean with scoreFalse scores it for false', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [yesNo('b', 0, { scoreFalse: 2 })])] });
    // Act
    const result = score(survey, { b: false });
    // Assert
    expect(result).toMatchObject({ total: 2, max: 2 });
  });

  it('a number with no matching band scores nothing', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [numberWithBands('n', [{ min: 10, max: 20, score: 1 }])])] });
    // Act
    const results = [5, 20, 25].map((n) => score(survey, { n }).total);
    // Assert
    expect(results).toEqual([0, 0, 0]);
  });

  it('the first matching band wins when bands overlap', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [
        page('p', [
          numberWithBands('n', [
            { min: 0, score: 1 },
            { min: 50, score: 3 },
          ]),
        ]),
      ],
    });
    // Act
    const result = score(survey, { n: 60 });
    // Assert
    expect(result.total).toBe(1);
    expect(result.max).toBe(3);
  });

  it('fractional points are summed exactly', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [choice('a', { halv: 0.5 }), choice('b', { halv: 0.5 })])] });
    // Act
    const result = score(survey, { a: 'halv', b: 'halv' });
    // Assert
    expect(result).toMatchObject({ total: 1, max: 1, share: 1 });
  });

  it('a "value|text" choice string scores nothing but is a valid choice', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [page('p', [{ type: 'radiogroup', name: 'r', choices: ['ja|Ja', { value: 'b', score: 1 }] }])],
    });
    // Act
    const result = score(survey, { r: 'ja' });
    // Assert
    expect(result).toMatchObject({ total: 0, max: 1 });
  });
});

describe('maxima and sections', () => {
  it('sections are pages and the maximum sums question maxima', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, {});
    // Assert
    expect(result.sections.map((s) => [s.name, s.max])).toEqual([
      ['baskrav', 0],
      ['a', 5],
      ['b', 5],
    ]);
    expect(result.max).toBe(10);
  });

  it('unanswered questions still count toward the maximum', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, { ...passGates, q1: 'ja' });
    // Assert
    expect(result).toMatchObject({ total: 2, max: 10, share: 0.2 });
  });

  it('a page maxScore replaces the sum of its questions and caps the page total', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [yesNo('a', 2), yesNo('b', 2)], { maxScore: 3 })] });
    // Act
    const result = score(survey, { a: true, b: true });
    // Assert
    expect(result.sections[0]).toMatchObject({ total: 3, max: 3 });
    expect(result).toMatchObject({ total: 3, max: 3 });
  });

  it('a page maxScore above its questions leaves room for points set by the kansli', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [page('p', [yesNo('a', 2), { type: 'comment', name: 'exempel' }], { maxScore: 3 })],
    });
    // Act
    const result = score(survey, { a: true });
    // Assert
    expect(result).toMatchObject({ total: 2, max: 3 });
  });

  it('questions inside panels count in their page', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [page('p', [{ type: 'panel', name: 'panel', elements: [yesNo('inne', 2)] }, yesNo('ute')])],
    });
    // Act
    const result = score(survey, { inne: true });
    // Assert
    expect(result.sections[0]).toMatchObject({ name: 'p', total: 2, max: 3 });
  });

  it('questions and pages with visible false are not part of the survey', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [
        page('p', [yesNo('a'), yesNo('dold', 1, { visible: false })]),
        page('gammal', [yesNo('x')], { visible: false }),
      ],
    });
    // Act
    const result = score(survey, { a: true, dold: true, x: true });
    // Assert
    expect(result).toMatchObject({ total: 1, max: 1 });
    expect(result.sections.map((s) => s.name)).toEqual(['p']);
  });

  it('a survey with elements at the root is one page', () => {
    // Arrange
    const survey = { elements: [yesNo('a', 2)] };
    // Act
    const result = score(survey, { a: true });
    // Assert
    expect(result.sections).toEqual([{ name: 'page1', title: 'page1', total: 2, max: 2 }]);
  });

  it('section titles use the default text of a localized title', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [{ name: 'p', title: { default: 'Energi', en: 'Energy' }, elements: [yesNo('a')] }],
    });
    // Act
    const result = score(survey, {});
    // Assert
    expect(result.sections[0]?.title).toBe('Energi');
  });

  it('a section keeps its English title, so a later English scorecard can title an area only this year had', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [
        { name: 'p', title: { default: 'Energi', en: 'Energy' }, elements: [yesNo('a')] },
        { name: 'q', title: 'Styrning', elements: [yesNo('b')] },
      ],
    });
    // Act
    const result = score(survey, { a: true });
    // Assert: the stored score parses with it, and a page without English has none
    expect(ScoreResultSchema.parse(result).sections).toEqual([
      { name: 'p', title: 'Energi', titleEn: 'Energy', total: 1, max: 1 },
      { name: 'q', title: 'Styrning', total: 0, max: 1 },
    ]);
  });

  it('a score stored before sections kept their English title still parses', () => {
    const stored = { ...score(makeSurvey(), {}), sections: [{ name: 'a', title: 'A', total: 0, max: 4 }] };
    expect(ScoreResultSchema.parse(stored).sections).toEqual([{ name: 'a', title: 'A', total: 0, max: 4 }]);
  });

  it('only questions that can give points are listed in the result', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, {});
    // Assert
    expect(result.questions.map((q) => q.name)).toEqual(['q1', 'q2', 'q2b', 'q3', 'c1', 'n1']);
  });
});

describe('hidden questions', () => {
  it('a follow-up shown by its parent scores', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, { q2: true, q2b: true });
    // Assert
    expect(pointsOf(result, 'q2b')).toBe(1);
  });

  it('a hidden follow-up scores nothing even when answered', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, { q2: false, q2b: true });
    // Assert
    expect(pointsOf(result, 'q2b')).toBe(0);
  });

  it('a hidden follow-up still counts toward the maximum', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, { q2: false });
    // Assert
    expect(result.max).toBe(10);
    expect(result.questions.find((q) => q.name === 'q2b')?.max).toBe(1);
  });

  it('hiding a question also hides the questions that depend on its value', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [
        page('p', [yesNo('a'), yesNo('b', 1, { visibleIf: '{a} = true' }), yesNo('c', 1, { visibleIf: '{b} = true' })]),
      ],
    });
    // Act
    const result = score(survey, { a: false, b: true, c: true });
    // Assert
    expect(result.total).toBe(0);
  });

  it('a panel visibleIf hides the questions inside it', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [
        page('p', [yesNo('a'), { type: 'panel', name: 'extra', visibleIf: '{a} = true', elements: [yesNo('b')] }]),
      ],
    });
    // Act
    const hidden = score(survey, { a: false, b: true });
    const shown = score(survey, { a: true, b: true });
    // Assert
    expect(hidden.total).toBe(0);
    expect(shown.total).toBe(2);
  });

  it('a page visibleIf hides the questions on it', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [page('p', [yesNo('a')]), page('q', [yesNo('b')], { visibleIf: '{a} = true' })],
    });
    // Act
    const result = score(survey, { a: false, b: true });
    // Assert
    expect(result.sections.map((s) => s.total)).toEqual([0, 0]);
  });
});

describe('gates', () => {
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ['every gate answered yes passes', { G1: true, G2: true }, true],
    ['one gate answered no fails', { G1: true, G2: false }, false],
    ['an unanswered gate fails', { G1: true }, false],
  ];
  it.each(cases)('%s', (_name, answers, expected) => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, { ...answers, q1: 'ja' });
    // Assert
    expect(result.gatePassed).toBe(expected);
  });

  it('failing the gate keeps the points but gives no band', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, {
      G1: false,
      G2: true,
      q1: 'ja',
      q2: true,
      q2b: true,
      q3: true,
      c1: ['x', 'y'],
      n1: 90,
    });
    // Assert
    expect(result).toMatchObject({ total: 10, max: 10, share: 1, band: null, gatePassed: false });
  });

  it('gate questions carry no points', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [{ ...choice('g', { ja: 5, nej: 0 }), gate: true }, yesNo('a')])] });
    // Act
    const result = score(survey, { g: 'ja', a: true });
    // Assert
    expect(result).toMatchObject({ total: 1, max: 1, gatePassed: true, band: 'A' });
  });

  const choiceGates: Array<[string, Record<string, number>, string, boolean]> = [
    ['a choice gate passes on a choice scored above 0', { ok: 1, inte: 0 }, 'ok', true],
    ['a choice gate fails on a choice scored 0', { ok: 1, inte: 0 }, 'inte', false],
    ['a choice gate without scores passes on "ja"', { ja: 0, nej: 0 }, 'ja', true],
    ['a choice gate without scores passes on "Yes"', { Yes: 0, No: 0 }, 'Yes', true],
    ['a choice gate without scores fails on "nej"', { ja: 0, nej: 0 }, 'nej', false],
  ];
  it.each(choiceGates)('%s', (_name, scores, answer, expected) => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [{ ...choice('g', scores), gate: true }])] });
    // Act
    const result = score(survey, { g: answer });
    // Assert
    expect(result.gatePassed).toBe(expected);
  });

  it('a hidden gate question is not required to pass', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [yesNo('a'), { ...gate('g'), visibleIf: '{a} = true' }])] });
    // Act
    const result = score(survey, { a: false });
    // Assert
    expect(result.gatePassed).toBe(true);
  });

  it('a boolean gate with a custom valueTrue passes only on that value', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [page('p', [{ ...gate('g'), valueTrue: 'ja', valueFalse: 'nej' }, yesNo('a')])],
    });
    // Act
    const yes = score(survey, { g: 'ja' });
    const no = score(survey, { g: true });
    // Assert
    expect([yes.gatePassed, no.gatePassed]).toEqual([true, false]);
  });

  it('a survey without gates always passes', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [yesNo('a')])] });
    // Act
    const result = score(survey, {});
    // Assert
    expect(result.gatePassed).toBe(true);
  });
});

describe('bands', () => {
  /** A survey of ten 1-point questions, so the total is the share in tenths. */
  const tenPoints = makeSurvey({
    pages: [
      page(
        'p',
        Array.from({ length: 10 }, (_, i) => yesNo(`q${i}`)),
      ),
    ],
  });
  const answering = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`q${i}`, true]));

  const edges: Array<[number, string]> = [
    [10, 'A'],
    [8, 'A'],
    [7, 'B'],
    [6, 'B'],
    [5, 'C'],
    [4, 'C'],
    [3, 'D'],
    [0, 'D'],
  ];
  it.each(edges)('a total of %i of 10 gives band %s', (points, band) => {
    // Arrange
    const answers = answering(points);
    // Act
    const result = score(tenPoints, answers);
    // Assert
    expect(result.band).toBe(band);
  });

  it('a share just under a threshold gets the lower band', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [choice('a', { x: 7.99 }), choice('b', { x: 2.01 })])] });
    // Act
    const result = score(survey, { a: 'x' });
    // Assert
    expect(result.share).toBeCloseTo(0.799);
    expect(result.band).toBe('B');
  });

  it('a share of exactly 0.8 reached by fractional points gets band A', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [choice('a', { x: 0.4 }), choice('b', { x: 0.1 })])] });
    // Act
    const result = score(survey, { a: 'x' });
    // Assert
    expect(result.band).toBe('A');
  });

  it('survey-level scoreBands replace the default bands, in any order', () => {
    // Arrange
    const survey = makeSurvey({
      pages: tenPoints.pages,
      scoreBands: [
        { minShare: 0, label: 'Början' },
        { minShare: 0.5, label: 'Godkänd' },
        { minShare: 0.9, label: 'Ledande' },
      ],
    });
    // Act
    const labels = [9, 5, 4].map((n) => score(survey, answering(n)).band);
    // Assert
    expect(labels).toEqual(['Ledande', 'Godkänd', 'Början']);
  });

  it('a share below every custom band gives no band', () => {
    // Arrange
    const survey = makeSurvey({ pages: tenPoints.pages, scoreBands: [{ minShare: 0.5, label: 'Godkänd' }] });
    // Act
    const result = score(survey, answering(2));
    // Assert
    expect(result.band).toBeNull();
  });

  it('a survey with no points has max 0, share 0 and no band', () => {
    // Arrange
    const survey = makeSurvey({ pages: [page('p', [{ type: 'text', name: 'namn' }, gate('g')])] });
    // Act
    const result = score(survey, { namn: 'Eva', g: true });
    // Assert
    expect(result).toEqual({
      total: 0,
      max: 0,
      share: 0,
      band: null,
      gatePassed: true,
      sections: [{ name: 'p', title: 'p', total: 0, max: 0 }],
      questions: [],
    });
  });
});

describe('kansli overrides', () => {
  it('an override replaces the computed points and keeps them alongside', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(
      survey,
      { q1: 'delvis' },
      { overrides: [{ question: 'q1', points: 2, reason: 'Beslut finns' }] },
    );
    // Assert
    expect(result.questions.find((q) => q.name === 'q1')).toEqual({ name: 'q1', points: 2, max: 2, computedPoints: 1 });
    expect(result.total).toBe(2);
  });

  it('an override on an unscored question adds points up to the page maximum', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [page('p', [yesNo('a', 2), { type: 'comment', name: 'exempel' }], { maxScore: 3 })],
    });
    // Act
    const result = score(survey, { a: true }, { overrides: [{ question: 'exempel', points: 5 }] });
    // Assert
    expect(result).toMatchObject({ total: 3, max: 3 });
    expect(result.questions.find((q) => q.name === 'exempel')).toEqual({
      name: 'exempel',
      points: 5,
      max: 0,
      computedPoints: 0,
    });
  });

  it('an override for a question that is not in the survey is an error', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const act = () => score(survey, {}, { overrides: [{ question: 'finns_inte', points: 1 }] });
    // Assert
    expect(act).toThrow(RangeError);
  });
});

describe('survey configuration', () => {
  const broken: Array<[string, Record<string, unknown>]> = [
    ['a negative choice score', { pages: [page('p', [choice('a', { x: -1 })])] }],
    ['a non-numeric scoreTrue', { pages: [page('p', [yesNo('a', 'två' as unknown as number)])] }],
    ['malformed number bands', { pages: [page('p', [numberWithBands('n', [{ min: 1 }])])] }],
    ['malformed survey bands', { scoreBands: [{ minShare: 2, label: 'A' }] }],
    ['an unsupported visibleIf expression', { pages: [page('p', [yesNo('a', 1, { visibleIf: 'age({d}) > 18' })])] }],
  ];
  it.each(broken)('a survey with %s is rejected with ScoringConfigError', (_name, overrides) => {
    // Arrange
    const survey = makeSurvey(overrides);
    // Act
    const act = () => score(survey, {});
    // Assert
    expect(act).toThrow(ScoringConfigError);
  });

  it('survey JSON that is not an object is a TypeError', () => {
    // Arrange
    const survey = [] as unknown as object;
    // Act
    const act = () => score(survey, {});
    // Assert
    expect(act).toThrow(TypeError);
  });

  it('the compiled plan is reused for the same survey object', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const first = compileScoring(survey);
    const second = compileScoring(survey);
    // Assert
    expect(second).toBe(first);
  });

  it('the result matches the ScoreResult schema', () => {
    // Arrange
    const survey = makeSurvey();
    // Act
    const result = score(survey, { ...passGates, q1: 'ja', c1: ['x'] }, { overrides: [{ question: 'q3', points: 1 }] });
    // Assert
    expect(ScoreResultSchema.parse(result)).toEqual(result);
  });

  it('checkbox and number helpers build questions the plan reads', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [page('p', [checkbox('c', { a: 1, b: 2 }), numberWithBands('n', [{ score: 4 }])])],
    });
    // Act
    const result = score(survey, { c: ['a', 'b'], n: 0 });
    // Assert
    expect(result).toMatchObject({ total: 7, max: 7 });
  });
});

describe('survey JSON written back by survey-core', () => {
  it('a follow-up saved with visible false and a visibleIf is still part of the survey', () => {
    // Arrange: survey-core's toJSON() writes visible: false for questions hidden at that moment.
    const survey = makeSurvey({
      pages: [page('p', [yesNo('a'), yesNo('b', 1, { visible: false, visibleIf: '{a} = true' })])],
    });
    // Act
    const result = score(survey, { a: true, b: true });
    // Assert
    expect(result).toMatchObject({ total: 2, max: 2 });
  });
});

describe('the worked example in docs/scoring.md', () => {
  it('scores the cut-down Mål page 5 of 10', () => {
    // Arrange
    const survey = makeSurvey({
      pages: [
        page('mal', [
          choice('M1', { inget: 0, nationellt_2045: 1, skarpare_an_2045: 2, klimatneutral_2030: 3 }),
          yesNo('M3', 2),
          choice('M4', { ja: 2, paborjat: 1, nej: 0 }),
          yesNo('M4b', 1, { visibleIf: "{M4} = 'ja'" }),
          checkbox('M7', { cdp_iclei: 1, covenant_of_mayors: 1, viable_cities: 1, eu_cities_mission: 1 }, 2),
        ]),
      ],
    });
    const answers = {
      M1: 'skarpare_an_2045',
      M3: false,
      M4: 'paborjat',
      M4b: true,
      M7: ['cdp_iclei', 'covenant_of_mayors', 'viable_cities'],
    };
    // Act
    const result = score(survey, answers);
    const withYes = score(survey, { ...answers, M4: 'ja' });
    // Assert
    expect(result.questions.map((q) => q.points)).toEqual([2, 0, 1, 0, 2]);
    expect(result.sections[0]).toMatchObject({ total: 5, max: 10 });
    expect(withYes.total).toBe(7);
  });
});
