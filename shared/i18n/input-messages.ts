/**
 * The hand-written messages of invalid input (a 400 `invalid_input` detail), in Swedish and English,
 * one entry per message: the schemas and checks take their Swedish text from here, and the API
 * finds the English for a detail's Swedish message here (`englishInputMessage`), because zod hands
 * on only the message a schema raised. `{name}` stands for a value filled in when the message is
 * raised. zod's own messages (a wrong type, a number too big) come from its locales instead.
 */
import { VISIBLE_TEXT_MESSAGES } from './visible-text-messages';

const MESSAGES = {
  // shared/reminders/reminder-policy.schema.ts
  weekday: {
    sv: 'Okänd veckodag. Använd mon, tue, wed, thu, fri, sat eller sun.',
    en: 'Unknown weekday. Use mon, tue, wed, thu, fri, sat or sun.',
  },
  localTime: {
    sv: 'Ange tiden som TT:MM, till exempel 08:00.',
    en: 'Give the time as HH:MM, for example 08:00.',
  },
  windowWithoutWeekdays: {
    sv: 'Sändfönstret är tomt: välj minst en veckodag.',
    en: 'The send window is empty: choose at least one weekday.',
  },
  windowEndsBeforeStart: {
    sv: 'Sändfönstret är tomt: sluttiden ({end}) måste vara senare än starttiden ({start}).',
    en: 'The send window is empty: the end time ({end}) must be later than the start time ({start}).',
  },
  stepDaysWhole: {
    sv: 'Ange antal dagar före stängning som ett heltal.',
    en: 'Give the number of days before closing as a whole number.',
  },
  stepDaysNegative: {
    sv: 'Antal dagar får inte vara negativt ({days}): ett steg efter stängningen kan inte skickas.',
    en: 'The number of days cannot be negative ({days}): a step after closing cannot be sent.',
  },
  stepDaysZero: {
    sv: 'Steget 0 dagar före stängning är stängningsdagen. Använd "sista dagen" (lastDay) i stället.',
    en: 'The step 0 days before closing is the closing day. Use the last-day reminder (lastDay) instead.',
  },
  stepDaysMax: {
    sv: 'Ett steg kan ligga högst 366 dagar före stängning.',
    en: 'A step can be at most 366 days before closing.',
  },
  stepsMax: { sv: 'Högst 20 påminnelsesteg.', en: 'At most 20 reminder steps.' },
  stepDuplicate: {
    sv: 'Steget {days} dagar före stängning finns redan.',
    en: 'The step {days} days before closing is there already.',
  },
  stepId: {
    sv: 'Okänt steg. Använd invitation, last-day eller d följt av antal dagar, till exempel d7.',
    en: 'Unknown step. Use invitation, last-day or d followed by a number of days, for example d7.',
  },
  // shared/schemas/organisation.schema.ts (and the organisation service's check of stored dates)
  membershipOrder: {
    sv: 'Medlemskapet kan inte upphöra före det börjar.',
    en: 'The membership cannot end before it begins.',
  },
  kommunGivenLanskod: {
    sv: '{id} är en länskod. En kommun har en fyrsiffrig kommunkod, t.ex. 1281.',
    en: '{id} is a county code. A municipality has a four-digit municipality code, e.g. 1281.',
  },
  kommunkodInvalid: {
    sv: '{id} är ingen giltig kommunkod: fyra siffror som börjar med en länskod, t.ex. 0180 eller 1281.',
    en: '{id} is not a valid municipality code: four digits that begin with a county code, e.g. 0180 or 1281.',
  },
  regionGivenKommunkod: {
    sv: '{id} är en kommunkod. En region har en tvåsiffrig länskod, t.ex. 12.',
    en: '{id} is a municipality code. A region has a two-digit county code, e.g. 12.',
  },
  lanskodInvalid: {
    sv: '{id} är ingen giltig länskod: två siffror, t.ex. 01 eller 12 (02, 11, 15 och 16 finns inte längre).',
    en: '{id} is not a valid county code: two digits, e.g. 01 or 12 (02, 11, 15 and 16 no longer exist).',
  },
  // shared/schemas/contact.schema.ts
  organisationCode: {
    sv: 'Ange en organisationskod, t.ex. 1281 eller 12.',
    en: 'Give an organisation code, e.g. 1281 or 12.',
  },
  // shared/schemas/campaign.schema.ts
  campaignDates: { sv: 'closesAt måste vara efter opensAt.', en: 'closesAt must be after opensAt.' },
  // Path and query parameters (shared/schemas/params.ts, functions/features/klimatlaget/klimatlaget.params.ts;
  // an audit cursor of the wrong length says auditCursor, below)
  yearParam: {
    sv: 'Året måste vara ett heltal från 2000 till 2100, t.ex. 2025.',
    en: 'The year must be a whole number from 2000 to 2100, e.g. 2025.',
  },
  revisionParam: {
    sv: 'Versionen måste vara ett heltal, 1 eller högre, t.ex. 2.',
    en: 'The revision must be a whole number, 1 or higher, e.g. 2.',
  },
  importIdParam: {
    sv: 'Importens id ska vara ett UUID, t.ex. 0b6f1c9e-2f4d-4a8e-9c1b-5d7e3a2f6b10.',
    en: 'The import id must be a UUID, e.g. 0b6f1c9e-2f4d-4a8e-9c1b-5d7e3a2f6b10.',
  },
  contactIdParam: {
    sv: 'Ange kontaktens id, högst 100 tecken.',
    en: "Give the contact's id, at most 100 characters.",
  },
  questionParam: {
    sv: 'Ange frågans namn som i enkäten, högst 200 tecken.',
    en: "Give the question's name as in the survey, at most 200 characters.",
  },
  emailParam: {
    sv: 'Adressen är inte en giltig e-postadress, t.ex. namn@kommun.se.',
    en: 'The address is not a valid email address, e.g. name@kommun.se.',
  },
  // shared/reminders/validate-policy.ts: zod's own issues in the policy, in its words. The two
  // bounds are also zod's Swedish for any number out of range (shared/i18n/zod-sv.ts).
  policyWrongType: { sv: 'Fel typ: förväntade {expected}.', en: 'Wrong type: expected {expected}.' },
  policyTooSmall: { sv: 'Värdet måste vara minst {minimum}.', en: 'The value must be at least {minimum}.' },
  policyTooBig: { sv: 'Värdet får vara högst {maximum}.', en: 'The value can be at most {maximum}.' },
  valueAbove: { sv: 'Värdet måste vara större än {minimum}.', en: 'The value must be greater than {minimum}.' },
  valueBelow: { sv: 'Värdet måste vara mindre än {maximum}.', en: 'The value must be less than {maximum}.' },
  // zod's Swedish for a text of the wrong length (shared/i18n/zod-sv.ts), e.g. ?q= of the register
  textTooShort: {
    sv: 'Texten måste vara minst {minimum} tecken lång.',
    en: 'The text must be at least {minimum} characters long.',
  },
  textTooLong: {
    sv: 'Texten får vara högst {maximum} tecken lång.',
    en: 'The text can be at most {maximum} characters long.',
  },
  policyUnknownField: { sv: 'Okänt fält: {keys}.', en: 'Unknown field: {keys}.' },
  policyValueNotAllowed: { sv: 'Otillåtet värde.', en: 'The value is not allowed.' },
  policyValueInvalid: { sv: 'Ogiltigt värde.', en: 'The value is not valid.' },
  // shared/reminders/validate-policy.ts: the policy against the campaign's dates
  policyCampaignDates: {
    sv: 'Kampanjen måste stänga efter att den öppnar.',
    en: 'The campaign must close after it opens.',
  },
  policyStepAfterClose: {
    sv: '{step} skulle skickas {when}, men enkäten stänger {closes}.',
    en: '{step} would go out {when}, but the survey closes {closes}.',
  },
  policyStepBeforeOpen: {
    sv: '{step} skulle skickas {when}, före eller samtidigt som {against}. Kampanjen är {days} dagar lång.',
    en: '{step} would go out {when}, before or at the same time as {against}. The campaign is {days} days long.',
  },
  policyStepSuperseded: {
    sv: '{step} flyttas av sändfönstret till {at}, samma tid som {later}. Bara det senare steget skickas.',
    en: '{step} is moved by the send window to {at}, the same time as {later}. Only the later step is sent.',
  },
  policyStepsTooClose: {
    sv: '{step} ligger {gap} dagar efter {earlier}, men minsta avstånd är {min} dagar. Den som fick det tidigare steget får inte detta.',
    en: '{step} comes {gap} days after {earlier}, but the least gap is {min} days. Whoever got the earlier step does not get this one.',
  },
  policyTooManySteps: {
    sv: 'Policyn har {count} påminnelser men högst {max} skickas till varje kontakt.',
    en: 'The policy has {count} reminders but at most {max} are sent to each contact.',
  },
  // Parts of the policy messages above
  stepInvitation: { sv: 'Inbjudan', en: 'The invitation' },
  stepLastDay: { sv: 'Påminnelsen sista dagen', en: 'The last-day reminder' },
  stepDayBefore: { sv: 'Påminnelsen 1 dag före stängning', en: 'The reminder 1 day before closing' },
  stepDaysBefore: { sv: 'Påminnelsen {days} dagar före stängning', en: 'The reminder {days} days before closing' },
  stepMoved: { sv: '{nominal}, flyttad till sändfönstret {due}', en: '{nominal}, moved into the send window at {due}' },
  againstInvitation: { sv: 'inbjudan ({at})', en: 'the invitation ({at})' },
  againstOpening: { sv: 'öppningen ({at})', en: 'the opening ({at})' },
  // shared/schemas/visible-text.ts
  ...VISIBLE_TEXT_MESSAGES,
  // Details raised outside the schemas, with the same shape
  unsubscribeLink: { sv: 'Ogiltig eller ändrad länk.', en: 'The link is not valid or has been changed.' },
  auditCursor: {
    sv: 'Ogiltig markör, eller en markör från en annan filtrering.',
    en: 'The cursor is not valid, or belongs to another filter.',
  },
  importFileMissing: { sv: 'Filen saknas.', en: 'The file is missing.' },
} as const satisfies Record<string, { sv: string; en: string }>;

