import type { ContactRole, ContactWarning } from '../schemas/contact.schema';

const REQUIRED: ReadonlyArray<{ role: ContactRole; warning: ContactWarning }> = [
  {
    role: 'politician',
    warning: {
      code: 'missing_politician',
      message: 'Organisationen saknar en förtroendevald kontaktperson (politiker), som stadgarna kräver.',
    },
  },
  {
    role: 'official',
    warning: {
      code: 'missing_official',
      message: 'Organisationen saknar en kontaktperson bland tjänstepersonerna, som stadgarna kräver.',
    },
  },
];

/**
 * The statutes ask every member for one politician and one official as contacts.
 * @returns one warning per missing role, politician first; empty when both are there.
 */
export function statuteWarnings(contacts: ReadonlyArray<{ role: ContactRole }>): ContactWarning[] {
  const roles = new Set(contacts.map((contact) => contact.role));
  return REQUIRED.filter((required) => !roles.has(required.role)).map((required) => required.warning);
}
