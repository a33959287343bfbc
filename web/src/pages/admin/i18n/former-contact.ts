import { addAdminStrings } from './index';

/** Erasing a former contact's data by the address (Organisationer): Swedish and English, in the chunk of the code that shows them. */
export const svFormerContact = {
  'former.intro':
    'När någon som inte längre är kontaktperson ber att få sina uppgifter raderade (GDPR artikel 17) raderar du dem här, med den e-postadress personen använde.',
  'former.inRegisterHint':
    'Är personen fortfarande kontaktperson? Radera dem då under Personuppgifter på organisationens sida.',
  'former.formLabel': 'Radera uppgifter om en e-postadress',
  'former.email': 'E-postadress',
  'former.emailHint':
    'Adressen personen hade som kontaktperson. Har personen haft flera adresser, radera var och en för sig.',
  'former.submit': 'Radera uppgifter',
  'former.confirmTitle': 'Radera uppgifterna om {email}?',
  'former.confirmLead': 'Det här går inte att ångra. För adressen {email} händer följande:',
  'former.eraseRecords': 'Sparade uppgifter om att personen har tagits bort som kontaktperson raderas.',
  'former.eraseAudit':
    'Namn och adress tas bort ur tidigare poster i loggen; vem som gjorde vad och när finns kvar. Raderingen loggas med antal, utan adressen.',
  'former.confirm': 'Radera uppgifterna',
  'former.doneTitle': 'Uppgifterna om {email} är raderade',
  'former.records': 'Tidigare kontaktperson i',
  'former.nothingTitle': 'Inget fanns kvar att radera om {email}',
  'former.nothingBody':
    'Under adressen fanns inga inloggningar, e-postmeddelanden, svar eller uppgifter om borttagna kontakter. Så blir det också när uppgifterna redan är raderade.',
  'former.incompleteTitle': 'Raderingen av {email} är inte klar',
  'former.incompleteBody':
    'Det finns fler loggposter att rensa än en körning hinner med. Det som är gjort är sparat. Fortsätt, så raderas resten.',
  'former.inRegisterTitle': '{email} tillhör en kontaktperson i registret',
  'former.inRegisterBody':
    'En kontaktperson raderas på organisationens sida, under Personuppgifter. Då raderas även tidigare uppgifter under adressen.',
  'former.inRegisterList': 'Gå till organisationen:',
  'former.holder': '{name}, {organisation}',
  'former.organisation': '{name} ({code})',
  'former.organisationCode': 'Organisation {code}',
} as const;

export const enFormerContact: Record<keyof typeof svFormerContact, string> = {
  'former.intro':
    'When someone who is no longer a contact asks for their data to be erased (GDPR article 17), erase it here, by the email address they used.',
  'former.inRegisterHint':
    'Is the person still a contact? Then erase them under Personal data on the organisation’s page.',
  'former.formLabel': 'Erase the data of an email address',
  'former.email': 'Email address',
  'former.emailHint': 'The address the person had as a contact. If they had more than one, erase each in turn.',
  'former.submit': 'Erase data',
  'former.confirmTitle': 'Erase the data about {email}?',
  'former.confirmLead': 'This cannot be undone. For the address {email}:',
  'former.eraseRecords': 'Stored records that the person was removed as a contact are deleted.',
  'former.eraseAudit':
    'Name and address are taken out of earlier log entries; who did what and when is kept. The erasure is logged with counts, without the address.',
  'former.confirm': 'Erase the data',
  'former.doneTitle': 'The data about {email} is erased',
  'former.records': 'Former contact of',
  'former.nothingTitle': 'Nothing was left to erase about {email}',
  'former.nothingBody':
    'There were no sign-ins, emails, responses or records of removed contacts under the address. This is also what an erasure that is already done shows.',
  'former.incompleteTitle': 'The erasure of {email} is not finished',
  'former.incompleteBody':
    'There are more log entries to clear than one run handles. What is done is kept. Continue to erase the rest.',
  'former.inRegisterTitle': '{email} belongs to a contact in the register',
  'former.inRegisterBody':
    'A contact is erased on the organisation’s page, under Personal data. Earlier data under the address is erased with it.',
  'former.inRegisterList': 'Go to the organisation:',
  'former.holder': '{name}, {organisation}',
  'former.organisation': '{name} ({code})',
  'former.organisationCode': 'Organisation {code}',
};

addAdminStrings(svFormerContact, enFormerContact);
