import { addAdminStrings } from './index';

/** Inställningar's own strings: Swedish and English, in the chunk of the code that shows them. */
export const svSettings = {
  'settings.title': 'Inställningar',
  'settings.admins': 'Administratörer',
  'settings.intro': 'Administratörer loggar in med en länk till sin e-post och kan använda hela konsolen.',
  'settings.add': 'Lägg till administratör',
  'settings.addTitle': 'Lägg till administratör',
  'settings.addBody': 'Personen kan logga in direkt med en länk till adressen.',
  'settings.addedAt': 'Tillagd',
  'settings.addedBy': 'av {by}',
  'settings.fromConfig': 'Från konfigurationen',
  'settings.removedInConfig': 'Tas bort i konfigurationen',
  'settings.you': 'Du',
  'settings.removeFor': 'Ta bort {name} som administratör',
  'settings.removeTitle': 'Ta bort {name} som administratör?',
  'settings.removeBody': 'Personen loggas ut och kan inte längre använda konsolen.',
  'settings.removeSelf': 'Det här är du. Du loggas ut och kan inte längre använda konsolen.',
  'settings.removed': '{name} är inte längre administratör.',
  'settings.added': '{name} är administratör.',
  'settings.notified': 'Ett e-postmeddelande med adressen för inloggning har skickats till {email}.',
  'settings.notNotified': 'E-postmeddelandet till {email} kunde inte skickas. Berätta för personen själv.',
  'settings.configHint':
    'Administratörer från konfigurationen (ADMIN_EMAILS) tas bort genom att ändra konfigurationen. Den sista administratören kan inte tas bort.',
} as const;

export const enSettings: Record<keyof typeof svSettings, string> = {
  'settings.title': 'Settings',
  'settings.admins': 'Admins',
  'settings.intro': 'Admins sign in with a link to their email and can use the whole console.',
  'settings.add': 'Add admin',
  'settings.addTitle': 'Add an admin',
  'settings.addBody': 'The person can sign in straight away with a link to the address.',
  'settings.addedAt': 'Added',
  'settings.addedBy': 'by {by}',
  'settings.fromConfig': 'From the configuration',
  'settings.removedInConfig': 'Removed in the configuration',
  'settings.you': 'You',
  'settings.removeFor': 'Remove {name} as admin',
  'settings.removeTitle': 'Remove {name} as admin?',
  'settings.removeBody': 'The person is signed out and can no longer use the console.',
  'settings.removeSelf': 'This is you. You will be signed out and can no longer use the console.',
  'settings.removed': '{name} is no longer an admin.',
  'settings.added': '{name} is an admin.',
  'settings.notified': 'An email with the sign-in address has been sent to {email}.',
  'settings.notNotified': 'The email to {email} could not be sent. Tell the person yourself.',
  'settings.configHint':
    'Admins from the configuration (ADMIN_EMAILS) are removed by changing the configuration. The last admin cannot be removed.',
};

addAdminStrings(svSettings, enSettings);
