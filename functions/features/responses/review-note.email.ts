import { escapeHtml } from '../../../shared/i18n/escape-html';

/**
 * The email a member's contacts get when the kansli leaves a note on their response. No genitive of
 * the organisation's name: "Borås" + s gives "Boråss".
 */
export function reviewNoteEmail(input: {
  organisationName: string;
  campaignTitle: string;
  message: string;
  link: string;
}): { subject: string; text: string; html: string } {
  const subject = `Meddelande från Klimatkommunerna om ${input.campaignTitle}`;
  const text = [
    `Kansliet har lämnat ett meddelande om svaren från ${input.organisationName} på ${input.campaignTitle}:`,
    '',
    input.message,
    '',
    `Se svaren: ${input.link}`,
    '',
    'In English: the Klimatkommunerna secretariat has left a note about your survey response (above).',
    '',
    'Klimatkommunerna',
  ].join('\n');
  const paragraphs = input.message
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<p>Kansliet har lämnat ett meddelande om svaren från ${escapeHtml(input.organisationName)} på ${escapeHtml(input.campaignTitle)}:</p>
<blockquote>${paragraphs}</blockquote>
<p><a href="${escapeHtml(input.link)}">Se svaren</a></p>
<p lang="en">In English: the Klimatkommunerna secretariat has left a note about your survey response (above).</p>
<p>Klimatkommunerna</p>`;
  return { subject, text, html };
}
