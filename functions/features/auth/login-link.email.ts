import { KANSLI_EMAIL } from '../../../shared/domain/kansli-contact';
import { escapeHtml } from '../../../shared/i18n/escape-html';

/** The sign-in email, Swedish first with an English line. */
export function loginLinkEmail(input: { link: string; name: string }): { subject: string; text: string; html: string } {
  const subject = 'Din inloggningslänk till Klimatkommunernas medlemstest';
  const text = [
    `Hej ${input.name}!`,
    '',
    'Klicka på länken för att logga in. Den gäller i 30 minuter och kan användas en gång.',
    input.link,
    '',
    'Om du inte har begärt länken kan du bortse från det här meddelandet.',
    '',
    'In English: use the link above to sign in. It is valid for 30 minutes and works once.',
    '',
    'Klimatkommunerna',
  ].join('\n');
  const html = `<p>Hej ${escapeHtml(input.name)}!</p>
<p>Klicka på länken för att logga in. Den gäller i 30 minuter och kan användas en gång.</p>
<p><a href="${escapeHtml(input.link)}">Logga in i medlemstestet</a></p>
<p>Om du inte har begärt länken kan du bortse från det här meddelandet.</p>
<p lang="en">In English: use the link above to sign in. It is valid for 30 minutes and works once.</p>
<p>Klimatkommunerna</p>`;
  return { subject, text, html };
}

/** Who asked for a link although their organisation is not a member (ended, or not begun yet). */
export interface NotAMemberEmailInput {
  name: string;
  organisationName: string;
  standing: 'ended' | 'not_yet';
  memberSince?: string;
  memberUntil?: string;
}

/**
 * Sent instead of a sign-in link to a contact whose organisation is not a member today, so that
 * they know why no link comes and whom to ask. Swedish first with an English paragraph.
 */
export function notAMemberEmail(input: NotAMemberEmailInput): { subject: string; text: string; html: string } {
  const subject = 'Ingen inloggningslänk: organisationen är inte medlem i Klimatkommunerna';
  // "Medlemskapet … för {org}": a genitive s would give "Boråss" for names that end in s.
  const why =
    input.standing === 'ended'
      ? `Medlemskapet i Klimatkommunerna för ${input.organisationName} upphörde ${input.memberUntil ?? ''}`.trim()
      : `Medlemskapet i Klimatkommunerna för ${input.organisationName} börjar ${input.memberSince ?? ''}`.trim();
  const whyEn =
    input.standing === 'ended'
      ? `${input.organisationName}'s membership of Klimatkommunerna ended on ${input.memberUntil ?? ''}`.trim()
      : `${input.organisationName}'s membership of Klimatkommunerna begins on ${input.memberSince ?? ''}`.trim();
  const swedish = `${why}, så vi kan inte skicka någon inloggningslänk till medlemstestet. Stämmer det inte? Kontakta kansliet på ${KANSLI_EMAIL}.`;
  const english = `In English: ${whyEn}, so we cannot send a sign-in link to the member test. If that is wrong, contact the secretariat at ${KANSLI_EMAIL}.`;
  const text = [`Hej ${input.name}!`, '', swedish, '', english, '', 'Klimatkommunerna'].join('\n');
  const html = `<p>Hej ${escapeHtml(input.name)}!</p>
<p>${escapeHtml(swedish)}</p>
<p lang="en">${escapeHtml(english)}</p>
<p>Klimatkommunerna</p>`;
  return { subject, text, html };
}
