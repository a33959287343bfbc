import type { z } from 'zod';
import { type CampaignWindow, campaignMembership, membershipSpan } from '../../../shared/domain/membership';
import { normaliseOrganisationName } from '../../../shared/domain/organisation-codes';
import { progressStatusOf } from '../../../shared/domain/progress-status';
import { statuteWarnings } from '../../../shared/domain/statute-roles';
import type { Contact } from '../../../shared/schemas/contact.schema';
import type {
  CreateOrganisationInputSchema,
  Organisation,
  OrganisationListQuerySchema,
  OrganisationRow,
  UpdateOrganisationInputSchema,
} from '../../../shared/schemas/organisation.schema';
import type { ResponseSummary } from '../../../shared/schemas/response.schema';
import { InputValidationError, VersionConflictError } from '../../errors/domain-errors';
import type { AuditLog } from '../audit/audit.log';
import type { SessionService } from '../auth/session.service';
import type { CampaignService } from '../campaigns/campaign.service';
import type { ResponseRepository } from '../responses/response.repository';
import type { OrganisationRepository } from './organisation.repository';
import { organisationNotFound } from './register-errors';

type CreateInput = z.infer<typeof CreateOrganisationInputSchema>;
type UpdateInput = z.infer<typeof UpdateOrganisationInputSchema>;
type ListQuery = z.infer<typeof OrganisationListQuerySchema>;

interface OrganisationServiceDeps {
  organisations: OrganisationRepository;
  responses: ResponseRepository;
  campaigns: CampaignService;
  audit: AuditLog;
  /** Sessions carry the membership dates they signed in with; a change of the dates ends them. */
  sessions: SessionService;
}

/** The member register as the kansli keeps it: organisations with their contacts and campaign status. */
export class OrganisationService {
  constructor(private readonly deps: OrganisationServiceDeps) {}

  /**
   * Every organisation, in code order, with contacts, warnings and the current campaign's status.
   * Three queries whatever the size (register, campaign's responses, campaign list when none is open), one per
   * further 1 MB page. `q` matches the code's start or the name (case and diacritics ignored).
   */
  async list(query: ListQuery): Promise<OrganisationRow[]> {
    const [register, current] = await Promise.all([this.deps.organisations.register(), this.deps.campaigns.current()]);
    const responses = current ? await this.deps.responses.listSummariesByCampaign(current.year) : [];
    const responseOf = new Map(responses.map((response) => [response.organisationId, response]));
    const matches = searchFilter(query.q);
    return register
      .filter(({ organisation }) => (!query.type || organisation.type === query.type) && matches(organisation))
      .map(({ organisation, contacts }) =>
        row(organisation, contacts, current && { ...current, response: responseOf.get(organisation.id) }),
      );
  }

  /** One organisation as listed. Throws NotFoundError. Two reads: its partition, the current campaign. */
  async get(code: string): Promise<OrganisationRow> {
    const [bundle, current] = await Promise.all([this.deps.responses.bundle(code), this.deps.campaigns.current()]);
    if (!bundle.organisation) throw organisationNotFound(code);
    return row(
      bundle.organisation,
      bundle.contacts,
      current && { ...current, response: bundle.responses.get(current.year) },
    );
  }

  /** Adds an organisation; the code was validated against the type. Throws AlreadyExistsError for a taken code. */
  async create(input: CreateInput, actor: string): Promise<OrganisationRow> {
    const organisation: Organisation = input;
    await this.deps.organisations.create(organisation);
    await this.deps.audit.record({
      actor,
      action: 'organisation.create',
      target: `organisation:${organisation.id}`,
      organisationId: organisation.id,
      after: organisation,
    });
    return this.get(organisation.id);
  }

