import 'survey-core/i18n/swedish';
import '../../shared/scoring/scoring-properties';
import {
  Model,
  type QuestionCommentModel,
  type QuestionRadiogroupModel,
  type QuestionTextModel,
  type SurveyModel,
  surveyLocalization,
} from 'survey-core';
import { beforeEach, describe, expect, it } from 'vitest';
import kommun from '../../shared/surveys/kommun.json';
import { followsInAppLink, leavesPage, recordFieldValue } from '../../web/src/pages/survey/leaving';
import {
  keepingTypedText,
  keepingUnrecorded,
  questionTypedIn,
  recordNumbersWhenLeft,
  textWhenLeft,
  unrecordedAnswers,
} from '../../web/src/pages/survey/number-input';

surveyLocalization.defaultLocale = 'sv';

/** As the survey page builds its model: text recorded as typed, number fields when left. */
function pageModel(json: object = kommun): SurveyModel {
  const model = new Model(json);
  model.locale = 'sv';
  model.checkErrorsMode = 'onValueChanged';
  model.textUpdateMode = 'onTyping';
  recordNumbersWhenLeft(model);
  return model;
}

let model: SurveyModel;
beforeEach(() => {
  model = pageModel();
  model.data = { E4: true, M2: 2045, T1: 40 };
});

const text = (name: string) => model.getQuestionByName(name) as QuestionTextModel;

/** A field as the page reads it when the page goes: its id, text, and how typed commas were read. */
const field = (id: string, value: string, typedCommas?: 'point' | 'thousands') => ({
  id,
  value,
  dataset: typedCommas ? { typedCommas } : {},
});

describe('what a field shows when the page is left without leaving the field (the browser’s Back)', () => {
  it('is a number read as leaving the field reads it: in English, "1,500" is 1500', () => {
    // Act: "1,500" typed in English shows 1.500 until the field is left
    recordFieldValue(model, field(text('E4_kw').inputId, '1.500', 'point'), 'en');
    recordFieldValue(model, field(text('M2').inputId, '2.050', 'point'), 'en');
    // Assert: recorded as the field's blur records it, not as 1.5 and 2.05 (out of range)
    expect(model.data.E4_kw).toBe(1500);
    expect(model.data.M2).toBe(2050);
    expect(unrecordedAnswers(model)).toEqual([]);
    // A point the person typed is a decimal point; in Swedish so is every comma.
    recordFieldValue(model, field(text('E4_kw').inputId, '1.500'), 'en');
    expect(model.data.E4_kw).toBe(1.5);
    recordFieldValue(model, field(text('E4_kw').inputId, '2.500', 'point'), 'sv');
    expect(model.data.E4_kw).toBe(2.5);
    expect(textWhenLeft(field('x', '12.5', 'point'), 'en')).toBe('12.5');
  });

  it('is a comment’s text, whether survey-core records it as typed or only when left', () => {
    const comment = model.getQuestionByName('B1_comment') as QuestionCommentModel;
    recordFieldValue(model, field(comment.inputId, 'Skrivet strax före Bakåt'), 'sv');
    expect(model.data.B1_comment).toBe('Skrivet strax före Bakåt');
    // A comment box recorded only when left (survey-core's own setting for a question's comment
    // area, or one set on the question).
    comment.textUpdateMode = 'onBlur';
    recordFieldValue(model, field(comment.inputId, 'Ändrat'), 'sv');
    expect(model.data.B1_comment).toBe('Ändrat');
  });

  it('is an "other" answer’s text and a question’s comment area', () => {
    const role = model.getQuestionByName('respondent_role') as QuestionRadiogroupModel;
    role.value = 'other';
    recordFieldValue(model, field(role.otherId, 'Miljöstrateg'), 'sv');
    expect(model.data['respondent_role-Comment']).toBe('Miljöstrateg');

    // A question with a comment area (the kansli may add one): survey-core records its text when left.
    const withArea = pageModel({ elements: [{ type: 'boolean', name: 'X', showCommentArea: true }] });
    const x = withArea.getQuestionByName('X');
    recordFieldValue(withArea, field(x.commentId, 'Ett förtydligande'), 'sv');
    expect(withArea.data['X-Comment']).toBe('Ett förtydligande');
  });
});

