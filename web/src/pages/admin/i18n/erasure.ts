import { addAdminStrings } from './index';

/** Erasing a contact's personal data (an organisation's page and a former contact's): Swedish and English, in the chunk of the code that shows them. */
export const svErasure = {
  'privacy.eraseSessions': 'Alla inloggningar avslutas direkt.',
  'privacy.eraseLoginLinks': 'Inloggningslänkar som skickats till personen slutar gälla.',
  'privacy.eraseOutbox': 'Sparade kopior av e-post som skickats till personen raderas.',
  'privacy.eraseReminders':
    'Namn, adress och felmeddelanden tas bort ur påminnelseloggen för alla kampanjer. Att en påminnelse skickades finns kvar.',
  'privacy.eraseResponses':
    'Svar som personen senast sparade eller skickade in visas som sparade av ”raderad kontakt”. Svaren i sig ändras inte.',
  'privacy.erased': 'Personuppgifterna för {name} är raderade.',
  'privacy.erasedEarlier': 'Uppgifter om tidigare borttagna kontakter med samma adress som också raderades: {count}.',
  'privacy.continue': 'Fortsätt radera',
  'erasure.count.sessions': 'Avslutade inloggningar',
  'erasure.count.loginTokens': 'Borttagna inloggningslänkar',
  'erasure.count.outbox': 'Raderade e-postmeddelanden',
  'erasure.count.reminders': 'Rensade poster i påminnelseloggen',
  'erasure.count.responses': 'Svar som nu visar ”raderad kontakt”',
  'erasure.count.audit': 'Loggposter rensade från namn och adress',
  'former.emailRequired': 'Skriv e-postadressen som uppgifterna ska raderas för.',
  'former.recordsCount': 'Raderade uppgifter om borttagna kontakter',
} as const;

export const enErasure: Record<keyof typeof svErasure, string> = {
  'privacy.eraseSessions': 'Every sign-in ends at once.',
  'privacy.eraseLoginLinks': 'Sign-in links sent to the person stop working.',
  'privacy.eraseOutbox': 'Stored copies of email sent to the person are deleted.',
  'privacy.eraseReminders':
    'Name, address and error messages are removed from the reminder log of every campaign. That a reminder was sent is kept.',
  'privacy.eraseResponses':
    'Responses the person last saved or submitted show as saved by “raderad kontakt” (erased contact). The answers themselves do not change.',
  'privacy.erased': 'The personal data of {name} is erased.',
  'privacy.erasedEarlier': 'Records of earlier removed contacts with the same address also erased: {count}.',
  'privacy.continue': 'Continue erasing',
  'erasure.count.sessions': 'Sign-ins ended',
  'erasure.count.loginTokens': 'Sign-in links deleted',
  'erasure.count.outbox': 'Emails deleted',
  'erasure.count.reminders': 'Reminder-log entries cleared',
  'erasure.count.responses': 'Responses now showing “raderad kontakt”',
  'erasure.count.audit': 'Log entries cleared of name and address',
  'former.emailRequired': 'Enter the email address whose data is to be erased.',
  'former.recordsCount': 'Records of removed contacts erased',
};

addAdminStrings(svErasure, enErasure);
