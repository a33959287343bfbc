import 'survey-core/i18n/swedish';
import '../../shared/scoring/scoring-properties';
import { Model, type SurveyModel, surveyLocalization } from 'survey-core';
import { beforeEach, describe, expect, it } from 'vitest';
import kommun from '../../shared/surveys/kommun.json';
import { en } from '../../web/src/i18n/en';
import { format, type Translate, textForm } from '../../web/src/i18n/index';
import { sv } from '../../web/src/i18n/sv';
import { recordNumbersWhenLeft } from '../../web/src/pages/survey/number-input';
import { stepWords } from '../../web/src/pages/survey/ProgressButtons';
import { type PageFacts, pageProgress, pageState } from '../../web/src/pages/survey/progress-state';
import { pageErrorCounts } from '../../web/src/pages/survey/question-lookup';

surveyLocalization.defaultLocale = 'sv';

const facts = (over: Partial<PageFacts>): PageFacts => ({
  errors: 0,
  required: 4,
  requiredAnswered: 0,
  answered: 0,
  seen: false,
  ...over,
});

describe('a step of the page progress bar', () => {
  it('is done when every required question on the page is answered, seen in this browser or not', () => {
    expect(pageState(facts({ requiredAnswered: 4, answered: 4 }))).toBe('done');
    expect(pageState(facts({ requiredAnswered: 4, answered: 6, seen: true }))).toBe('done');
  });

  it('is not done when the page has been seen, or partly answered, with required questions left', () => {
    expect(pageState(facts({ seen: true }))).toBe('open');
    expect(pageState(facts({ requiredAnswered: 3, answered: 5, seen: true }))).toBe('open');
  });

  it('shows answers to correct before anything else, a complete page included', () => {
    expect(pageState(facts({ errors: 1, requiredAnswered: 4, answered: 4, seen: true }))).toBe('errors');
    expect(pageState(facts({ errors: 2 }))).toBe('errors');
    expect(pageState(facts({ errors: 1, required: 0 }))).toBe('errors');
  });

  it('is done for a page with nothing required once it is seen or answered, not before', () => {
    expect(pageState(facts({ required: 0 }))).toBe('open');
    expect(pageState(facts({ required: 0, seen: true }))).toBe('done');
    expect(pageState(facts({ required: 0, answered: 1 }))).toBe('done');
  });
});

describe('the progress bar’s steps for the survey as survey-core holds it', () => {
  let model: SurveyModel;
  beforeEach(() => {
    // As the survey page builds it.
    model = new Model(kommun);
    model.locale = 'sv';
    model.checkErrorsMode = 'onValueChanged';
    recordNumbersWhenLeft(model);
  });
  const states = () =>
    Object.fromEntries([...pageProgress(model, pageErrorCounts(model))].map(([page, { state }]) => [page, state]));

  it('ticks a page the other contact completed, never shown here, and not one half answered', () => {
    // Arrange: the basic requirements all answered (a "no" is an answer), the first page half.
    model.data = { respondent_name: 'Eva Ek', B1: true, B2: true, B3: false, B4: true };
    // Act
    const steps = states();
    // Assert
    expect(model.getPageByName('baskrav').wasShown).toBe(false);
    expect(steps.baskrav).toBe('done');
    expect(steps.uppgiftslamnare).toBe('open');
    expect(steps.transporter).toBe('open');
  });

  it('marks a page with a number out of range, even when its stored answers are complete', () => {
    // Arrange: every required question on Transporter answered, T1 within 0–100.
    const transport = Object.fromEntries(
      ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'].map((name) => [name, true] as const),
    );
    model.data = { ...transport, T1: 40 };
    expect(states().transporter).toBe('done');
    // Act: 150 typed in the 0–100 field (shown with its error, not recorded)
    model.getQuestionByName('T1').value = 150;
    // Assert
    expect(model.data.T1).toBe(40);
    expect(pageProgress(model, pageErrorCounts(model)).get('transporter')).toEqual({ state: 'errors', errors: 1 });
    // Corrected: done again.
    model.getQuestionByName('T1').value = 90;
    expect(states().transporter).toBe('done');
  });

  it('counts a follow-up only while it is asked, and a question required only under a condition', () => {
    // Arrange: every question the goals page always requires answered; M4 "nej" hides M4b.
    const always = { M1: 'inget', M3: true, M4: 'nej', M5: 'nej', M6: 'ingen', M7: ['cdp_iclei'], M9: false };
    model.data = always;
    expect(states().mal).toBe('done');
    // Act: M4 "ja" asks the required M4b
    model.setValue('M4', 'ja');
    // Assert
    expect(states().mal).toBe('open');
    model.setValue('M4b', false);
    expect(states().mal).toBe('done');
    // M5 "ja" requires the link M8.
    model.setValue('M5', 'ja');
    expect(states().mal).toBe('open');
    model.setValue('M8', 'https://example.se/plan');
    expect(states().mal).toBe('done');
  });
});

describe('the words a step’s name adds for screen readers', () => {
  const tIn =
    (dictionary: Record<keyof typeof sv, string>): Translate =>
    (key, params) =>
      format(textForm(key, params, (k) => dictionary[k as keyof typeof sv]) ?? key, params);

  it('say the same as the table of contents for answers to correct, "klar" when done, nothing otherwise', () => {
    expect(stepWords('errors', 3, tIn(sv))).toBe('(svar att rätta: 3)');
    expect(stepWords('errors', 1, tIn(en))).toBe('(answers to correct: 1)');
    expect(stepWords('done', 0, tIn(sv))).toBe('(klar)');
    expect(stepWords('done', 0, tIn(en))).toBe('(complete)');
    expect(stepWords('open', 0, tIn(sv))).toBe('');
  });
});
