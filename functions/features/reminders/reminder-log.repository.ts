import { z } from 'zod';
import {
  ReminderEmailKindSchema,
  type ReminderLogEntry,
  ReminderLogEntrySchema,
  type ReminderStepId,
  ReminderVariantSchema,
} from '../../../shared/reminders/index';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';

/** One (campaign, contact, step) as stored: the planner's log entry plus where it belongs and who holds it. */
export const StoredReminderEntrySchema = ReminderLogEntrySchema.extend({
  year: z.number().int(),
  organisationId: z.string(),
  kind: ReminderEmailKindSchema,
  variant: ReminderVariantSchema.optional(),
  claimedAt: z.string(),
  /** The run that holds (or last held) the claim; only it may record the outcome. */
  claimId: z.string(),
  sentAt: z.string().optional(),
  messageId: z.string().optional(),
});
export type StoredReminderEntry = z.output<typeof StoredReminderEntrySchema>;

/** The claim was taken over by another run after its lease ran out; the outcome is that run's to record. */
export class LeaseLostError extends Error {
  readonly code = 'lease_lost';
}

export interface ReminderRef {
  year: number;
  organisationId: string;
  contactId: string;
  stepId: ReminderStepId;
}

export interface ClaimInput extends ReminderRef {
  kind: z.infer<typeof ReminderEmailKindSchema>;
  variant: z.infer<typeof ReminderVariantSchema>;
  at: Date;
  claimId: string;
  /** Attempts the log showed when the run read it: 0 for a first claim. */
  seenAttempts: number;
  /** Claims older than this may be taken over. */
  leaseMs: number;
  maxAttempts: number;
}

const NAMES = { '#state': 'state', '#attempts': 'attempts', '#claimedAt': 'claimedAt', '#claimId': 'claimId' };

/**
 * The reminder log: one item per (campaign, contact, step) in the campaign's partition. The item is
 * also the claim that makes a send happen at most once; see `claim`.
 */
export class ReminderLogRepository {
  constructor(private readonly store: TableStore) {}

  /** The campaign's whole log: one query per 1 MB page (about 4 000 entries). */
  async listByCampaign(year: number): Promise<StoredReminderEntry[]> {
    const items = await this.store.queryAll({ partition: keys.campaignPk(year), beginsWith: keys.reminderPrefix });
    return items.map((item) => StoredReminderEntrySchema.parse(item));
  }

  /**
   * Claims the step for this run with one conditional write. A first claim is a put on
   * `attribute_not_exists(pk)`. A retry is an update that requires the attempts the caller saw (so of
   * two runs retrying together only one wins), a state other than `sent`, attempts left, and either a
   * `failed` state or a claim older than the lease. Throws AlreadyClaimedError when another run has it.
   */
  async claim(input: ClaimInput): Promise<void> {
    const key = keys.reminder(input.year, input.organisationId, input.contactId, input.stepId);
    const at = input.at.toISOString();
    const claim = {
      state: 'claimed',
      attempts: input.seenAttempts + 1,
      at,
      claimedAt: at,
      claimId: input.claimId,
      variant: input.variant,
    };
    if (input.seenAttempts === 0) {
      await this.store.put(
        {
          ...key,
          entity: 'ReminderLog',
          year: input.year,
          organisationId: input.organisationId,
          contactId: input.contactId,
          stepId: input.stepId,
          kind: input.kind,
          ...claim,
        },
        { kind: 'claim', expression: 'attribute_not_exists(pk)' },
      );
      return;
    }
    await this.store.update(
      key,
      { set: claim },
      {
        kind: 'claim',
        expression:
          '#attempts = :seen AND #attempts < :max AND #state <> :sent AND (#state = :failed OR #claimedAt <= :cutoff)',
        names: { '#state': NAMES['#state'], '#attempts': NAMES['#attempts'], '#claimedAt': NAMES['#claimedAt'] },
        values: {
          ':seen': input.seenAttempts,
          ':max': input.maxAttempts,
          ':sent': 'sent',
          ':failed': 'failed',
          ':cutoff': new Date(input.at.getTime() - input.leaseMs).toISOString(),
        },
      },
    );
  }

