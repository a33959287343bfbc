/**
 * How the audit page reads an entry's before and after, as pure functions of data (unit-tested in
 * test/web/admin-audit.test.ts). A survey edit is stored as flat keys (`surveys.kommun`,
 * `surveys.kommun.added`, … see describeChange in functions/features/campaigns/campaign.service.ts);
 * those read as sentences in the console's language. Other fields read as `field: before → after`,
 * with the fields and values the page knows in words (a run's skip reasons, its step, statuses,
 * roles; the scoring rules' versions as short hashes), and anything else as stored.
 */

import type { AdminKey, AdminT } from '../i18n';
import { stepLabel } from './step-label';
import { isoToStockholmInput } from './stockholm-time';
import '../i18n/audit';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Every action the API writes to the audit log. The page names each (`action.<name>` in both
 * languages); a test checks this list against the server's audit calls, so a new action without
 * a label fails a test rather than showing its code.
 */
export const AUDIT_ACTIONS = [
  'organisation.create',
  'organisation.update',
  'contact.create',
  'contact.update',
  'contact.move',
  'contact.delete',
  'contact.erase',
  'contact.erase-address',
  'contact.export',
  'contact.import.commit',
  'campaign.create',
  'campaign.update',
  'campaign.update.survey',
  'campaign.open',
  'campaign.close',
  'campaign.publish',
  'campaign.rescore',
  'klimatlaget.publish',
  'response.reopen',
  'response.excuse',
  'response.unexcuse',
  'response.override',
  'response.override.remove',
  'response.override.keep',
  'response.note',
  'import.commit',
  'import.rollback',
  'reminders.run',
  'reminder.send',
  'admin.add',
  'admin.remove',
] as const;

/** An action's name in the reader's language, or its code for an action the page does not know. */
export function actionLabel(action: string, t: AdminT): string {
  const key = `action.${action}` as AdminKey;
  const text = t(key);
  return text === key ? action : text;
}

/** The fields the page names in words (`audit.field.<name>`); others keep their stored name. */
const FIELDS = new Set([
  'at',
  'dryRun',
  'step',
  'stepId',
  'variant',
  'due',
  'sent',
  'failed',
  'skipped',
  'sentTo',
  'invitedTo',
  'revision',
  'respondents',
  'organisations',
  'rescored',
  'unchanged',
  'rules',
  'status',
  'role',
  'emailState',
  'organisationId',
  'changed',
  'fileName',
  'sha256',
  'new',
  'written',
  'restored',
  'deleted',
  'rows',
  'created',
  'updated',
  'replaced',
  'replacedContacts',
  'importId',
  'reason',
  'question',
  'points',
  'answer',
  'excused',
  'closesAtOverride',
  'emailedTo',
  'message',
  'title',
  'opensAt',
  'closesAt',
  'copiedFrom',
  'name',
  'email',
  'type',
  'population',
  'memberSince',
  'memberUntil',
  'afterPublishing',
]);

/** What the entry is about, for values whose words depend on it (a campaign's status or a response's). */
export interface EntryContext {
  action?: string;
}

/** A field's name in the reader's language. */
function fieldLabel(key: string, t: AdminT): string {
  return FIELDS.has(key) ? t(`audit.field.${key}` as AdminKey) : key;
}

/** `prefix.value` in words when the dictionary has it, else undefined. */
function known(prefix: string, value: unknown, t: AdminT): string | undefined {
  if (typeof value !== 'string') return undefined;
  const key = `${prefix}.${value}` as AdminKey;
  const text = t(key);
  return text === key ? undefined : text;
}

/** A number of contacts (a list of contact ids): "2 kontakter". */
function contactCount(count: number, t: AdminT): string {
  return t('audit.value.contacts', { count });
}

