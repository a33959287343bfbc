import type { z } from 'zod';
import { laterOwnDeadline } from '../../../shared/domain/answer-window';
import { isCampaignMember, isListedInCampaign } from '../../../shared/domain/membership';
import { progressStatusOf } from '../../../shared/domain/progress-status';
import { statuteWarnings } from '../../../shared/domain/statute-roles';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type { Contact } from '../../../shared/schemas/contact.schema';
import type { Organisation } from '../../../shared/schemas/organisation.schema';
import type { EmailProblem, ProgressQuerySchema, ProgressRow } from '../../../shared/schemas/progress.schema';
import type { ResponseSummary } from '../../../shared/schemas/response.schema';
import type { CampaignService } from '../campaigns/campaign.service';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import type { ReminderLogRepository } from '../reminders/reminder-log.repository';
import type { ResponseRepository } from '../responses/response.repository';
import { sentRemindersByOrganisation } from './reminder-counts';

type ProgressQuery = z.infer<typeof ProgressQuerySchema>;

interface ProgressServiceDeps {
  reminderLog: ReminderLogRepository;
  organisations: OrganisationRepository;
  responses: ResponseRepository;
  campaigns: CampaignService;
}

const EMAIL_STATE_MESSAGES: Record<'bounced' | 'unsubscribed' | 'complained', string> = {
  bounced: 'E-post till adressen studsar.',
  unsubscribed: 'Kontakten har avregistrerat sig från utskicken.',
  complained: 'Kontakten har markerat utskicket som skräppost.',
};

/**
 * The kansli's progress page: one row per organisation in the campaign (a member on one of its
 * answer days, or any organisation with a response item: `isListedInCampaign`). Whatever the
 * number of organisations it costs one GetItem (the campaign) and three paged queries: the register
 * (organisations with contacts), the campaign's responses and its reminder log — never a query
 * per organisation.
 */
export class ProgressService {
  constructor(private readonly deps: ProgressServiceDeps) {}

  /** Rows filtered and sorted as asked. Throws NotFoundError for an unknown campaign. */
  async progress(year: number, query: ProgressQuery): Promise<ProgressRow[]> {
    const campaign = await this.deps.campaigns.get(year);
    const [register, responses, reminders] = await Promise.all([
      this.deps.organisations.register(),
      this.deps.responses.listSummariesByCampaign(year),
      sentRemindersByOrganisation(this.deps.reminderLog, year),
    ]);
    const responseOf = new Map(responses.map((response) => [response.organisationId, response]));
    const rows = register
      .filter(({ organisation }) => isListedInCampaign(organisation, campaign, responseOf.has(organisation.id)))
      .map(({ organisation, contacts }) =>
        progressRow(
          campaign,
          organisation,
          contacts,
          responseOf.get(organisation.id),
          reminders.get(organisation.id) ?? 0,
        ),
      )
      .filter((row) => (!query.status || row.status === query.status) && (!query.type || row.type === query.type));
    return sortRows(rows, query.sort, query.order);
  }
}

function progressRow(
  campaign: Campaign,
  organisation: Organisation,
  contacts: Contact[],
  response: ResponseSummary | undefined,
  remindersSent: number,
): ProgressRow {
  const status = progressStatusOf(response);
  return {
    organisationId: organisation.id,
    name: organisation.name,
    type: organisation.type,
    status,
    answeredShare:
      response && response.totalQuestions > 0 ? Math.min(1, response.answered / response.totalQuestions) : 0,
    updatedAt: response?.updatedAt ?? null,
    updatedBy: response?.updatedBy ?? null,
    remindersSent,
    emailProblems: emailProblems(contacts),
    closesAtOverride: ownDeadline(campaign, response),
    score: (status === 'submitted' && response?.score) || null,
    // Stored by the write that last changed the answers or overrides: the listing reads no answers.
    overridesToCheck: (status === 'submitted' && response?.overridesToCheck) || 0,
    inCampaign: isCampaignMember(organisation, campaign),
  };
}

/** The organisation's own deadline when it has one that counts: later than the campaign's. */
function ownDeadline(campaign: Campaign, response: ResponseSummary | undefined): string | null {
  return laterOwnDeadline(campaign, response?.closesAtOverride);
}

/** Contacts whose address cannot be used, then the roles the statutes require that nobody holds. */
export function emailProblems(contacts: Contact[]): EmailProblem[] {
  const problems: EmailProblem[] = [];
  for (const contact of contacts) {
    if (contact.emailState === 'ok') continue;
    problems.push({
      code: contact.emailState,
      message: EMAIL_STATE_MESSAGES[contact.emailState],
      contactId: contact.id,
      email: contact.email,
    });
  }
  for (const warning of statuteWarnings(contacts)) problems.push({ code: warning.code, message: warning.message });
  return problems;
}

const STATUS_ORDER = { not_started: 0, draft: 1, submitted: 2, excused: 3 } as const;

function sortRows(rows: ProgressRow[], sort: ProgressQuery['sort'], order: ProgressQuery['order']): ProgressRow[] {
  const value = (row: ProgressRow): string | number => {
    switch (sort) {
      case 'code':
        return row.organisationId;
      case 'name':
        return row.name;
      case 'status':
        return STATUS_ORDER[row.status];
      case 'answeredShare':
        return row.answeredShare;
      case 'updatedAt':
        return row.updatedAt ?? '';
      case 'remindersSent':
        return row.remindersSent;
    }
  };
  const direction = order === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'sv');
    return compared * direction || a.organisationId.localeCompare(b.organisationId);
  });
}
