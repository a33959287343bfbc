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
