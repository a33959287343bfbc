import 'survey-core/i18n/swedish';
import '../../shared/scoring/scoring-properties';
import { Model, type QuestionTextModel, type SurveyModel, surveyLocalization } from 'survey-core';
import { beforeEach, describe, expect, it } from 'vitest';
import kommun from '../../shared/surveys/kommun.json';
import { en } from '../../web/src/i18n/en';
import { format, type Translate } from '../../web/src/i18n/index';
import { sv } from '../../web/src/i18n/sv';
import {
  keepingUnrecorded,
  recordNumbersWhenLeft,
  refuseOffStepNumbers,
  unrecordedAnswers,
} from '../../web/src/pages/survey/number-input';
import { applyLanguage } from '../../web/src/pages/survey/survey-language';

surveyLocalization.defaultLocale = 'sv';

const tSv: Translate = (key, params) => format(sv[key], params);
const tEn: Translate = (key, params) => format(en[key], params);

let model: SurveyModel;
beforeEach(() => {
  // As the survey page builds it (createModel in SurveyPage.tsx).
  model = new Model(kommun);
  model.checkErrorsMode = 'onValueChanged';
  model.textUpdateMode = 'onTyping';
  applyLanguage(model, 'sv', tSv);
  recordNumbersWhenLeft(model);
  refuseOffStepNumbers(model);
  model.data = { T1: 40 };
});

const text = (name: string) => model.getQuestionByName(name) as QuestionTextModel;
const errorsOf = (name: string) => text(name).errors.map((error) => error.getText());

describe('a whole-number field (step 1) holding a decimal', () => {
  it('keeps it in the field, not in the answers, and says to enter a whole number', () => {
    // Act: 12,5 in T1 (0–100, step 1)
    text('T1').value = 12.5;
    // Assert: shown with its error, as a number out of range is; the answers (every save) still hold 40
    expect(text('T1').value).toBe(12.5);
    expect(model.data.T1).toBe(40);
    expect(errorsOf('T1')).toEqual(['Ange ett heltal']);
    expect(unrecordedAnswers(model)).toEqual(['T1']);
  });

  it('records the whole number it is corrected to, and drops the error, also when that is the stored one', () => {
    text('T1').value = 12.5;
    text('T1').value = 12;
    expect(model.data.T1).toBe(12);
    expect(errorsOf('T1')).toEqual([]);
    expect(unrecordedAnswers(model)).toEqual([]);
    // Back to what the answers already hold: survey-core records nothing new, yet the error goes.
    text('T1').value = 12.5;
    text('T1').value = 12;
    expect(errorsOf('T1')).toEqual([]);
    expect(unrecordedAnswers(model)).toEqual([]);
  });

  it('words the error in the language switched to, and back', () => {
    text('T1').value = 12.5;
    applyLanguage(model, 'en', tEn);
    expect(errorsOf('T1')).toEqual(['Enter a whole number']);
    applyLanguage(model, 'sv', tSv);
    expect(errorsOf('T1')).toEqual(['Ange ett heltal']);
  });

  it('stays in its field, not recorded, when the answers are set from outside', () => {
    text('T1').value = 12.5;
    keepingUnrecorded(model, () => {
      model.data = { T1: 40, respondent_name: 'Anna' };
    });
    expect(text('T1').value).toBe(12.5);
    expect(model.data).toEqual({ T1: 40, respondent_name: 'Anna' });
    expect(unrecordedAnswers(model)).toEqual(['T1']);
  });

  it('leaves decimals in a field without a step, and a number out of range, as they were', () => {
    model.setValue('U4', true);
    text('U4_kg').value = 1.7;
    expect(model.data.U4_kg).toBe(1.7);
    expect(errorsOf('U4_kg')).toEqual([]);
    text('T1').value = 150;
    expect(model.data.T1).toBe(40);
    expect(errorsOf('T1')).toEqual(['Värdet får inte vara större än 100']);
  });
});
