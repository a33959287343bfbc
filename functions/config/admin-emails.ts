import { normaliseEmail } from '../store/table-design';

/** ADMIN_EMAILS, comma-separated, as the addresses the app compares: trimmed, lower-case, no empty ones. */
export function adminEmailsFrom(value: string): string[] {
  return value.split(',').map(normaliseEmail).filter(Boolean);
}