  /**
   * Changes name, population or membership dates; null clears a field. Throws NotFoundError, and
   * InputValidationError when the merged dates end before they start (the request may name one).
   *
   * The write is conditioned on the fields as read, so a change another admin made meanwhile is
   * neither lost nor silently overwritten: the request is applied again to the new item (three
   * tries, then VersionConflictError).
   *
   * A contact's session carries the membership dates it signed in with (autosave applies the rule
   * without reading the organisation), so a change of the dates ends the sessions of the
   * organisation's contacts that carry others: before the write (should it fail, nobody is left on
   * the old dates beside the new) and after every PATCH (a sign-in that read the old dates
   * meanwhile; and a repeat of a request whose second pass failed completes it, whatever fields it
   * names). Sessions that already carry the dates stay. Two reads (the organisation's partition, the
   * current campaign), one write, and per contact one query of sessions per pass.
   */
  async update(code: string, patch: UpdateInput, actor: string, attempt = 1): Promise<OrganisationRow> {
    const [bundle, current] = await Promise.all([this.deps.responses.bundle(code), this.deps.campaigns.current()]);
    const before = bundle.organisation;
    if (!before) throw organisationNotFound(code);
    const after: Record<string, unknown> = { ...before };
    for (const [field, value] of Object.entries(patch)) {
      if (value === null) delete after[field];
      else if (value !== undefined) after[field] = value;
    }
    const next = after as Organisation;
    if (next.memberSince && next.memberUntil && next.memberUntil < next.memberSince) {
      throw new InputValidationError(
        'Medlemskapet kan inte upphöra före det börjar.',
        [{ path: ['memberUntil'], code: 'custom', message: 'Medlemskapet kan inte upphöra före det börjar.' }],
        'The membership cannot end before it begins.',
      );
    }
    const membership = membershipSpan(next);
    const endStaleSessions = async () => {
      for (const contact of bundle.contacts) await this.deps.sessions.endStaleMembership(contact, code, membership);
    };
    if (JSON.stringify(next) !== JSON.stringify(before)) {
      const membershipChanged = before.memberSince !== next.memberSince || before.memberUntil !== next.memberUntil;
      if (membershipChanged) await endStaleSessions();
      if (!(await this.deps.organisations.replaceIfUnchanged(next, before))) {
        if (attempt === 3)
          throw new VersionConflictError(
            'Organisationen ändrades samtidigt. Ladda om och försök igen.',
            undefined,
            'The organisation was changed by someone else at the same time. Reload and try again.',
          );
        return this.update(code, patch, actor, attempt + 1);
      }
      await this.deps.audit.record({
        actor,
        action: 'organisation.update',
        target: `organisation:${code}`,
        organisationId: code,
        before: changedFields(before, next),
        after: changedFields(next, before),
      });
    }
    await endStaleSessions();
    return row(next, bundle.contacts, current && { ...current, response: bundle.responses.get(current.year) });
  }
}

function row(
  organisation: Organisation,
  contacts: Contact[],
  campaign: (CampaignWindow & { year: number; response: ResponseSummary | undefined }) | undefined,
): OrganisationRow {
  if (!campaign) return { ...organisation, contacts, warnings: statuteWarnings(contacts), currentCampaign: null };
  // The campaign's one rule of who is in it: a former or future member is not asked, so the page
  // says so rather than "Ej påbörjad" (its response, if any, still stands).
  const membership = campaignMembership(organisation, campaign);
  return {
    ...organisation,
    contacts,
    warnings: statuteWarnings(contacts),
    currentCampaign: {
      year: campaign.year,
      status: progressStatusOf(campaign.response),
      inCampaign: membership === 'member',
      membership,
    },
  };
}

function searchFilter(q: string | undefined): (organisation: Organisation) => boolean {
  const needle = q?.trim();
  if (!needle) return () => true;
  if (/^\d+$/.test(needle)) return (organisation) => organisation.id.startsWith(needle);
  const key = fold(needle);
  return (organisation) =>
    fold(organisation.name).includes(key) || normaliseOrganisationName(organisation.name).includes(key);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The fields of `a` whose values differ in `b`, for the audit's before/after summary. */
function changedFields(a: Organisation, b: Organisation): Record<string, unknown> {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Organisation>;
  return Object.fromEntries([...fields].filter((f) => a[f] !== b[f]).map((f) => [f, a[f] ?? null]));
}
