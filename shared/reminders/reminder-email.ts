import { escapeHtml } from '../i18n/escape-html';
import { STOCKHOLM_TIME_ZONE, stockholmParts } from './send-window';

export type ReminderEmailLocale = 'sv' | 'en';

/** What an email says; `kind` and `variant` come straight from a planned email. */
export type ReminderEmailInput = (
  | { kind: 'invitation'; variant: 'invitation' }
  | { kind: 'reminder'; variant: 'no-response' | 'draft' | 'last-day' }
) & {
  organisationName: string;
  campaignTitle: string;
  /** The deadline that applies to this organisation; shown in Stockholm time. */
  closesAt: Date;
  /**
   * Required questions answered so far in the organisation's draft, of `total` (the stored
   * `answered` / `totalQuestions`, counted as the member's page counts them: `responseProgress`).
   */
  answered?: number;
  total?: number;
  /**
   * The year of the organisation's latest earlier submission, when it has not started this year's
   * draft: the email then says the survey can start from those answers.
   */
  carryOverYear?: number;
  /** Single-use sign-in link straight to the survey. */
  signInUrl: string;
  /** One-click unsubscribe link (the same URL belongs in the List-Unsubscribe header). */
  unsubscribeUrl: string;
  /** `sv` (default): Swedish with a short English summary, as the other emails; `en`: all English. */
  locale?: ReminderEmailLocale;
};

export interface ReminderEmail {
  subject: string;
  text: string;
  html: string;
}

/** A paragraph is plain text; links are kept apart so HTML can render them as anchors. */
interface Content {
  subject: string;
  paragraphs: string[];
  signInLabel: string;
  signInHint: string;
  signature: string;
  unsubscribeLead: string;
  unsubscribeLabel: string;
}

// Made on first use, not at import (see send-window.ts): Intl formatters with a time zone are costly.
let deadlineFormatters: Record<ReminderEmailLocale, Intl.DateTimeFormat> | undefined;
const newDeadlineFormatters = (): Record<ReminderEmailLocale, Intl.DateTimeFormat> => ({
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: STOCKHOLM_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: STOCKHOLM_TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
});

/**
 * The deadline as people read it. A campaign closing at local midnight is shown as 23:59 the day
 * before, because "1 april kl. 00:00" makes readers think they have all of 1 April.
 */
export function formatDeadline(closesAt: Date, locale: ReminderEmailLocale = 'sv'): string {
  const parts = stockholmParts(closesAt);
  const shown = parts.hour === 0 && parts.minute === 0 ? new Date(closesAt.getTime() - 60_000) : closesAt;
  const zone = locale === 'sv' ? 'svensk tid' : 'Swedish time';
  deadlineFormatters ??= newDeadlineFormatters();
  return `${deadlineFormatters[locale].format(shown)} (${zone})`;
}

// Subjects go into a mail header, where a line break could start a new header.
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

function checkedUrl(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`${name} är ingen giltig adress.`);
  }
  // Only web links: a javascript: or data: link in an email is an injection, never a feature.
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError(`${name} måste vara en http(s)-adress.`);
  return value;
}

function progress(input: ReminderEmailInput, locale: ReminderEmailLocale): string | null {
  const { answered, total } = input;
  if (answered === undefined || total === undefined || total <= 0 || answered <= 0) return null;
  return locale === 'sv'
    ? `Ert utkast är påbörjat, ${answered} av ${total} obligatoriska frågor besvarade.`
    : `Your draft has been started: ${answered} of ${total} required questions answered.`;
}

/** The nudge for an organisation that has not started: last year's answers can be the starting point. */
function carryOver(input: ReminderEmailInput, locale: ReminderEmailLocale): string[] {
  if (input.carryOverYear === undefined || progress(input, locale) !== null) return [];
  const org = oneLine(input.organisationName);
  return [
    locale === 'sv'
      ? `${org} skickade in sina svar ${input.carryOverYear}. I enkäten kan ni utgå från dem: de svar som passar årets frågor kan fyllas i, och ni går igenom dem innan ni skickar in.`
      : `${org} submitted its answers in ${input.carryOverYear}. In the survey you can start from them: the answers that fit this year’s questions can be filled in, and you review them before you submit.`,
  ];
}

