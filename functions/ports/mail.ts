import type { MailMessage } from '../../shared/schemas/outbox.schema';

/** Sends one email. Throws MailThrottledError when the provider asks us to slow down. */
export interface Mail {
  send(message: MailMessage): Promise<{ id: string }>;
}

export class MailThrottledError extends Error {
  readonly code = 'mail_throttled';
}

export class MailRejectedError extends Error {
  readonly code = 'mail_rejected';
}
