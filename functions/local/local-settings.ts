import { adminEmailsFrom } from '../config/admin-emails';
import { cliText } from './cli-language';

/**
 * BASE_URL, which every link in an email starts with; without it, this machine's address on `port`.
 * Checked here, once, so a wrong value stops the command with one line instead of failing each
 * email (Vite and Vitest, for one, set BASE_URL to "/"). Trailing slashes are dropped, as the AWS
 * deployment does with its baseUrl (infra/config.ts): links are `${baseUrl}/login`, never `//login`.
 * @throws Error when BASE_URL is not an absolute http(s) address; its message is in the language
 *   `env`'s locale asks for (see cli-language.ts).
 */
export function localBaseUrl(env: NodeJS.ProcessEnv, port: number): string {
  const value = env.BASE_URL ?? `http://localhost:${port}`;
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(cliText(env).baseUrl(port, value));
  return value.replace(/\/+$/, '');
}

/** How often `npm start`'s reminders timer runs without REMINDERS_INTERVAL_MS: every 15 minutes. */
const DEFAULT_REMINDERS_INTERVAL_MS = 15 * 60 * 1000;

/**
 * REMINDERS_INTERVAL_MS, the local stand-in for the hourly schedule: whole milliseconds, 0 for off.
 * Anything else (`15m`, `-1`, empty) stops `npm start` with one line rather than turning the timer
 * off without a word, as a NaN interval would.
 * @throws Error in the language of `env`'s locale when the value is not a whole number of ms.
 */
export function localRemindersInterval(env: NodeJS.ProcessEnv): number {
  const value = env.REMINDERS_INTERVAL_MS;
  if (value === undefined) return DEFAULT_REMINDERS_INTERVAL_MS;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(ms)) throw new Error(cliText(env).start.badRemindersInterval(value));
  return ms;
}

/** ADMIN_EMAILS for the local tools, which sign the demo kansli in without configuration. */
export function localAdminEmails(env: NodeJS.ProcessEnv): string[] {
  return adminEmailsFrom(env.ADMIN_EMAILS ?? 'kansli@example.se');
}
