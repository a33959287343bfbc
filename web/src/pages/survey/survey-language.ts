import { type SurveyModel, surveyLocalization } from 'survey-core';
import type { Lang, Translate } from '../../i18n';
import { wordWholeNumbers } from './number-input';

/**
 * The survey's locale, and what survey-core does not word again when it changes: our submit
 * button's text, the whole-number fields' error, and the name of the table of contents for screen readers (set once, in the locale
 * of the moment the contents are built). English arrives with the English dictionary (loaded
 * before `lang` turns 'en'), so Swedish visitors never download it for this.
 */
export function applyLanguage(model: SurveyModel, lang: Lang, t: Translate): void {
  model.locale = lang === 'en' ? 'en' : 'sv';
  model.completeText = t('survey.complete');
  wordWholeNumbers(model, t('survey.wholeNumber'));
  // Reading tocModel builds the contents: only once the page shows them.
  if (model.showTOC) model.tocModel.listModel.listAriaLabel = surveyLocalization.getString('toc', model.locale);
}
