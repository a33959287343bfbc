import type { Context } from 'hono';
import type { Timers } from '../shared/reminders/send-pacer';
import type { PrefillSource } from './features/responses/response.service';
import type { Clock } from './ports/clock';
import type { FileStore } from './ports/file-store';
import type { Mail } from './ports/mail';
import type { TableStore } from './ports/table-store';

/**
 * A secret as a value, or a loader the app calls when it first needs it. A Lambda passes the
 * Secrets Manager read as a loader, so a cold start reads the key alongside its first DynamoDB
 * request instead of before it. A loader must cache its value and retry after a failure (once()).
 */
export type SecretSource = string | (() => Promise<string>);

export function readSecret(source: SecretSource): Promise<string> {
  return typeof source === 'string' ? Promise.resolve(source) : source();
}

/** Settings the app needs; read from the environment by each entry point, never by the app. */
export interface AppConfig {
  /** Where links in emails point, e.g. http://localhost:3000. */
  baseUrl: string;
  /** True in AWS: Secure cookies, HSTS, no dev routes, no time travel. */
  deployed: boolean;
  /** Key that signs session cookies and unsubscribe links, or (in AWS) its loader. */
  sessionSecret: SecretSource;
  /** Admins from configuration; more can be added in the console. */
  adminEmails: string[];
  /** Login links per email address per hour. */
  loginLinksPerEmailPerHour: number;
  /** Login links per client IP per hour. */
  loginLinksPerIpPerHour: number;
  /**
   * In AWS, the values CloudFront's `x-origin-verify` header may carry (the current one, and the
   * previous one during a rotation): requests without one are refused. Unset locally and in tests.
   */
  originSecrets?: readonly string[];
}

/** The adapters the app is built from. Entry points create them; the app never does. */
export interface AppDeps {
  store: TableStore;
  mail: Mail;
  clock: Clock;
  config: AppConfig;
  /** The caller's address for rate limits; differs between Node and Lambda. */
  clientIp?: (c: Context) => string;
  /** Values a response is prefilled with; imported emissions when absent. */
  prefill?: PrefillSource;
  /** Uploaded import files (S3 in AWS, DATA_DIR locally); without it only multipart uploads work. */
  files?: FileStore;
  /** Writes one structured log line. Personal data must never be passed in. */
  log?: (entry: Record<string, unknown>) => void;
  /** Real time for pacing sends and bounding a request's work; tests pass virtual timers. */
  timers?: Timers;
}

export const DEFAULT_LIMITS = {
  loginLinksPerEmailPerHour: 5,
  loginLinksPerIpPerHour: 30,
} as const;