export type InputMessageKey = keyof typeof MESSAGES;

/** A message in both languages, as survey answer validation and the imports carry them. */
export interface Bilingual {
  /** Swedish. */
  message: string;
  messageEn: string;
}

/** A value filled into a message: the same in both languages, or a part worded in each. */
export type MessageValue = string | number | Bilingual;

/** Said when nothing better is known, e.g. for a Swedish message raised without an entry here. */
export const INVALID_VALUE_EN = MESSAGES.policyValueInvalid.en;

function fill(template: string, values: Record<string, MessageValue>, english: boolean): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    if (typeof value === 'object') return english ? value.messageEn : value.message;
    return String(value);
  });
}

/** The message `key` in both languages, with `values` filled in. */
export function inputText(key: InputMessageKey, values: Record<string, MessageValue> = {}): Bilingual {
  const { sv, en } = MESSAGES[key];
  return { message: fill(sv, values, false), messageEn: fill(en, values, true) };
}

/** The Swedish message `key`, as a schema raises it (the API finds the English by it). */
export function inputMessage(key: InputMessageKey, values: Record<string, MessageValue> = {}): string {
  return fill(MESSAGES[key].sv, values, false);
}

/** Every entry, for the tests that check the table. */
export function inputMessageEntries(): Array<[InputMessageKey, { sv: string; en: string }]> {
  return Object.entries(MESSAGES) as Array<[InputMessageKey, { sv: string; en: string }]>;
}

interface Matcher {
  pattern: RegExp;
  names: string[];
  en: string;
}

let matchers: Matcher[] | undefined;

/** Built on the first invalid input, not at import: a cold start that validates nothing pays nothing. */
function allMatchers(): Matcher[] {
  matchers ??= Object.values(MESSAGES).map(({ sv, en }) => {
    const names: string[] = [];
    const source = sv
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(name);
        return '(.+?)';
      })
      .join('');
    return { pattern: new RegExp(`^${source}$`, 's'), names, en };
  });
  return matchers;
}

/**
 * The English of a Swedish message from this table, its values carried over; undefined for any
 * other text. A value that is itself worded in Swedish (a part of a composed message) is carried
 * over as it is, so such messages are raised with `inputText` and carry their English along.
 */
export function englishInputMessage(swedish: string): string | undefined {
  for (const { pattern, names, en } of allMatchers()) {
    const match = pattern.exec(swedish);
    if (!match) continue;
    const values = Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
    return fill(en, values, true);
  }
  return undefined;
}
