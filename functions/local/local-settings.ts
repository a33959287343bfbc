import { adminEmailsFrom } from '../config/admin-emails';
import { cliText } from './cli-language';

/**
 * BASE_URL, which every link in an email starts with; without it, this machine's address on `port`.
 * Checked here, once, so a wrong value stops the command with one line instead of failing each
 * email (Vite and Vitest, for one, set BASE_URL to "/").
 * @throws Error when BASE_URL is not an absolute http(s) address; its message is in the language
 *   `env`'s locale asks for (see cli-language.ts).
 */
export function localBaseUrl(env: NodeJS.ProcessEnv, port: number): string {
  const value = env.BASE_URL ?? `http://localhost:${port}`;
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'http:' && protocol !== 'https:') throw new Error(cliText(env).baseUrl(port, value));
  return value;
}

/** ADMIN_EMAILS for the local tools, which sign the demo kansli in without configuration. */
export function localAdminEmails(env: NodeJS.ProcessEnv): string[] {
  return adminEmailsFrom(env.ADMIN_EMAILS ?? 'kansli@example.se');
}
