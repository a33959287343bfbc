import { escapeHtml } from '../../../shared/i18n/escape-html';
import { formatDeadline } from '../../../shared/reminders/reminder-email';

/**
 * The email an organisation's contacts get when the kansli reopens its submitted response
 * (`reopened`) or gives it a later deadline of its own (`extended`): what changed, until when, and
 * the kansli's reason. A reopened response no longer counts as submitted, and only the members can
 * submit it again, so the email says so. No genitive of the organisation's name: "Borås" + s gives
 * "Boråss".
 */
export function reopenEmail(input: {
  organisationName: string;
  campaignTitle: string;
  reopened: boolean;
  /** The deadline that now applies to the organisation: its own, or the campaign's. */
  closesAt: string;
  reason: string;
  link: string;
}): { subject: string; text: string; html: string } {
  const org = oneLine(input.organisationName);
  const title = oneLine(input.campaignTitle);
  const deadline = formatDeadline(new Date(input.closesAt), 'sv');
  const deadlineEn = formatDeadline(new Date(input.closesAt), 'en');
  const subject = input.reopened
    ? `${title}: svaren från ${org} är öppnade igen`
    : `${title}: ${org} har fått längre svarstid`;
  const paragraphs = input.reopened
    ? [
        `Kansliet har öppnat svaren från ${org} på ${title} igen, så att ni kan ändra dem. Svaren finns kvar som ett utkast.`,
        `Svaren räknas inte som inskickade förrän ni skickar in dem igen, och det kan bara ni göra: kansliet kan inte skicka in åt er. Skicka in senast ${deadline}.`,
      ]
    : [`Kansliet har gett ${org} längre tid att svara på ${title}.`, `Ny sista svarsdag: ${deadline}.`];
  const english = input.reopened
    ? `In English: the Klimatkommunerna secretariat has reopened the survey response from ${org} so that you can change it. It no longer counts as submitted until you submit it again, which only you can do: the secretariat cannot submit for you. Please submit it by ${deadlineEn}. The secretariat's reason is given above.`
    : `In English: the Klimatkommunerna secretariat has given ${org} more time to answer the survey. New deadline: ${deadlineEn}. The secretariat's reason is given above.`;
  const text = [
    ...paragraphs,
    'Kansliets motivering:',
    input.reason,
    `Gå till enkäten: ${input.link}`,
    english,
    'Klimatkommunerna',
  ].join('\n\n');
  const reason = input.reason
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<p>Kansliets motivering:</p>
<blockquote>${reason}</blockquote>
<p><a href="${escapeHtml(input.link)}">Gå till enkäten</a></p>
<p lang="en">${escapeHtml(english)}</p>
<p>Klimatkommunerna</p>`;
  return { subject, text, html };
}

// The subject goes into a mail header, where a line break could start a new header.
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}
