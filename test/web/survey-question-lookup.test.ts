import 'survey-core/i18n/swedish';
import '../../shared/scoring/scoring-properties';
import { Model, type SurveyModel, surveyLocalization } from 'survey-core';
import { beforeEach, describe, expect, it } from 'vitest';
import kommun from '../../shared/surveys/kommun.json';
import { format, type Translate } from '../../web/src/i18n/index';
import { sv } from '../../web/src/i18n/sv';
import {
  errorTextsOf,
  labelOf,
  mainTitleOf,
  markProblem,
  pageErrorCounts,
  placeOf,
  problemsOf,
  questionOfKey,
} from '../../web/src/pages/survey/question-lookup';

// As on the survey page: the survey's "default" texts are Swedish, "en" beside them.
surveyLocalization.defaultLocale = 'sv';
const t: Translate = (key, params) => format(sv[key], params);

let model: SurveyModel;
beforeEach(() => {
  model = new Model(kommun);
  model.locale = 'sv';
});

describe('what the survey page reads about a data key', () => {
  it('finds a comment key’s question, and no question for a key the survey does not have', () => {
    expect(questionOfKey(model, 'respondent_role-Comment')?.name).toBe('respondent_role');
    expect(questionOfKey(model, 'B1')?.name).toBe('B1');
    expect(questionOfKey(model, 'borttagen')).toBeNull();
  });

  it('labels a link field with its page and the question it belongs to, as many share its title', () => {
    expect(labelOf(model, 'B2_url', t)).toEqual({
      title: 'Länk till underlag (beslut eller dokument)',
      context: 'Sida: Baskrav för medlemskap · Fråga: Finns beslutade utsläppsmål?',
    });
    expect(mainTitleOf(model, 'B2_url')).toBe('Finns beslutade utsläppsmål?');
  });

  it('labels a main question with its page, a comment key as free text, an unknown key by its name', () => {
    expect(labelOf(model, 'B2', t)).toEqual({
      title: 'Finns beslutade utsläppsmål?',
      context: 'Sida: Baskrav för medlemskap',
    });
    expect(mainTitleOf(model, 'B2')).toBeUndefined();
    expect(labelOf(model, 'respondent_role-Comment', t)).toEqual({
      title: 'Kontaktpersonens roll (fritext)',
      context: 'Sida: Uppgiftslämnare',
    });
    expect(labelOf(model, 'borttagen', t)).toEqual({ title: 'borttagen' });
    expect(mainTitleOf(model, 'borttagen')).toBeUndefined();
  });

  it('reads titles in the survey’s language', () => {
    model.locale = 'en';
    expect(labelOf(model, 'B2_url', t).title).toBe('Link to evidence (decision or document)');
    expect(placeOf(model, 'B2')?.pageTitle).toBe('Basic requirements for membership');
  });

  it('places a question by page and its place on the page, for the summary’s order', () => {
    expect(placeOf(model, 'B3')).toEqual({
      page: 'baskrav',
      pageTitle: 'Baskrav för medlemskap',
      pageIndex: 1,
      questionIndex: 6,
    });
    expect(placeOf(model, 'respondent_role-Comment')).toMatchObject({ page: 'uppgiftslamnare', questionIndex: 2 });
    expect(placeOf(model, 'borttagen')).toBeNull();
  });
});

describe('the errors the survey shows, by question and by page', () => {
  it('counts, per page, the visible questions that show an error, and no page without any', () => {
    // Arrange: the first page answered but the role, and the first two basic requirements.
    model.data = { respondent_name: 'Eva Ek', B1: true, B2: true };
    // Act
    model.validate(true, false);
    const counts = pageErrorCounts(model);
    // Assert
    expect(counts.get('uppgiftslamnare')).toBe(1);
    expect(counts.get('baskrav')).toBe(2);
    expect([...counts.values()].every((count) => count > 0)).toBe(true);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(
      new Set(problemsOf(model).map((p) => p.question)).size,
    );
  });

  it('follows corrections: a page whose errors are gone is no longer counted', () => {
    model.data = { respondent_name: 'Eva Ek' };
    model.validate(true, false);
    expect(pageErrorCounts(model).get('uppgiftslamnare')).toBe(1);
    // Act
    model.setValue('respondent_role', 'tjansteperson');
    model.getQuestionByName('respondent_role').validate(true);
    // Assert
    expect(pageErrorCounts(model).has('uppgiftslamnare')).toBe(false);
    expect(errorTextsOf(model, 'respondent_role')).toEqual([]);
  });

  it('words a question’s errors in the language the page switches to', () => {
    model.validate(true, false);
    expect(errorTextsOf(model, 'B1')).toEqual(['Frågan är obligatorisk.']);
    // Act
    model.locale = 'en';
    // Assert
    expect(errorTextsOf(model, 'B1')).toEqual(['Response required.']);
    expect(errorTextsOf(model, 'borttagen')).toBeNull();
  });

  it('shows a problem the server found on its question, in either language, and counts its page', () => {
    // Arrange
    const question = model.getQuestionByName('B2_url');
    const problem = {
      question: 'B2_url',
      message: 'Svaret får vara högst 500 tecken långt.',
      messageEn: 'The answer can be at most 500 characters long.',
    };
    // Act
    const mark = markProblem(model, question, problem);
    // Assert
    expect(errorTextsOf(model, 'B2_url')).toEqual([problem.message]);
    expect(pageErrorCounts(model)).toEqual(new Map([['baskrav', 1]]));
    model.locale = 'en';
    expect(errorTextsOf(model, 'B2_url')).toEqual([problem.messageEn]);
    model.locale = 'sv';
    expect(errorTextsOf(model, 'B2_url')).toEqual([problem.message]);
    question.removeError(mark);
    expect(pageErrorCounts(model).size).toBe(0);
  });

  it('does not count a question the survey hides', () => {
    // Arrange: M4b follows up M4 and is hidden when M4 is "nej".
    model.data = { M4: 'nej' };
    const hidden = model.getQuestionByName('M4b');
    expect(hidden.isVisible).toBe(false);
    // Act
    markProblem(model, hidden, { question: 'M4b', message: 'Fel' });
    // Assert
    expect(pageErrorCounts(model).has('mal')).toBe(false);
  });
});
