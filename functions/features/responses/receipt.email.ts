import { escapeHtml } from '../../../shared/i18n/escape-html';
import { formatStockholm } from '../../../shared/i18n/format-date';
import type { SurveyResponse } from '../../../shared/schemas/response.schema';
import { answerSummaryByPage } from '../../../shared/survey-content/answer-summary';

/**
 * The receipt every contact gets on submit: who sent it, when, and the answers under their page
 * titles (many pages ask the same "Länk till underlag", so a flat list cannot say which area it is).
 * Swedish, numbers included ("1500,75"), as the receipt page in Swedish.
 */
export function receiptEmail(input: {
  organisationName: string;
  campaignTitle: string;
  response: SurveyResponse;
  survey: object;
  link: string;
}): { subject: string; text: string; html: string } {
  const pages = answerSummaryByPage(input.survey, input.response.data, 'sv');
  const when = formatStockholm(input.response.submittedAt ?? '');
  const who = input.response.submittedBy?.name ?? '';
  const subject = `Kvitto: ${input.organisationName} har skickat in ${input.campaignTitle}`;
  const text = [
    `${input.organisationName} har skickat in ${input.campaignTitle}.`,
    `Inskickat ${when} av ${who}.`,
    '',
    'Sammanfattning av svaren:',
    ...pages.flatMap((page) => ['', page.title, ...page.lines.map((line) => `- ${line.title}: ${line.answer}`)]),
    '',
    `Se kvittot: ${input.link}`,
    '',
    'In English: your organisation has submitted the survey. The answers are listed above.',
    '',
    'Klimatkommunerna',
  ].join('\n');
  const answersHtml = pages
    .map((page) => {
      const items = page.lines.map((line) => `<dt>${escapeHtml(line.title)}</dt><dd>${escapeHtml(line.answer)}</dd>`);
      return `<h3>${escapeHtml(page.title)}</h3>\n<dl>${items.join('')}</dl>\n`;
    })
    .join('');
  const html = `<p>${escapeHtml(input.organisationName)} har skickat in ${escapeHtml(input.campaignTitle)}.</p>
<p>Inskickat ${escapeHtml(when)} av ${escapeHtml(who)}.</p>
<h2>Sammanfattning av svaren</h2>
${answersHtml}<p><a href="${escapeHtml(input.link)}">Se kvittot</a></p>
<p lang="en">In English: your organisation has submitted the survey. The answers are listed above.</p>
<p>Klimatkommunerna</p>`;
  return { subject, text, html };
}
