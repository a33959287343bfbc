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

/**
 * An earlier recipient's send of the same (contact, step), kept when another person under the same
 * contact id (a contact replaced with "Ändra") was claimed over it: the log still shows that it went.
 */
export const EarlierRecipientSchema = z.object({
  email: z.string().optional(),
  name: z.string().optional(),
  state: z.enum(['claimed', 'sent', 'failed']),
  at: z.string(),
  sentAt: z.string().optional(),
  attempts: z.number().int(),
  variant: ReminderVariantSchema.optional(),
  messageId: z.string().optional(),
  error: z.string().optional(),
  /** Set by erasure, which takes the person's name, address and error out. */
  erasedAt: z.string().optional(),
});
export type EarlierRecipient = z.output<typeof EarlierRecipientSchema>;

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
  /** The name the entry was claimed for, beside its `email` (both absent on older entries, and after erasure). */
  name: z.string().optional(),
  /** Earlier recipients of this step under the same contact id, oldest first. */
  previous: z.array(EarlierRecipientSchema).optional(),
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
  /** Who it is sent to, recorded on the entry (`email`, `name`): the schedule counts it for that address only. */
  recipient?: { email: string; name: string };
}

/** The entry's `email` and `name` attributes for a claim. */
function recipientAttributes(recipient: ClaimInput['recipient']): Record<string, string> {
  return recipient ? { email: recipient.email, name: recipient.name } : {};
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
   * One organisation's entries in the campaign's log (its contacts' steps): one query of the
   * campaign's partition from `REMINDER#<code>#`, as many items as its contacts have steps.
   */
  async listByOrganisation(year: number, organisationId: string): Promise<StoredReminderEntry[]> {
    const items = await this.store.queryAll({
      partition: keys.campaignPk(year),
      beginsWith: `${keys.reminderPrefix}${organisationId}#`,
      consistent: true,
    });
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
      ...recipientAttributes(input.recipient),
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
    await this.createOrRetryClaim({ ...input, kind: 'reminder' }, input.maxAttempts);
  }

  /**
   * Claims the invitation the console sends a contact the kansli just added, moved or gave a new
   * address (`RemindersService.inviteContact`), on the same item the scheduled run claims (step
   * `invitation`), with one conditional UpdateItem: so the run does not send it again, and a run
   * sending it at this moment makes this claim fail. It creates the entry, or retries one not sent to
   * this person (a failed send, or a claim older than the lease; a person acted, so spent attempts do
   * not stop it). Throws AlreadyClaimedError when the entry is sent, held by a live claim, or was
   * claimed for another address: the caller reads it and, for another person's invitation, takes it
   * over with `claimOver`.
   */
  async claimInvitation(input: Omit<ClaimInput, 'kind' | 'seenAttempts' | 'maxAttempts'>) {
    await this.createOrRetryClaim({ ...input, kind: 'invitation' });
  }

  /**
   * One conditional UpdateItem that creates the entry or retries one not sent to this recipient (a
   * failed send, or a claim older than the lease), while `maxAttempts` allow (no bound when left
   * out). A retry is only of a send to the same person; another's entry is taken over by claimOver.
   */
  private async createOrRetryClaim(
    input: Omit<ClaimInput, 'seenAttempts' | 'maxAttempts'>,
    maxAttempts?: number,
  ): Promise<void> {
    const at = input.at.toISOString();
    const bounded = maxAttempts !== undefined;
    await this.store.update(
      keys.reminder(input.year, input.organisationId, input.contactId, input.stepId),
      {
        set: {
          entity: 'ReminderLog',
          year: input.year,
          organisationId: input.organisationId,
          contactId: input.contactId,
          stepId: input.stepId,
          kind: input.kind,
          variant: input.variant,
          state: 'claimed',
          at,
          claimedAt: at,
          claimId: input.claimId,
          ...recipientAttributes(input.recipient),
        },
        add: { attempts: 1 },
        remove: ['error'],
      },
      {
        kind: 'claim',
        expression:
          `attribute_not_exists(pk) OR (#state <> :sent${bounded ? ' AND #attempts < :max' : ''} AND (#state = :failed OR #claimedAt <= :cutoff)` +
          (input.recipient ? ' AND (attribute_not_exists(#email) OR #email = :email))' : ')'),
        names: {
          '#state': NAMES['#state'],
          ...(bounded ? { '#attempts': NAMES['#attempts'] } : {}),
          '#claimedAt': NAMES['#claimedAt'],
          ...(input.recipient ? { '#email': 'email' } : {}),
        },
        values: {
          ':sent': 'sent',
          ':failed': 'failed',
          ...(bounded ? { ':max': maxAttempts } : {}),
          ':cutoff': new Date(input.at.getTime() - input.leaseMs).toISOString(),
          ...(input.recipient ? { ':email': input.recipient.email } : {}),
        },
      },
    );
  }

  /**
   * Claims a step for a new recipient over the entry `seen` (read by the caller) that went, or was
   * claimed, for someone else under the same contact id: a contact replaced with "Ändra" by another
   * person, or given a new address. The entry starts afresh for the new address (one attempt, no send
   * time), and what it held moves to `previous`, so the log still shows the earlier send. One
   * conditional UpdateItem on what the caller saw (its claim id and attempts: any claim since
   * changes them) and on the entry not being held by a live claim. Throws AlreadyClaimedError when
   * another run got there first or the earlier send is still in progress.
   */
  async claimOver(
    input: Omit<ClaimInput, 'seenAttempts' | 'maxAttempts' | 'recipient'> & {
      recipient: { email: string; name: string };
      seen: StoredReminderEntry;
    },
  ): Promise<void> {
    const at = input.at.toISOString();
    const { seen } = input;
    const earlier: EarlierRecipient = {
      email: seen.email,
      name: seen.name,
      state: seen.state,
      at: seen.at.toISOString(),
      sentAt: seen.sentAt,
      attempts: seen.attempts,
      variant: seen.variant,
      messageId: seen.messageId,
      error: seen.error,
    };
    await this.store.update(
      keys.reminder(input.year, input.organisationId, input.contactId, input.stepId),
      {
        set: {
          kind: input.kind,
          variant: input.variant,
          state: 'claimed',
          attempts: 1,
          at,
          claimedAt: at,
          claimId: input.claimId,
          email: input.recipient.email,
          name: input.recipient.name,
          // Undefined fields left out: the store keeps no empty attributes.
          previous: [...(seen.previous ?? []), stripUndefined(earlier)],
        },
        remove: ['error', 'sentAt', 'messageId'],
      },
      {
        kind: 'claim',
        expression:
          '#claimId = :seenClaim AND #attempts = :seenAttempts AND (#state = :sent OR #state = :failed OR #claimedAt <= :cutoff)',
        names: {
          '#claimId': NAMES['#claimId'],
          '#attempts': NAMES['#attempts'],
          '#state': NAMES['#state'],
          '#claimedAt': NAMES['#claimedAt'],
        },
        values: {
          ':seenClaim': seen.claimId,
          ':seenAttempts': seen.attempts,
          ':sent': 'sent',
          ':failed': 'failed',
          ':cutoff': new Date(input.at.getTime() - input.leaseMs).toISOString(),
        },
      },
    );
  }

  /** One entry, for a caller whose claim was refused and that needs to know whose it is. */
  async get(ref: ReminderRef): Promise<StoredReminderEntry | undefined> {
    const item = await this.store.get(keys.reminder(ref.year, ref.organisationId, ref.contactId, ref.stepId), {
      consistent: true,
    });
    return item ? StoredReminderEntrySchema.parse(item) : undefined;
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
  return entries.map(({ contactId, organisationId, stepId, state, at, attempts, error, email, erasedAt }) => ({
    contactId,
    organisationId,
    stepId,
    state,
    at,
    attempts,
    error,
    ...(email === undefined ? {} : { email }),
    ...(erasedAt === undefined ? {} : { erasedAt }),
  }));
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
