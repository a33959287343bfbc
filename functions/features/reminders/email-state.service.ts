import type { UnsubscribeResult } from '../../../shared/reminders/reminder-run.schema';
import type { FeedbackMark } from '../../../shared/reminders/ses-feedback';
import type { Contact, EmailState } from '../../../shared/schemas/contact.schema';
import { NotFoundError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { keys } from '../../store/table-design';
import { ContactRepository } from '../contacts/contact.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import type { UnsubscribeSubject } from './unsubscribe-token';

/** Raised inside the service when a conditional state change finds the contact changed meanwhile. */
class EmailStateUnchanged extends Error {}

export interface FeedbackOutcome {
  /** Contacts whose state changed. */
  marked: number;
  /** Contacts already in that state (or complained, for a bounce). */
  unchanged: number;
  /** Addresses no contact has. */
  unknown: number;
}

const NAMES = { '#emailState': 'emailState' };

/**
 * Whether mail may reach a contact, changed from outside the console: the one-click unsubscribe link
 * and SES bounces and complaints. Each change is one conditional UpdateItem on the contact, so it
 * never recreates a contact that was removed meanwhile. The kansli re-enables a contact through the
 * contacts API (`emailState: ok`).
 */
export class EmailStateService {
  constructor(
    private readonly deps: {
      store: TableStore;
      contacts: ContactRepository;
      organisations: OrganisationRepository;
      clock: Clock;
      log: (entry: Record<string, unknown>) => void;
    },
  ) {}

  /** What the unsubscribe page shows. Throws NotFoundError when the contact is gone. */
  async describe(subject: UnsubscribeSubject): Promise<UnsubscribeResult> {
    const contact = await this.contactOf(subject);
    const organisation = await this.deps.organisations.get(subject.organisationId);
    return {
      organisationName: organisation?.name ?? subject.organisationId,
      emailState: contact.emailState,
      changed: false,
    };
  }

  /**
   * Stops reminders to the contact (invitations still go out). Unsubscribing twice is fine; a contact
   * that bounced or complained stays so, being the stronger state.
   */
  async unsubscribe(subject: UnsubscribeSubject): Promise<UnsubscribeResult> {
    const contact = await this.contactOf(subject);
    const organisation = await this.deps.organisations.get(subject.organisationId);
    const organisationName = organisation?.name ?? subject.organisationId;
    if (contact.emailState !== 'ok') return { organisationName, emailState: contact.emailState, changed: false };
    const changed = await this.setState(contact, 'unsubscribed', ['ok'], 'unsubscribe');
    if (!changed) {
      const now = await this.contactOf(subject);
      return { organisationName, emailState: now.emailState, changed: false };
    }
    return { organisationName, emailState: 'unsubscribed', changed: true };
  }

  /**
   * Marks every contact with a bounced or complaining address. A complaint overrides any state; a
   * bounce overrides all but a complaint. Reads by email on gsi2 and writes with UpdateItem only,
   * which is all the SES events function may do.
   */
  async applyFeedback(marks: FeedbackMark[]): Promise<FeedbackOutcome> {
    const outcome: FeedbackOutcome = { marked: 0, unchanged: 0, unknown: 0 };
    for (const mark of marks) {
      const contacts = await this.deps.contacts.findByEmail(mark.email);
      if (contacts.length === 0) outcome.unknown += 1;
      for (const contact of contacts) {
        const from: EmailState[] =
          mark.state === 'complained' ? ['ok', 'unsubscribed', 'bounced'] : ['ok', 'unsubscribed'];
        if (!from.includes(contact.emailState)) {
          outcome.unchanged += 1;
          continue;
        }
        const changed = await this.setState(
          contact,
          mark.state,
          from,
          mark.state === 'bounced' ? 'bounce' : 'complaint',
        );
        if (changed) outcome.marked += 1;
        else outcome.unchanged += 1;
      }
    }
    return outcome;
  }

  private async contactOf(subject: UnsubscribeSubject): Promise<Contact> {
    const contact = await this.deps.contacts.get(subject.organisationId, subject.contactId);
    if (!contact) throw new NotFoundError('Kontaktpersonen finns inte längre i medlemsregistret.', 'contact_not_found');
    return contact;
  }

  /** One conditional update; false when the contact changed state or was removed meanwhile. */
  private async setState(contact: Contact, state: EmailState, from: EmailState[], source: string): Promise<boolean> {
    const values: Record<string, unknown> = {};
    const allowed = from.map((value, index) => {
      values[`:from${index}`] = value;
      return `#emailState = :from${index}`;
    });
    const missingMeansOk = from.includes('ok') ? ' OR attribute_not_exists(#emailState)' : '';
    try {
      await this.deps.store.update(
        keys.contact(contact.organisationId, contact.id),
        { set: { emailState: state, emailStateChangedAt: this.deps.clock.now().toISOString() } },
        {
          kind: 'expression',
          expression: `attribute_exists(pk) AND (${allowed.join(' OR ')}${missingMeansOk})`,
          names: NAMES,
          values,
          onFail: () => new EmailStateUnchanged(),
        },
      );
    } catch (error) {
      if (error instanceof EmailStateUnchanged) return false;
      throw error;
    }
    // Ids only: no address ever goes into a log line.
    this.deps.log({
      level: 'info',
      msg: 'contact email state changed',
      organisationId: contact.organisationId,
      contactId: contact.id,
      emailState: state,
      source,
    });
    return true;
  }
}

/** The service from the adapters: the API's unsubscribe routes and the SES events handler use it. */
export function createEmailStateService(deps: {
  store: TableStore;
  clock: Clock;
  log: (entry: Record<string, unknown>) => void;
}): EmailStateService {
  return new EmailStateService({
    store: deps.store,
    contacts: new ContactRepository(deps.store),
    organisations: new OrganisationRepository(deps.store),
    clock: deps.clock,
    log: deps.log,
  });
}
