/**
 * When a campaign, and one organisation in it, takes answers. Pure and import-free (a type only):
 * used by the API, the reminders and the member's web pages.
 */
import type { Campaign } from '../schemas/campaign.schema';

/** What the rule reads of a campaign; the member API's current campaign has it too. */
export type AnswerWindow = Pick<Campaign, 'status' | 'opensAt' | 'closesAt' | 'closedAt'>;

/**
 * When the campaign stopped, or stops, taking answers: its deadline, or the moment the kansli
 * closed it before that (`closedAt`, kept by publish, cleared by a reopen). An organisation's own
 * deadline counts when it is later than this: after an early close, a day before the planned
 * deadline can still extend one organisation.
 */
export function answersEnd(campaign: Pick<AnswerWindow, 'closesAt' | 'closedAt'>): string {
  const { closedAt, closesAt } = campaign;
  return closedAt && Date.parse(closedAt) < Date.parse(closesAt) ? closedAt : closesAt;
}

/** Whether the kansli closed the campaign before its deadline. */
export function closedEarly(campaign: Pick<AnswerWindow, 'closesAt' | 'closedAt'>): boolean {
  return answersEnd(campaign) !== campaign.closesAt;
}

/**
 * Whether an organisation's own deadline can let it answer: while the campaign is open or closed,
 * never before it opened (a draft) nor once it is published (its report is frozen).
 */
export function honoursOwnDeadlines(campaign: AnswerWindow): boolean {
  return campaign.status === 'open' || campaign.status === 'closed';
}

/** Whether the organisation can answer at `now`: the campaign takes answers, or its own deadline still runs. */
export function organisationAcceptsWrites(
  campaign: AnswerWindow,
  ownDeadline: string | undefined,
  now: string,
): boolean {
  if (acceptsWrites(campaign, now)) return true;
  return honoursOwnDeadlines(campaign) && Boolean(ownDeadline) && Date.parse(ownDeadline!) > Date.parse(now);
}

/** Whether the campaign itself still takes answers at `now` (an organisation's extension aside). */
export function acceptsWrites(campaign: AnswerWindow, now: string): boolean {
  // As instants, not strings: a time with an offset (+02:00) does not sort with one in UTC.
  const at = Date.parse(now);
  return campaign.status === 'open' && at >= Date.parse(campaign.opensAt) && at < Date.parse(campaign.closesAt);
}

/**
 * The organisation's own deadline when it counts, i.e. when it is later than the campaign's end
 * (`answersEnd`: the deadline, or an early close); else null.
 */
export function laterOwnDeadline(
  campaign: Pick<AnswerWindow, 'closesAt' | 'closedAt'>,
  ownDeadline: string | undefined,
): string | null {
  return ownDeadline && Date.parse(ownDeadline) > Date.parse(answersEnd(campaign)) ? ownDeadline : null;
}