describe('leaving the survey inside the app', () => {
  const here = 'https://medlemstest.example.se/enkat';
  const click = { button: 0, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
  const link = (href: string, more: Partial<{ target: string; download: boolean }> = {}) => ({
    href,
    target: '',
    download: false,
    ...more,
  });

  it('is another page of the app, not a jump within this one', () => {
    expect(leavesPage(here, 'https://medlemstest.example.se/')).toBe(true);
    expect(leavesPage(here, '/kvitto')).toBe(true);
    expect(leavesPage(here, '/enkat?sida=2')).toBe(true);
    expect(leavesPage(here, '/enkat#main')).toBe(false);
    expect(leavesPage(here, here)).toBe(false);
    // Another site unloads the page: the browser's own warning asks there.
    expect(leavesPage(here, 'https://klimatkommunerna.se/')).toBe(false);
  });

  it('is a link followed in this tab, not one opened beside it', () => {
    expect(followsInAppLink(click, link('/'), here)).toBe(true);
    expect(followsInAppLink(click, link('/', { target: '_self' }), here)).toBe(true);
    expect(followsInAppLink({ ...click, ctrlKey: true }, link('/'), here)).toBe(false);
    expect(followsInAppLink({ ...click, metaKey: true }, link('/'), here)).toBe(false);
    expect(followsInAppLink({ ...click, shiftKey: true }, link('/'), here)).toBe(false);
    expect(followsInAppLink({ ...click, button: 1 }, link('/'), here)).toBe(false);
    expect(followsInAppLink({ ...click, defaultPrevented: true }, link('/'), here)).toBe(false);
    expect(followsInAppLink(click, link('/login?next=%2Fenkat', { target: '_blank' }), here)).toBe(false);
    expect(followsInAppLink(click, link('/api/export.xlsx', { download: true }), here)).toBe(false);
    expect(followsInAppLink(click, link('#main'), here)).toBe(false);
  });
});

/** A field's text as an input element holds it: an accessor on the prototype, as in the DOM. */
class FakeInput {
  #text = '';
  validity = { badInput: false };
  constructor(readonly id: string) {}
  get value(): string {
    return this.#text;
  }
  set value(text: string) {
    this.#text = text;
  }
}

describe('a merge while a number is being typed', () => {
  /** What survey-react-ui does to a field it draws again: writes the recorded value in, if it differs. */
  const redraw = (input: FakeInput) => {
    if (String(text('T1').inputValue ?? '') !== input.value) input.value = String(text('T1').inputValue ?? '');
  };

  it('keeps the text being typed, which is recorded over the merged answer once the field is left', () => {
    const input = new FakeInput(text('T1').inputId);
    input.value = '88';
    expect(questionTypedIn(model, input)?.name).toBe('T1');
    // Act: the other contact's 33 comes in by an automatic merge
    keepingTypedText(input, () => {
      keepingUnrecorded(model, () => {
        model.data = { E4: true, M2: 2045, T1: 33 };
      });
      redraw(input);
    });
    // Assert: the field still shows what the person typed, the answers hold theirs until it is left
    expect(input.value).toBe('88');
    expect(model.data.T1).toBe(33);
    recordFieldValue(model, { ...input, value: input.value, dataset: {} }, 'sv');
    expect(model.data.T1).toBe(88);
    // Writing to the field works again afterwards.
    input.value = '1';
    expect(input.value).toBe('1');
  });

  it('lets a field nobody typed in show the merged answer', () => {
    const input = new FakeInput(text('T1').inputId);
    input.value = '40';
    expect(questionTypedIn(model, input)).toBeNull();
    // Text the browser cannot read as a number yet ("-") is being typed.
    input.value = '';
    input.validity.badInput = true;
    expect(questionTypedIn(model, input)?.name).toBe('T1');
    expect(questionTypedIn(model, { id: 'respondent_name', value: 'x', validity: { badInput: false } })).toBeNull();
    // Without a field, the answers are simply set.
    keepingTypedText(null, () => {
      model.data = { T1: 33 };
    });
    expect(model.data.T1).toBe(33);
  });
});