  /**
   * Claims a reminder the kansli sends by hand ("Påminn nu", step `manual-<yyyy-mm-dd>`) with one
   * conditional UpdateItem that creates the entry or retries it: `attribute_not_exists(pk)` for the
   * first click of the day, or, for an entry that was not sent, a failed send or a claim older than
   * the lease (its request died), while attempts are left. A second click the same day finds the
   * entry claimed or sent and throws AlreadyClaimedError, so the contact is not emailed twice.
   */
  async claimManual(input: Omit<ClaimInput, 'kind' | 'seenAttempts'>): Promise<void> {
    const at = input.at.toISOString();
    await this.store.update(
      keys.reminder(input.year, input.organisationId, input.contactId, input.stepId),
      {
        set: {
          entity: 'ReminderLog',
          year: input.year,
          organisationId: input.organisationId,
          contactId: input.contactId,
          stepId: input.stepId,
          kind: 'reminder',
          variant: input.variant,
          state: 'claimed',
          at,
          claimedAt: at,
          claimId: input.claimId,
        },
        add: { attempts: 1 },
        remove: ['error'],
      },
      {
        kind: 'claim',
        expression:
          'attribute_not_exists(pk) OR (#state <> :sent AND #attempts < :max AND (#state = :failed OR #claimedAt <= :cutoff))',
        names: { '#state': NAMES['#state'], '#attempts': NAMES['#attempts'], '#claimedAt': NAMES['#claimedAt'] },
        values: {
          ':sent': 'sent',
          ':failed': 'failed',
          ':max': input.maxAttempts,
          ':cutoff': new Date(input.at.getTime() - input.leaseMs).toISOString(),
        },
      },
    );
  }

  /**
   * Claims the invitation the console sends a contact the kansli just added, moved or gave a new
   * address (`RemindersService.inviteContact`), on the same item the scheduled run claims (step
   * `invitation`), with one conditional UpdateItem: so the run does not send it again, and a run
   * sending it at this moment makes this claim fail. It creates the entry, or retries one not sent (a
   * failed send, or a claim older than the lease; a person acted, so spent attempts do not stop it).
   * With `newAddress` a sent entry is claimed too: that invitation went to the old address, and the
   * new one gets its own, the attempts counted afresh. Throws AlreadyClaimedError when the contact has
   * the invitation (sent, and no new address) or a live claim holds it.
   */
  async claimInvitation(input: Omit<ClaimInput, 'kind' | 'seenAttempts' | 'maxAttempts'> & { newAddress: boolean }) {
    const at = input.at.toISOString();
    const set = {
      entity: 'ReminderLog',
      year: input.year,
      organisationId: input.organisationId,
      contactId: input.contactId,
      stepId: input.stepId,
      kind: 'invitation',
      variant: input.variant,
      state: 'claimed',
      at,
      claimedAt: at,
      claimId: input.claimId,
    };
    const notLive = '(#state = :failed OR #claimedAt <= :cutoff)';
    await this.store.update(
      keys.reminder(input.year, input.organisationId, input.contactId, input.stepId),
      input.newAddress
        ? { set: { ...set, attempts: 1 }, remove: ['error', 'sentAt', 'messageId'] }
        : { set, add: { attempts: 1 }, remove: ['error'] },
      {
        kind: 'claim',
        expression: input.newAddress
          ? `attribute_not_exists(pk) OR #state = :sent OR ${notLive}`
          : `attribute_not_exists(pk) OR (#state <> :sent AND ${notLive})`,
        names: { '#state': NAMES['#state'], '#claimedAt': NAMES['#claimedAt'] },
        values: {
          ':sent': 'sent',
          ':failed': 'failed',
          ':cutoff': new Date(input.at.getTime() - input.leaseMs).toISOString(),
        },
      },
    );
  }

  /** Records the send. Throws LeaseLostError if another run took the claim over meanwhile. */
  async markSent(ref: ReminderRef, claimId: string, outcome: { at: Date; messageId: string }): Promise<void> {
    await this.finish(ref, claimId, {
      set: {
        state: 'sent',
        at: outcome.at.toISOString(),
        sentAt: outcome.at.toISOString(),
        messageId: outcome.messageId,
      },
      remove: ['error'],
    });
  }

  /** Records a failed send with its error; a later run retries it while attempts are left. */
  async markFailed(ref: ReminderRef, claimId: string, outcome: { at: Date; error: string }): Promise<void> {
    await this.finish(ref, claimId, { set: { state: 'failed', at: outcome.at.toISOString(), error: outcome.error } });
  }

  private async finish(ref: ReminderRef, claimId: string, spec: { set: Record<string, unknown>; remove?: string[] }) {
    await this.store.update(keys.reminder(ref.year, ref.organisationId, ref.contactId, ref.stepId), spec, {
      kind: 'expression',
      expression: '#claimId = :mine AND #state = :claimed',
      names: { '#claimId': NAMES['#claimId'], '#state': NAMES['#state'] },
      values: { ':mine': claimId, ':claimed': 'claimed' },
      onFail: () => new LeaseLostError('Påminnelsen togs över av en annan körning.'),
    });
  }
}

/** The planner's view of stored entries. */
export function toPlanLog(entries: StoredReminderEntry[]): ReminderLogEntry[] {
  return entries.map(({ contactId, stepId, state, at, attempts, error }) => ({
    contactId,
    stepId,
    state,
    at,
    attempts,
    error,
  }));
}
