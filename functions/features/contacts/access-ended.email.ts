import { escapeHtml } from '../../../shared/i18n/escape-html';
import type { ContactRole } from '../../../shared/schemas/contact.schema';
import type { Mail } from '../../ports/mail';

/**
 * Why the person lost access: removed with nobody in their place, replaced by a new holder of the
 * role (the console's or the contacts import's replacement), or the contact's address changed (the
 * person at the old address no longer signs in with it; the new address is not named).
 */
export type AccessEndedReason =
  | { kind: 'removed' }
  | { kind: 'replaced'; role: ContactRole }
  | { kind: 'address-changed' };

export interface AccessEndedEmailInput {
  name: string;
  organisationName: string;
  reason: AccessEndedReason;
  /** Whom to ask: the kansli's address from the configuration. */
  kansliAddress: string;
}

const ROLE_SV: Record<ContactRole, string> = { politician: 'politiker', official: 'tjänsteperson' };
const ROLE_EN: Record<ContactRole, string> = { politician: 'politician', official: 'official' };

/**
 * Sent to a member contact who no longer has access for their organisation. Names a replacement by
 * role only, never by name or address (the new person's address is theirs to give). Swedish first
 * with an English paragraph, as the other emails. No genitive of the organisation's name: "Borås" +
 * s gives "Boråss".
 */
export function accessEndedEmail(input: AccessEndedEmailInput): { subject: string; text: string; html: string } {
  const org = oneLine(input.organisationName);
  const subject = `Du har inte längre tillgång till medlemstestet för ${org}`;
  const { reason } = input;
  const what =
    reason.kind === 'address-changed'
      ? `Kansliet har ändrat e-postadressen för kontaktpersonen för ${org} i Klimatkommunernas medlemstest. Med den här adressen kan du inte längre logga in och svara för ${org}.`
      : `Kansliet har tagit bort dig som kontaktperson för ${org} i Klimatkommunernas medlemstest. Du kan inte längre logga in och svara för ${org}.`;
  const whatEn =
    reason.kind === 'address-changed'
      ? `In English: the Klimatkommunerna secretariat has changed the email address of the contact for ${org} in the member test. You can no longer sign in with this address and answer for ${org}.`
      : `In English: the Klimatkommunerna secretariat has removed you as a contact for ${org} in the member test. You can no longer sign in and answer for ${org}.`;
  const who =
    reason.kind === 'replaced'
      ? `Organisationen har fått en ny ${ROLE_SV[reason.role]} som kontaktperson i ditt ställe.`
      : '';
  const whoEn =
    reason.kind === 'replaced' ? ` A new ${ROLE_EN[reason.role]} has become the contact in your place.` : '';
  const ask = `Har du frågor, eller stämmer det inte? Kontakta kansliet på ${input.kansliAddress}.`;
  const askEn = ` If you have questions, or this is wrong, contact the secretariat at ${input.kansliAddress}.`;
  const swedish = [what, who, ask].filter(Boolean);
  const english = `${whatEn}${whoEn}${askEn}`;
  const text = [`Hej ${input.name}!`, ...swedish, english, 'Klimatkommunerna'].join('\n\n');
  const html = `<p>Hej ${escapeHtml(input.name)}!</p>
${swedish.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
<p lang="en">${escapeHtml(english)}</p>
<p>Klimatkommunerna</p>`;
  return { subject, text, html };
}

/**
 * Sends a notice about a change that is already written: a failure is logged (no personal data)
 * and answered as false, never thrown, so the change is not undone or left half-done.
 */
export async function sendNotice(
  deps: { mail: Mail; log: (entry: Record<string, unknown>) => void },
  to: string,
  email: { subject: string; text: string; html: string },
  logFields: Record<string, unknown>,
): Promise<boolean> {
  try {
    await deps.mail.send({ to: [to], kind: 'other', ...email });
    return true;
  } catch (error) {
    deps.log({ level: 'warn', msg: 'access notice not sent', ...logFields, error: (error as Error).name });
    return false;
  }
}

// The subject goes into a mail header, where a line break could start a new header.
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}
