import { escapeHtml } from '../../../shared/i18n/escape-html';
import { formatStockholm } from '../../../shared/i18n/format-date';
import type { SurveyResponse } from '../../../shared/schemas/response.schema';
import { answerSummary } from '../../../shared/survey-content/answer-summary';

/** The receipt every contact gets on submit: who sent it, when, and the answers. */
export function receiptEmail(input: {
  organisationName: string;
  campaignTitle: string;
  response: SurveyResponse;
  survey: object;
  link: string;
}): { subject: string; text: string; html: string } {
  const lines = answerSummary(input.survey, input.response.data);
  const when = formatStockholm(input.response.submittedAt ?? '');
  const who = input.response.submittedBy?.name ?? '';
  const subject = `Kvitto: ${input.organisationName} har skickat in ${input.campaignTitle}`;
  const text = [
    `${input.organisationName} har skickat in ${input.campaignTitle}.`,
    `Inskickat ${when} av ${who}.`,
    '',
    'Sammanfattning av svaren:',
    ...lines.map((line) => `- ${line.title}: ${line.answer}`),
    '',
    `Se kvittot: ${input.link}`,
    '',
    'In English: your organisation has submitted the survey. The answers are listed above.',
    '',
    'Klimatkommunerna',
  ].join('\n');
  const html = `<p>${escapeHtml(input.organisationName)} har skickat in ${escapeHtml(input.campaignTitle)}.</p>
<p>Inskickat ${escapeHtml(when)} av ${escapeHtml(who)}.</p>
<h2>Sammanfattning av svaren</h2>
<dl>${lines.map((line) => `<dt>${escapeHtml(line.title)}</dt><dd>${escapeHtml(line.answer)}</dd>`).join('')}</dl>
<p><a href="${escapeHtml(input.link)}">Se kvittot</a></p>
<p lang="en">In English: your organisation has submitted the survey. The answers are listed above.</p>
<p>Klimatkommunerna</p>`;
  return { subject, text, html };
}
