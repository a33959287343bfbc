import { Model, surveyLocalization } from 'survey-core';
import 'survey-core/i18n/swedish';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScoring, listScoredQuestions, score, yesValueOf } from '../../../shared/scoring/index';
import '../../../shared/scoring/scoring-properties';
import { isJsonObject, walkSurvey } from '../../../shared/scoring/survey-json';
import kommun from '../../../shared/surveys/kommun.json';
import region from '../../../shared/surveys/region.json';
import { bestAnswers, worstAnswers } from '../../helpers/make-survey';

const surveys: Array<[string, object]> = [
  ['kommun', kommun],
  ['region', region],
];

describe.each(surveys)('the %s survey', (_name, survey) => {
  const plan = compileScoring(survey);
  const { questions, pages } = walkSurvey(survey);

  it('loads in survey-core without JSON errors', () => {
    // Act
    const model = new Model(survey);
    // Assert
    expect(model.jsonErrors ?? []).toEqual([]);
    expect(model.getAllQuestions().length).toBe(questions.length);
  });

  it('round-trips through survey-core with its scoring properties intact', () => {
    // Act
    const json = new Model(survey).toJSON();
    // Assert
    expect(compileScoring(json).pages.map((p) => p.max)).toEqual(plan.pages.map((p) => p.max));
    expect(json.scoreBands).toEqual((survey as { scoreBands: unknown }).scoreBands);
  });

  it('starts with Uppgiftslämnare and Baskrav and ends with Goda exempel', () => {
    // Act
    const names = pages.map((p) => p.name);
    // Assert
    expect(names.slice(0, 2)).toEqual(['uppgiftslamnare', 'baskrav']);
    expect(names.at(-1)).toBe('goda_exempel');
  });

  it('prefills the organisation read-only', () => {
    // Act
    const organisation = questions.find((q) => q.name === 'organisation');
    // Assert
    expect(organisation?.json).toMatchObject({ type: 'text', readOnly: true });
    expect(organisation?.page.name).toBe('uppgiftslamnare');
  });

  it('has four gate questions on the Baskrav page and no others', () => {
    // Act
    const gates = plan.questions.filter((q) => q.gate);
    // Assert
    expect(gates).toHaveLength(4);
    expect(gates.every((q) => pages[q.pageIndex]?.name === 'baskrav' && q.json.isRequired === true)).toBe(true);
  });

  it('gives every question with scoring properties some points', () => {
    // Arrange
    const withScoring = plan.questions.filter(
      (q) =>
        !q.gate &&
        (q.json.scoreTrue !== undefined ||
          q.json.scoreBands !== undefined ||
          (Array.isArray(q.json.choices) && q.json.choices.some((c) => isJsonObject(c) && c.score !== undefined))),
    );
    // Act
    const withoutPoints = withScoring.filter((q) => q.max <= 0).map((q) => q.name);
    // Assert
    expect(withScoring.length).toBeGreaterThan(20);
    expect(withoutPoints).toEqual([]);
  });

  it('gives every scored and gate question an optional evidence URL and comment', () => {
    // Arrange
    const byName = new Map(questions.map((q) => [q.name, q.json]));
    const main = plan.questions.filter((q) => (q.max > 0 || q.gate) && !q.json.visibleIf);
    // Act
    const missing = main.filter((q) => {
      const url = byName.get(`${q.name}_url`);
      const comment = byName.get(`${q.name}_comment`);
      return (
        url?.inputType !== 'url' ||
        url.isRequired === true ||
        !Array.isArray(url.validators) ||
        comment?.type !== 'comment' ||
        comment.isRequired === true
      );
    });
    // Assert
    expect(missing.map((q) => q.name)).toEqual([]);
  });

  it('marks the main question of every scored item required', () => {
    // Act
    const optional = plan.questions.filter(
      (q) => (q.max > 0 || q.gate) && !q.json.visibleIf && q.json.isRequired !== true,
    );
    // Assert
    expect(optional.map((q) => q.name)).toEqual([]);
  });

  it('has English text for the title of every page and question', () => {
    // Act
    const untranslated = [...pages.map((p) => p.json), ...questions.map((q) => q.json)]
      .filter((element) => !isJsonObject(element.title) || typeof element.title.en !== 'string')
      .map((element) => element.name);
    // Assert
    expect(untranslated).toEqual([]);
  });

  it('best answers reach the maximum apart from points the kansli sets, with band A', () => {
    // Arrange
    const answers = bestAnswers(survey);
    const kansliPoints = plan.pages.reduce(
      (acc, p, i) => acc + p.max - plan.questions.filter((q) => q.pageIndex === i).reduce((sum, q) => sum + q.max, 0),
      0,
    );
    // Act
    const result = score(survey, answers);
    // Assert
    expect(result.total).toBe(result.max - kansliPoints);
    expect(result).toMatchObject({ gatePassed: true, band: 'A' });
  });

  it('"no" to everything scores 0, fails the gate and gets no band', () => {
    // Arrange
    const answers = worstAnswers(survey);
    // Act
    const result = score(survey, answers);
    // Assert
    expect(result).toMatchObject({ total: 0, gatePassed: false, band: null });
  });

  it('has a yes value for every scored yes/no or choice question, for Klimatläget', () => {
    // Act
    const withoutYes = listScoredQuestions(survey)
      .filter((q) => q.type === 'boolean' || q.type === 'radiogroup')
      .filter((q) => yesValueOf(questions.find((node) => node.name === q.name)!.json) === null);
    // Assert
    expect(withoutYes).toEqual([]);
  });
});

