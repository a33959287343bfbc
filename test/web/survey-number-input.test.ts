import 'survey-core/i18n/swedish';
import '../../shared/scoring/scoring-properties';
import { Model, type QuestionTextModel, type SurveyModel, surveyLocalization } from 'survey-core';
import { beforeEach, describe, expect, it } from 'vitest';
import kommun from '../../shared/surveys/kommun.json';
import { en } from '../../web/src/i18n/en';
import { format, type Translate } from '../../web/src/i18n/index';
import { sv } from '../../web/src/i18n/sv';
import { recordFieldValue } from '../../web/src/pages/survey/leaving';
import {
  keepingUnrecorded,
  normaliseDecimal,
  numberQuestions,
  pointTyped,
  recordNumbersWhenLeft,
  settleTypedComma,
  type TypedText,
  textWhenLeft,
  typedComma,
  unrecordedAnswers,
} from '../../web/src/pages/survey/number-input';
import { applyLanguage } from '../../web/src/pages/survey/survey-language';

surveyLocalization.defaultLocale = 'sv';

let model: SurveyModel;
beforeEach(() => {
  // As the survey page builds it: text recorded as typed, number fields when left.
  model = new Model(kommun);
  model.locale = 'sv';
  model.checkErrorsMode = 'onValueChanged';
  model.textUpdateMode = 'onTyping';
  recordNumbersWhenLeft(model);
  model.data = { T1: 40 };
});

const text = (name: string) => model.getQuestionByName(name) as QuestionTextModel;

describe('number fields on the survey page', () => {
  it('record a number when the field is left, text as it is typed', () => {
    expect(numberQuestions(model).map((q) => q.name)).toEqual(
      expect.arrayContaining(['M0_emissions_per_inhabitant', 'M2', 'T1', 'E1', 'E4_kw', 'U4_kg']),
    );
    expect(text('T1').isInputTextUpdate).toBe(false);
    expect(text('U4_kg').isInputTextUpdate).toBe(false);
    expect(text('respondent_name').isInputTextUpdate).toBe(true);
  });

  it('name the field whose value survey-core refuses to record (out of range), until corrected', () => {
    expect(unrecordedAnswers(model)).toEqual([]);
    // Act: 150 in a 0–100 field
    text('T1').value = 150;
    // Assert: shown with its error, but the answers (and so every save) still hold 40
    expect(model.data.T1).toBe(40);
    expect(text('T1').errors.map((e) => e.getText())).toEqual(['Värdet får inte vara större än 100']);
    expect(unrecordedAnswers(model)).toEqual(['T1']);
    text('T1').value = 90;
    expect(model.data.T1).toBe(90);
    expect(unrecordedAnswers(model)).toEqual([]);
    // Emptied: nothing shown that is not stored.
    text('T1').value = undefined;
    expect(unrecordedAnswers(model)).toEqual([]);
    // A follow-up out of range counts while it is asked, not once its question hides it.
    model.setValue('U4', true);
    text('U4_kg').value = -2;
    expect(unrecordedAnswers(model)).toEqual(['U4_kg']);
    model.setValue('U4', false);
    expect(unrecordedAnswers(model)).toEqual([]);
  });

  it('read a decimal comma as a decimal point, and leave anything else to the browser', () => {
    expect(normaliseDecimal('12,5')).toBe('12.5');
    expect(normaliseDecimal('1 234,5')).toBe('1234.5');
    expect(normaliseDecimal('1\u00a0234,5')).toBe('1234.5');
    expect(normaliseDecimal('-0,7')).toBe('-0.7');
    expect(normaliseDecimal('12.5')).toBe('12.5');
    expect(normaliseDecimal('tolv')).toBeNull();
    expect(normaliseDecimal('1,2,3')).toBeNull();
    expect(normaliseDecimal(',')).toBeNull();
    // Swedish: a comma is always the decimal sign.
    expect(normaliseDecimal('1,500')).toBe('1.500');
  });

  it('in English, read a comma between groups of three digits as separating thousands', () => {
    expect(normaliseDecimal('1,500', 'en')).toBe('1500');
    expect(normaliseDecimal('12,345,678.5', 'en')).toBe('12345678.5');
    expect(normaliseDecimal('-1,500', 'en')).toBe('-1500');
    // Anything else is a decimal comma, as in Swedish.
    expect(normaliseDecimal('12,5', 'en')).toBe('12.5');
    expect(normaliseDecimal('0,500', 'en')).toBe('0.500');
    expect(normaliseDecimal('1,5000', 'en')).toBe('1.5000');
    expect(normaliseDecimal('1.5', 'en')).toBe('1.5');
  });

  it('enter a typed comma so that the field shows the number it records', () => {
    // Swedish: a decimal comma, wherever it is typed.
    expect(typedComma('1', undefined, 'sv')).toEqual({ insert: '.' });
    expect(settleTypedComma('1.500', 'point', 'sv')).toBe('1.500');
    // English "1,500": a point while typed, 1500 once the field is left.
    expect(typedComma('1', undefined, 'en')).toEqual({ insert: '.' });
    expect(settleTypedComma('1.500', 'point', 'en')).toBe('1500');
    expect(settleTypedComma('-12.500', 'point', 'en')).toBe('-12500');
    // "12,5", "0,500" and "1,5000" are decimals; a point the person typed is theirs.
    expect(settleTypedComma('12.5', 'point', 'en')).toBe('12.5');
    expect(settleTypedComma('0.500', 'point', 'en')).toBe('0.500');
    expect(settleTypedComma('1.5000', 'point', 'en')).toBe('1.5000');
    expect(settleTypedComma('1.500', undefined, 'en')).toBe('1.500');
    // "1,234,567": the second comma shows both separate thousands, and so does any after it.
    expect(typedComma('1.234', 'point', 'en')).toEqual({ replace: '1234', commas: 'thousands' });
    expect(typedComma('1234567', 'thousands', 'en')).toBeNull();
    expect(settleTypedComma('1234567', 'thousands', 'en')).toBe('1234567');
  });

  it('read a number typed key by key as written, with thousands and a decimal point in English', () => {
    // English: the point after "1,500" shows the comma separated thousands (not 1.50075).
    expect(typeThenLeave('1,500.75', 'en')).toBe('1500.75');
    expect(typeThenLeave('12,345.6', 'en')).toBe('12345.6');
    expect(typeThenLeave('-1,500.5', 'en')).toBe('-1500.5');
    expect(typeThenLeave('1,234,567.8', 'en')).toBe('1234567.8');
    // As before: thousands alone, a decimal comma, a point of one's own.
    expect(typeThenLeave('1,500', 'en')).toBe('1500');
    expect(typeThenLeave('12,5', 'en')).toBe('12.5');
    expect(typeThenLeave('1.500', 'en')).toBe('1.500');
    // Swedish: a comma is the decimal sign, a point typed after it is dropped as a second one.
    expect(typeThenLeave('1 500,75', 'sv')).toBe('1500.75');
    expect(typeThenLeave('12,5', 'sv')).toBe('12.5');
    expect(typeThenLeave('1,500.75', 'sv')).toBe('1.50075');
  });

  it('record what a field shows when it goes without being left', () => {
    // Act: the page leaves (browser Back) with 66 typed in T1, recorded only on leaving the field
    recordFieldValue(model, { id: text('T1').inputId, value: '66', dataset: {} }, 'sv');
    // Assert
    expect(model.data.T1).toBe(66);
    recordFieldValue(model, { id: 'not-a-question', value: '1', dataset: {} }, 'sv');
    expect(model.data.T1).toBe(66);
  });

  it('keep a number out of range in its field when the answers are set from outside', () => {
    text('T1').value = 150;
    expect(unrecordedAnswers(model)).toEqual(['T1']);
    // Act: an automatic merge brings in another contact's answer
    keepingUnrecorded(model, () => {
      model.data = { T1: 40, respondent_name: 'Anna' };
    });
    // Assert: still shown, still not recorded, so the bar still says "Inte sparat"
    expect(text('T1').value).toBe(150);
    expect(model.data).toEqual({ T1: 40, respondent_name: 'Anna' });
    expect(unrecordedAnswers(model)).toEqual(['T1']);
  });
});

