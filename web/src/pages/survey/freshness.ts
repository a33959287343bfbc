/**
 * Keeping an open survey page up to date with what the other contact stores. Two contacts fill in
 * one response over weeks, often with the page open for hours: the page reads the stored response
 * when the tab is shown again and now and then while it is shown, and decides here what to do with
 * it. Pure, so it is unit-tested without survey-core, React or timers.
 */
import type { SaveState } from './autosave';

/**
 * How often a shown page reads the stored response. A read is `GET …/response/version`, the response
 * item alone: the session's GetItem and the response's (1 + 1–2 read units, where the page's whole
 * `GET …/response` also queries the organisation's partition and, once an instance's 10 s campaign
 * cache has lapsed, reads the campaign: up to ~27). The answers come with it only when the stored
 * version is not the page's. Every 5 minutes, an hour with the page shown costs 12 reads, ~36 units;
 * for 622 contacts with the page shown 5 hours each in a cycle, ~0.11 M units (~0.02 USD of the
 * cycle's 1 USD budget, docs/performance.md). The usual case (the other contact saved while this
 * person was elsewhere) is met at once anyway: showing the tab again reads.
 */
export const FRESHNESS_POLL_MS = 300_000;

/** Showing the tab fires both `visibilitychange` and `focus`: one read for both. */
export const FRESHNESS_MIN_GAP_MS = 5_000;

/** What the page knows when it may read. */
export interface CheckInput {
  visible: boolean;
  signedIn: boolean;
  /** The survey is read-only for good (submitted, closed, not the organisation's). */
  locked: boolean;
  /** A read is under way. */
  reading: boolean;
  /** When the last read started (ms), if any. */
  lastReadAt: number | null;
  now: number;
}

/** Whether to read the stored response now. */
export function shouldRead(input: CheckInput): boolean {
  if (!input.visible || !input.signedIn || input.locked || input.reading) return false;
  return input.lastReadAt === null || input.now - input.lastReadAt >= FRESHNESS_MIN_GAP_MS;
}

/** What the read found, as far as the decision goes. */
export interface StoredSummary {
  version: number;
  status: string;
  /** The organisation may no longer answer (`GET …/response/version`'s `notAMember`). */
  notAMember?: unknown;
}

/** What the page has, when the read comes back. */
export interface LocalSummary {
  /** The version the autosaver last knew to be stored. */
  version: number;
  /** Something typed is not stored yet (pending or being sent). */
  unsaved: boolean;
  /** The autosaver's state. */
  save: SaveState['kind'];
}

/**
 * - `none`: nothing new, or the page is busy with its own save (which meets any change itself).
 * - `lock`: submitted meanwhile, or no longer the organisation's: the lock's path (LockLossNotice).
 * - `load`: newer answers and nothing of the person's unsaved: they replace the person's quietly.
 * - `conflict`: newer answers and unsaved changes: the conflict path of a refused save (merge, or ask).
 */
export type FreshnessAction = 'none' | 'lock' | 'load' | 'conflict';

export function freshnessAction(stored: StoredSummary, local: LocalSummary): FreshnessAction {
  if (stored.status === 'submitted' || stored.notAMember) return 'lock';
  if (stored.version <= local.version) return 'none';
  // Sending (its answer brings the conflict), waiting for a retry (offline: the retry meets it),
  // stopped on a conflict (being decided) or failed (the person is told already): leave it be.
  if (local.save === 'saving' || local.save === 'retrying' || local.save === 'conflict' || local.save === 'failed') {
    return 'none';
  }
  return local.unsaved ? 'conflict' : 'load';
}

/** What the polite notice after a quiet load says: who saved and when, as far as the response tells. */
export interface Refreshed {
  name?: string;
  at?: string;
}

export function refreshedBy(stored: { updatedAt?: string; updatedBy?: { name: string } }): Refreshed {
  return {
    ...(stored.updatedBy?.name ? { name: stored.updatedBy.name } : {}),
    ...(stored.updatedAt ? { at: stored.updatedAt } : {}),
  };
}

/** The message of the notice: its key and values (the page words it in the language shown). */
export interface RefreshedMessage {
  key: 'survey.fresh.byAt' | 'survey.fresh.by' | 'survey.fresh.at' | 'survey.fresh.plain';
  values: Record<string, string>;
}

export function refreshedMessage(refreshed: Refreshed, formatTime: (iso: string) => string): RefreshedMessage {
  const time = refreshed.at ? formatTime(refreshed.at) : undefined;
  if (refreshed.name && time) return { key: 'survey.fresh.byAt', values: { name: refreshed.name, time } };
  if (refreshed.name) return { key: 'survey.fresh.by', values: { name: refreshed.name } };
  if (time) return { key: 'survey.fresh.at', values: { time } };
  return { key: 'survey.fresh.plain', values: {} };
}