describe('the kommun survey content', () => {
  it('has the published area maxima 15, 5, 12, 11, 10, 8, 5 = 66', () => {
    // Act
    const result = score(kommun, {});
    // Assert
    expect(result.sections.filter((s) => s.max > 0).map((s) => s.max)).toEqual([15, 5, 12, 11, 10, 8, 5]);
    expect(result.max).toBe(66);
  });

  it('best answers plus the kansli point for S6 score 66 of 66 with band A', () => {
    // Arrange
    const answers = bestAnswers(kommun);
    // Act
    const computed = score(kommun, answers);
    const reviewed = score(kommun, answers, { overrides: [{ question: 'S6', points: 1, reason: 'Gott exempel' }] });
    // Assert
    expect(computed.total).toBe(65);
    expect(reviewed).toMatchObject({ total: 66, max: 66, share: 1, band: 'A', gatePassed: true });
  });

  it('uses the question names of the outline', () => {
    // Arrange
    const expected = [
      ...['B1', 'B2', 'B3', 'B4'],
      ...['M1', 'M2', 'M3', 'M4', 'M4b', 'M5', 'M6', 'M7', 'M8', 'M9'],
      ...['O1', 'O2', 'O3', 'O4', 'O5'],
      ...['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'],
      ...['E1', 'E2', 'E3', 'E4', 'E4_kw', 'E5', 'E6', 'E7', 'E8', 'E9'],
      ...['S1', 'S2', 'S3', 'S4', 'S5', 'S6'],
      ...['U1', 'U2', 'U3', 'U4', 'U4_kg', 'U5'],
      ...['K1', 'K2', 'K3', 'K4'],
    ];
    // Act
    const names = new Set(walkSurvey(kommun).questions.map((q) => q.name));
    // Assert
    expect(expected.filter((name) => !names.has(name))).toEqual([]);
  });

  it('shows follow-ups only after a yes', () => {
    // Arrange
    const followUps = { M4b: ['M4', 'ja'], E4_kw: ['E4', true], U4_kg: ['U4', true] } as const;
    const model = new Model(kommun);
    for (const [followUp, [parent, yes]] of Object.entries(followUps)) {
      // Act
      model.data = { [parent]: yes };
      const shownOnYes = model.getQuestionByName(followUp).isVisible;
      model.data = {};
      const shownUnanswered = model.getQuestionByName(followUp).isVisible;
      // Assert
      expect([followUp, shownOnYes, shownUnanswered]).toEqual([followUp, true, false]);
    }
  });

  it('caps the M7 framework checkbox at 2 points', () => {
    // Act
    const result = score(kommun, { M7: ['cdp_iclei', 'covenant_of_mayors', 'viable_cities'] });
    // Assert
    expect(result.questions.find((q) => q.name === 'M7')).toEqual({ name: 'M7', points: 2, max: 2 });
  });

  const shareBands: Array<[string, number, number]> = [
    ['T1', 49, 0],
    ['T1', 50, 1],
    ['T1', 94, 2],
    ['T1', 95, 3],
    ['E1', 79, 0],
    ['E1', 99, 1],
    ['E1', 100, 2],
  ];
  it.each(shareBands)('%s = %i %% scores %i points', (question, value, points) => {
    // Act
    const result = score(kommun, { [question]: value });
    // Assert
    expect(result.questions.find((q) => q.name === question)?.points).toBe(points);
  });

  it('has the Klimatläget headline questions with a yes answer', () => {
    // Arrange
    const byName = new Map(walkSurvey(kommun).questions.map((q) => [q.name, q.json]));
    // Act
    const yes = ['M1', 'T5', 'S1', 'S2', 'K1', 'T6'].map((name) => [name, yesValueOf(byName.get(name)!)]);
    // Assert
    expect(yes).toEqual([
      ['M1', 'klimatneutral_2030'],
      ['T5', true],
      ['S1', true],
      ['S2', true],
      ['K1', true],
      ['T6', true],
    ]);
  });
});

describe('the region survey content', () => {
  it('has four scored areas of 8 to 12 points each', () => {
    // Act
    const areas = score(region, {}).sections.filter((s) => s.max > 0);
    // Assert
    expect(areas.map((s) => s.name)).toEqual([
      'ledarskap',
      'egen_verksamhet',
      'transporter_samhallsplanering',
      'energi',
    ]);
    expect(areas.every((s) => s.max >= 8 && s.max <= 12)).toBe(true);
  });
});

describe('language toggle', () => {
  const original = surveyLocalization.defaultLocale;
  beforeAll(() => {
    // "default" texts are Swedish, so the app makes Swedish survey-core's default locale.
    surveyLocalization.defaultLocale = 'sv';
  });
  afterAll(() => {
    surveyLocalization.defaultLocale = original;
  });

  it.each(surveys)('the %s survey shows Swedish titles by default and English after switching', (_name, survey) => {
    // Arrange
    const model = new Model(survey);
    // Act
    const swedish = [model.pages[0]?.title, model.getQuestionByName('respondent_name').title];
    model.locale = 'en';
    const english = [model.pages[0]?.title, model.getQuestionByName('respondent_name').title];
    // Assert
    // The organisation's contact person for the answers: one answer shared by both contacts.
    expect(swedish).toEqual(['Uppgiftslämnare', 'Namn på kontaktperson för svaren']);
    expect(english).toEqual(['Respondent', 'Name of the contact person for the answers']);
  });
});
