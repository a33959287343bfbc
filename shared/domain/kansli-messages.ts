import type { FromKansli, ReopenRecord, SurveyResponse } from '../schemas/response.schema';

/**
 * How many reopens and extensions a response keeps for its members: the latest ones, enough for any
 * real year (one or two is usual) while the item, read on every page load, stays small. The audit log
 * keeps every one for the kansli.
 */
export const REOPEN_HISTORY_LIMIT = 10;

type WithReopens = Pick<SurveyResponse, 'reopens' | 'reopen'>;

/**
 * The reopens the members were told of, oldest first. An item written before the history was kept
 * holds only its latest reopen, in `reopen`: that reads as a history of one.
 */
export function reopenHistory(response: WithReopens | undefined): ReopenRecord[] {
  if (response?.reopens) return response.reopens;
  return response?.reopen ? [response.reopen] : [];
}

/** The history with `record` appended, the oldest dropped beyond REOPEN_HISTORY_LIMIT. */
export function withReopen(history: ReopenRecord[], record: ReopenRecord): ReopenRecord[] {
  return [...history, record].slice(-REOPEN_HISTORY_LIMIT);
}

/**
 * What the kansli said to the organisation, from the response item the caller has read anyway: the
 * reopens' reasons and the notes' texts, without who wrote them or the kansli's own fields.
 */
export function fromKansli(response: (WithReopens & Pick<SurveyResponse, 'notes'>) | undefined): FromKansli {
  return {
    reopens: reopenHistory(response).map((reopen) => ({
      kind: reopen.kind,
      at: reopen.at,
      reason: reopen.reason,
      ...(reopen.closesAt !== undefined ? { closesAt: reopen.closesAt } : {}),
    })),
    notes: (response?.notes ?? []).map((note) => ({ at: note.at, message: note.message })),
  };
}