function swedish(input: ReminderEmailInput, deadline: string): Content {
  const org = oneLine(input.organisationName);
  const title = oneLine(input.campaignTitle);
  const draft = progress(input, 'sv');
  const common = {
    signInLabel: 'Logga in och svara',
    signInHint:
      'Länken är personlig och kan användas en gång. Har den gått ut kan du begära en ny länk på sidan den leder till.',
    signature: 'Vänliga hälsningar\nKansliet, Klimatkommunerna',
    unsubscribeLead: 'Vill du inte få fler påminnelser om enkäten?',
    unsubscribeLabel: 'Avsluta påminnelser',
  };
  switch (input.variant) {
    case 'invitation':
      return {
        ...common,
        subject: `Inbjudan: ${title} för ${org}`,
        paragraphs: [
          'Hej!',
          // The title is free text ("Medlemstest 2026"), so nothing here may have to agree with its gender.
          `Nu går det att svara på ${title}, och du är kontaktperson för ${org}. Flera kontaktpersoner kan svara för organisationen tillsammans, och svaren sparas som utkast tills ni skickar in.`,
          ...carryOver(input, 'sv'),
          `Sista dag att svara: ${deadline}.`,
        ],
      };
    case 'no-response':
      return {
        ...common,
        subject: `Påminnelse: ${title} – ${org} har inte svarat ännu`,
        paragraphs: [
          'Hej!',
          `Vi har ännu inte fått något svar från ${org} på ${title}.`,
          ...carryOver(input, 'sv'),
          `Sista dag att svara: ${deadline}.`,
        ],
      };
    case 'draft':
      return {
        ...common,
        subject: `Påminnelse: ${title} – utkastet för ${org} är inte inskickat`,
        paragraphs: [
          'Hej!',
          draft ?? `${org} har ett påbörjat utkast till ${title}.`,
          `Utkastet för ${org} är inte inskickat ännu. Skicka in svaren senast ${deadline}.`,
        ],
      };
    case 'last-day':
      return {
        ...common,
        subject: `Sista dagen: ${title} stänger i dag`,
        paragraphs: [
          'Hej!',
          `I dag är sista dagen att svara på ${title} för ${org}. Enkäten stänger ${deadline}.`,
          ...(draft
            ? [`${draft} Glöm inte att skicka in.`]
            : [`Vi har ännu inte fått något inskickat svar från ${org}.`, ...carryOver(input, 'sv')]),
        ],
      };
  }
}

function english(input: ReminderEmailInput, deadline: string): Content {
  const org = oneLine(input.organisationName);
  const title = oneLine(input.campaignTitle);
  const draft = progress(input, 'en');
  const common = {
    signInLabel: 'Sign in and answer',
    signInHint:
      'The link is personal and works once. If it has expired, you can request a new one on the page it opens.',
    signature: 'Kind regards\nThe secretariat, Klimatkommunerna',
    unsubscribeLead: 'Do not want more reminders about the survey?',
    unsubscribeLabel: 'Stop reminders',
  };
  switch (input.variant) {
    case 'invitation':
      return {
        ...common,
        subject: `Invitation: ${title} for ${org}`,
        paragraphs: [
          'Hello,',
          `${title} is now open, and you are a contact for ${org}. Several contacts can answer for the organisation together; answers are kept as a draft until you submit.`,
          ...carryOver(input, 'en'),
          `Deadline: ${deadline}.`,
        ],
      };
    case 'no-response':
      return {
        ...common,
        subject: `Reminder: ${title} – no answer yet from ${org}`,
        paragraphs: [
          'Hello,',
          `We have not yet received an answer from ${org} to ${title}.`,
          ...carryOver(input, 'en'),
          `Deadline: ${deadline}.`,
        ],
      };
    case 'draft':
      return {
        ...common,
        subject: `Reminder: ${title} – the draft for ${org} has not been submitted`,
        paragraphs: [
          'Hello,',
          draft ?? `${org} has started a draft of ${title}.`,
          `The draft for ${org} has not been submitted yet. Please submit it by ${deadline}.`,
        ],
      };
    case 'last-day':
      return {
        ...common,
        subject: `Last day: ${title} closes today`,
        paragraphs: [
          'Hello,',
          `Today is the last day to answer ${title} for ${org}. The survey closes ${deadline}.`,
          ...(draft
            ? [`${draft} Remember to submit it.`]
            : [`We have not yet received a submitted answer from ${org}.`, ...carryOver(input, 'en')]),
        ],
      };
  }
}