describe('the survey in the page’s language', () => {
  const tSv: Translate = (key, params) => format(sv[key], params);
  const tEn: Translate = (key, params) => format(en[key], params);

  it('names the table of contents for screen readers in the language switched to, and back', () => {
    model.showTOC = true;
    applyLanguage(model, 'sv', tSv);
    expect(model.tocModel.listModel.listAriaLabel).toBe('Innehållsförteckning');
    // Act
    applyLanguage(model, 'en', tEn);
    // Assert
    expect(model.tocModel.listModel.listAriaLabel).toBe('Table of contents');
    expect(model.completeText).toBe('Submit');
    applyLanguage(model, 'sv', tSv);
    expect(model.tocModel.listModel.listAriaLabel).toBe('Innehållsförteckning');
  });
});

/**
 * Types `keys` into a number field one by one as the survey page handles each key
 * (`acceptDecimalComma`) and Chromium then enters it (digits, "-" and one point; a space or a
 * second point is dropped), then leaves the field: the text recorded.
 */
function typeThenLeave(keys: string, lang: 'sv' | 'en'): string {
  const field: TypedText = { value: '', dataset: {} };
  const enter = (key: string) => {
    if (/[\d-]/.test(key) || (key === '.' && !field.value.includes('.'))) field.value += key;
  };
  for (const key of keys) {
    if (key === '.') pointTyped(field, lang);
    if (key !== ',') {
      enter(key);
      continue;
    }
    const commas = field.dataset.typedCommas as 'point' | 'thousands' | undefined;
    const outcome = typedComma(field.value, commas, lang);
    if (outcome === null) continue;
    if ('replace' in outcome) {
      field.value = outcome.replace;
      field.dataset.typedCommas = outcome.commas;
    } else {
      enter(outcome.insert);
      field.dataset.typedCommas = commas ?? 'point';
    }
  }
  return textWhenLeft(field, lang);
}