/** A field's value in words when the page knows the field, else undefined (shown as stored). */
function fieldValue(key: string, value: unknown, t: AdminT, context: EntryContext): string | undefined {
  if (value === null && (key === 'step' || key === 'stepId')) return t('audit.value.noStep');
  // The answer an adjustment was made on (`response.override.keep`): null when it was unanswered.
  if (value === null && key === 'answer') return t('audit.value.unanswered');
  if (value === null || value === undefined) return undefined;
  switch (key) {
    case 'skipped': {
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      const reasons = Object.entries(value as Record<string, unknown>);
      if (reasons.length === 0) return t('audit.value.none');
      return reasons.map(([reason, count]) => `${known('reason', reason, t) ?? reason}: ${String(count)}`).join(', ');
    }
    case 'step':
    case 'stepId':
      return typeof value === 'string' ? stepLabel(value, t) : undefined;
    case 'variant':
      return known('variant', value, t);
    case 'rules': {
      // The hashes name the scoring rules' version: short, like a commit, to compare between entries.
      if (typeof value !== 'object' || Array.isArray(value)) return undefined;
      return Object.entries(value as Record<string, unknown>)
        .map(([survey, hash]) => `${known('audit.survey', survey, t) ?? survey} ${String(hash).slice(0, 7)}`)
        .join(', ');
    }
    case 'sha256':
      return typeof value === 'string' ? `${value.slice(0, 12)}…` : undefined;
    case 'status': {
      const responseEntry = context.action?.startsWith('response.');
      return responseEntry
        ? known('status', value, t)
        : (known('campaignStatus', value, t) ?? known('status', value, t));
    }
    case 'message': {
      // The note's words, quoted, so they do not run into the next field.
      if (typeof value !== 'string') return undefined;
      const text = value.replace(/\s+/g, ' ').trim();
      return t('audit.value.quoted', { text: text.length > 120 ? `${text.slice(0, 119)}…` : text });
    }
    case 'role':
      return known('role', value, t);
    case 'emailState':
      return known('emailState', value, t);
    case 'type':
      return known('type', value, t);
    case 'changed':
      return Array.isArray(value) ? value.map((field) => fieldLabel(String(field), t)).join(', ') : undefined;
    case 'sentTo':
    case 'invitedTo':
    case 'failed':
    case 'replacedContacts':
      return Array.isArray(value) ? contactCount(value.length, t) : undefined;
    default:
      if (typeof value === 'boolean') return t(value ? 'audit.value.yes' : 'audit.value.no');
      return undefined;
  }
}

/** One value, short: in words when known, instants in Swedish time, objects as compact JSON. */
function show(key: string, value: unknown, t: AdminT, context: EntryContext, max = 120): string {
  const worded = fieldValue(key, value, t, context);
  if (worded !== undefined) return worded;
  if (value === undefined || value === null) return '–';
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return isoToStockholmInput(value).replace('T', ' ');
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "Titel: Medlemstest 2027, Öppnar: …": a short reading of a before or after summary. */
export function summarise(value: unknown, t: AdminT, context: EntryContext = {}, max = 240): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object') return String(value);
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${fieldLabel(k, t)}: ${show(k, v, t, context)}`);
  const text = parts.join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * A survey key: its size, one of its lists of names, or (`.more`) how many names the API left out of
 * a list longer than 50, which the list's own line says.
 */
const SURVEY_KEY = /^surveys\.(kommun|region)(?:\.(added|removed|changed|pagesChanged|settingsChanged)(\.more)?)?$/;

function names(value: unknown, more: unknown, t: AdminT): string {
  if (!Array.isArray(value)) return show('', value, t, {});
  const listed = value.map(String);
  if (typeof more === 'number' && more > 0) listed.push(t('audit.survey.more', { count: more }));
  return listed.join(', ');
}

function size(value: unknown, t: AdminT): string {
  const { pages, questions } = (value ?? {}) as { pages?: unknown; questions?: unknown };
  if (typeof pages !== 'number' || typeof questions !== 'number') return show('', value, t, {});
  return t('audit.survey.sizeValue', { pages, questions });
}

/**
 * A survey key's line: a string, '' for a count the list's line says (no line of its own), or null
 * when `key` is not a survey key. `after` is the whole entry's after, where a list's count is.
 */
function surveyLine(key: string, before: unknown, after: Record<string, unknown>, t: AdminT): string | null {
  const match = SURVEY_KEY.exec(key);
  if (!match) return null;
  if (match[3]) return '';
  const survey = t(`audit.survey.${match[1]}` as AdminKey);
  const part = match[2];
  if (!part) return t('audit.survey.size', { survey, before: size(before, t), after: size(after[key], t) });
  if (part === 'settingsChanged') return t('audit.survey.settingsChanged', { survey });
  return t(`audit.survey.${part}` as AdminKey, { survey, names: names(after[key], after[`${key}.more`], t) });
}

/**
 * What changed between before and after, one line per field ("Sista svarsdag: 2027-12-25 18:19 →
 * 2027-10-29 17:00"; a survey edit as "Nya frågor i enkäten för kommuner: M_NY"), or null when the
 * entry has no before and after to compare.
 */
export function changes(before: unknown, after: unknown, t: AdminT, context: EntryContext = {}): string[] | null {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return null;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map((key) => {
      const survey = surveyLine(key, b[key], a, t);
      if (survey !== null) return survey;
      const label = fieldLabel(key, t);
      return key in b
        ? `${label}: ${show(key, b[key], t, context)} → ${show(key, a[key], t, context)}`
        : `${label}: ${show(key, a[key], t, context)}`;
    })
    .filter((line) => line !== '');
}
