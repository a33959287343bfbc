/**
 * A light reading of SurveyJS JSON, without survey-core: page and question titles, and answers
 * turned into readable text (choice labels, Ja/Nej, lists). The receipt uses it, so that page
 * never loads survey-core. The code lives in `shared/` because the receipt email words the
 * answers with the same function: what the page shows is what the email says.
 */

// Shared with the receipt email, so a number reads the same on the page and in the email.
export { formatAnswerNumber } from '../../../shared/survey-content/format-answer-number';
export {
  describeAnswer,
  findQuestion,
  localized,
  type SummaryItem,
  type SummaryLabels,
  type SummaryPage,
  summarizeSurvey,
} from '../../../shared/survey-content/summarize-survey';