/**
 * The English line of a Swedish email, as in the sign-in, receipt and review-note emails: contacts
 * have no language preference stored, so everyone gets Swedish with this summary.
 */
function englishSummary(input: ReminderEmailInput): string {
  const org = oneLine(input.organisationName);
  const title = oneLine(input.campaignTitle);
  const what = {
    invitation: `you are invited to answer ${title} for ${org}, as one of its contacts`,
    'no-response': `a reminder that we have not yet received an answer from ${org} to ${title}`,
    draft: `a reminder that the draft of ${title} for ${org} has not been submitted`,
    'last-day': `a reminder that today is the last day to answer ${title} for ${org}`,
  }[input.variant];
  // The same offer as the Swedish text makes (never in the draft reminder: a draft has been started).
  const startFrom =
    input.variant !== 'draft' && carryOver(input, 'en').length > 0
      ? [`${org} can start from the answers it submitted in ${input.carryOverYear}; you review them before you submit.`]
      : [];
  return [
    `In English: ${what}. Deadline: ${formatDeadline(input.closesAt, 'en')}.`,
    ...startFrom,
    'The link “Logga in och svara” signs you in; it is personal and works once.',
    'The survey can be shown in English (“In English” at the top of the page).',
    '“Avsluta påminnelser” at the bottom stops the reminders.',
  ].join(' ');
}

const html = (value: string) => escapeHtml(value).replace(/\n/g, '<br>');

/** The Swedish button names quoted in the English line, marked as Swedish for screen readers (WCAG 3.1.2). */
const swedishLabels = (escaped: string) =>
  escaped.replace(/“(Logga in och svara|Avsluta påminnelser)”/g, '“<span lang="sv">$1</span>”');

/**
 * Builds the invitation or reminder email in Swedish with an English summary line (default) or in
 * English: a subject, plain text and simple HTML with every interpolated value escaped. It names the
 * organisation, the campaign, the deadline in Stockholm time and, where given, how far the draft has
 * come, or that an organisation that has not started can start from the answers it submitted before.
 * @throws RangeError if `signInUrl` or `unsubscribeUrl` is not an http(s) URL.
 */
export function reminderEmail(input: ReminderEmailInput): ReminderEmail {
  const locale = input.locale ?? 'sv';
  const signInUrl = checkedUrl(input.signInUrl, 'signInUrl');
  const unsubscribeUrl = checkedUrl(input.unsubscribeUrl, 'unsubscribeUrl');
  const content = (locale === 'sv' ? swedish : english)(input, formatDeadline(input.closesAt, locale));
  const inEnglish = locale === 'sv' ? englishSummary(input) : undefined;

  const text = [
    ...content.paragraphs,
    `${content.signInLabel}: ${signInUrl}`,
    content.signInHint,
    ...(inEnglish ? [inEnglish] : []),
    content.signature,
    `${content.unsubscribeLead} ${content.unsubscribeLabel}: ${unsubscribeUrl}`,
  ].join('\n\n');

  const body = [
    ...content.paragraphs.map((paragraph) => `<p>${html(paragraph)}</p>`),
    `<p><a href="${escapeHtml(signInUrl)}">${html(content.signInLabel)}</a></p>`,
    `<p style="color:#555;font-size:90%">${html(content.signInHint)}</p>`,
    ...(inEnglish ? [`<p lang="en">${swedishLabels(html(inEnglish))}</p>`] : []),
    `<p>${html(content.signature)}</p>`,
    `<hr><p style="color:#555;font-size:90%">${html(content.unsubscribeLead)} <a href="${escapeHtml(unsubscribeUrl)}">${html(content.unsubscribeLabel)}</a></p>`,
  ].join('\n');
  const htmlDocument = `<!doctype html>\n<html lang="${locale}">\n<head><meta charset="utf-8"><title>${html(content.subject)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

  return { subject: content.subject, text: `${text}\n`, html: htmlDocument };
}
