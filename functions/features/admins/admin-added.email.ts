import { escapeHtml } from '../../../shared/i18n/escape-html';

/**
 * Sent to a new administrator: they were added to the console, and where to sign in (a sign-in
 * link comes by email from that page, as for everyone). No link in it: a link that signs in would
 * be a credential in a mail nobody asked for. Swedish first with an English paragraph.
 */
export function adminAddedEmail(input: { name: string; loginUrl: string; kansliAddress: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const subject = 'Du är administratör i Klimatkommunernas medlemstest';
  const swedish = [
    'Du har lagts till som administratör i konsolen för Klimatkommunernas medlemstest.',
    'Logga in med din e-postadress på sidan nedan, så får du en inloggningslänk per e-post:',
  ];
  const ask = `Var det inte meningen? Kontakta kansliet på ${input.kansliAddress}.`;
  const english = `In English: you have been added as an administrator of the Klimatkommunerna member test console. Sign in with your email address at ${input.loginUrl} and a sign-in link will be emailed to you. If this was not meant for you, contact the secretariat at ${input.kansliAddress}.`;
  const text = [`Hej ${input.name}!`, ...swedish, input.loginUrl, ask, english, 'Klimatkommunerna'].join('\n\n');
  const html = `<p>Hej ${escapeHtml(input.name)}!</p>
${swedish.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<p><a href="${escapeHtml(input.loginUrl)}">${escapeHtml(input.loginUrl)}</a></p>
<p>${escapeHtml(ask)}</p>
<p lang="en">${escapeHtml(english)}</p>
<p>Klimatkommunerna</p>`;
  return { subject, text, html };
}
