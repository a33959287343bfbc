/**
 * How the audit page reads an entry's before and after, as pure functions of data (unit-tested in
 * test/web/admin-audit.test.ts). A survey edit is stored as flat keys (`surveys.kommun`,
 * `surveys.kommun.added`, … see describeChange in functions/features/campaigns/campaign.service.ts);
 * those read as sentences in the console's language, every other field as `field: before → after`.
 */

import type { AdminKey, AdminT } from '../i18n';
import { isoToStockholmInput } from './stockholm-time';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One value, short: instants in Swedish time, objects as compact JSON. */
function show(value: unknown, max = 120): string {
  if (value === undefined) return '–';
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return isoToStockholmInput(value).replace('T', ' ');
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "title: Medlemstest 2027, opensAt: …": a short reading of a before or after summary. */
export function summarise(value: unknown, max = 240): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'object') return String(value);
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${show(v)}`);
  const text = parts.join(', ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const SURVEY_KEY = /^surveys\.(kommun|region)(?:\.(added|removed|changed|pagesChanged|settingsChanged))?$/;
/** The API caps each list of names at 50 and ends it with this (in Swedish, whatever the reader's language). */
const MORE = /^… och (\d+) till$/;

function names(value: unknown, t: AdminT): string {
  if (!Array.isArray(value)) return show(value);
  return value
    .map((name) => {
      const more = typeof name === 'string' ? MORE.exec(name) : null;
      return more ? t('audit.survey.more', { count: Number(more[1]) }) : String(name);
    })
    .join(', ');
}

function size(value: unknown, t: AdminT): string {
  const { pages, questions } = (value ?? {}) as { pages?: unknown; questions?: unknown };
  if (typeof pages !== 'number' || typeof questions !== 'number') return show(value);
  return t('audit.survey.sizeValue', { pages, questions });
}

/** A survey key's line, or null when `key` is not one. */
function surveyLine(key: string, before: unknown, after: unknown, t: AdminT): string | null {
  const match = SURVEY_KEY.exec(key);
  if (!match) return null;
  const survey = t(`audit.survey.${match[1]}` as AdminKey);
  const part = match[2];
  if (!part) return t('audit.survey.size', { survey, before: size(before, t), after: size(after, t) });
  if (part === 'settingsChanged') return t('audit.survey.settingsChanged', { survey });
  return t(`audit.survey.${part}` as AdminKey, { survey, names: names(after, t) });
}

/**
 * What changed between before and after, one line per field ("closesAt: 2027-12-25 18:19 →
 * 2027-10-29 17:00"; a survey edit as "Nya frågor i enkäten för kommuner: M_NY"), or null when the
 * entry has no before and after to compare.
 */
export function changes(before: unknown, after: unknown, t: AdminT): string[] | null {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return null;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key]))
    .map(
      (key) =>
        surveyLine(key, b[key], a[key], t) ??
        (key in b ? `${key}: ${show(b[key])} → ${show(a[key])}` : `${key}: ${show(a[key])}`),
    );
}
