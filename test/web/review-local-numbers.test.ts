import { describe, expect, it } from 'vitest';
import { summarizeSurvey } from '../../web/src/lib/survey-summary';
import { localNumbers } from '../../web/src/pages/admin/ReviewPage';

const survey = {
  pages: [
    {
      name: 'mal',
      elements: [
        { type: 'text', name: 'M0', inputType: 'number', readOnly: true, title: 'Utsläpp per invånare' },
        { type: 'radiogroup', name: 'R', title: 'Skala', choices: [{ value: 2, text: 'Två' }] },
        { type: 'text', name: 'T', title: 'Text' },
      ],
    },
  ],
};
const data = { M0: 2.4, R: 2, T: '1.5 ton' };
const labels = { yes: 'Ja', no: 'Nej' };
const answers = (lang: 'sv' | 'en') =>
  localNumbers(summarizeSurvey(survey, data, lang, labels), data, lang)[0]!.items.map((item) => item.answer);

describe('the review page writes number answers in the reader’s format', () => {
  it('shows the prefilled 2.4 as "2,4" in Swedish and "2.4" in English, and leaves choices and text alone', () => {
    expect(answers('sv')).toEqual(['2,4', 'Två', '1.5 ton']);
    expect(answers('en')).toEqual(['2.4', 'Två', '1.5 ton']);
  });
});
