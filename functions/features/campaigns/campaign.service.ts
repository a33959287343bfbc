import type { z } from 'zod';
import type {
  Campaign,
  CampaignStatus,
  CreateCampaignInputSchema,
  UpdateCampaignInputSchema,
} from '../../../shared/schemas/campaign.schema';
import type { OrganisationType } from '../../../shared/schemas/organisation.schema';
import { compileScoring, ScoringConfigError } from '../../../shared/scoring/scoring-plan';
import { DomainRuleError, NotFoundError, VersionConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { AuditLog } from '../audit/audit.log';
import type { CampaignRepository } from './campaign.repository';

/** How long an instance trusts its cached copy of a campaign; writes through this instance refresh it at once. */
export const CAMPAIGN_CACHE_MS = 10_000;

type CreateInput = z.infer<typeof CreateCampaignInputSchema>;
type UpdateInput = z.infer<typeof UpdateCampaignInputSchema>;

// Only the kansli's create and update check a policy; loaded then, so the reminder policy's schemas
// stay off the member API's cold start (docs/performance.md).
const reminderPolicyCheck = () => import('./reminder-policy-check');

/** Campaigns: one year's survey, its dates, and the draft → open → closed → published cycle. */
export class CampaignService {
  private readonly cache = new Map<number, { campaign: Campaign; fetchedAt: number }>();
  // Reads in flight, so a prefetch and the request that wanted it share one GetItem.
  private readonly loading = new Map<number, Promise<Campaign>>();

  constructor(
    private readonly repo: CampaignRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The campaign for a year. Throws NotFoundError. */
  async get(year: number): Promise<Campaign> {
    const campaign = await this.repo.get(year);
    if (!campaign) throw new NotFoundError(`Det finns ingen kampanj för ${year}.`);
    // A read that was in flight while this instance wrote a newer version must not replace it.
    const cached = this.cache.get(year)?.campaign;
    if (!cached || cached.updatedAt <= campaign.updatedAt)
      this.cache.set(year, { campaign, fetchedAt: performance.now() });
    return campaign;
  }

  /** Like get, but may answer a copy up to CAMPAIGN_CACHE_MS old, so autosave costs no campaign read. */
  async getCached(year: number): Promise<Campaign> {
    const hit = this.cache.get(year);
    if (hit && performance.now() - hit.fetchedAt < CAMPAIGN_CACHE_MS) return hit.campaign;
    let pending = this.loading.get(year);
    if (!pending) {
      pending = this.get(year).finally(() => this.loading.delete(year));
      this.loading.set(year, pending);
    }
    return pending;
  }

  /**
   * Starts reading a campaign a request is about to need, so the read overlaps the request's
   * session read instead of following it (one round trip less on a cold instance). Failures are
   * left to the request's own getCached, which sees the same read or starts a new one.
   */
  prefetch(year: number): void {
    this.getCached(year).catch(() => undefined);
  }

  list(): Promise<Campaign[]> {
    return this.repo.list();
  }

  /** The open campaign, or else the latest one that has been open; undefined when there is none. */
  async current(): Promise<Campaign | undefined> {
    const openYear = await this.repo.openYear();
    if (openYear !== undefined) {
      const open = await this.repo.get(openYear);
      if (open?.status === 'open') return open;
    }
    const all = await this.repo.list();
    return all.filter((c) => c.status !== 'draft').at(-1);
  }

  /**
   * Creates a draft campaign. Without surveys it copies the latest earlier campaign's, or the
   * bundled medlemstest for the first one. Throws AlreadyExistsError for a taken year, and
   * DomainRuleError invalid_scoring for surveys sent with scoring that does not compile (copied
   * surveys are taken as they are, so a broken one can still be fixed in the editor; open checks them).
   */
  async create(input: CreateInput, actor: string): Promise<Campaign> {
    if (input.surveys) assertScorable(input.surveys);
    const { checkedReminderPolicy, defaultReminderPolicy } = await reminderPolicyCheck();
    const now = this.clock.now().toISOString();
    const previous = input.surveys ? undefined : (await this.repo.list()).filter((c) => c.year < input.year).at(-1);
    const campaign: Campaign = {
      year: input.year,
      title: input.title,
      // Loaded on demand: 70 KB of JSON only the first campaign ever needs, kept off the API's cold start.
      surveys: input.surveys ?? previous?.surveys ?? (await import('./default-surveys')).DEFAULT_SURVEYS,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      status: 'draft',
      // A policy the kansli sends is checked against the dates; a default or copied one only parsed, since
      // steps that do not fit a short campaign are simply never due.
      reminderPolicy: input.reminderPolicy
        ? checkedReminderPolicy(input.reminderPolicy, input)
        : checkedReminderPolicy(previous?.reminderPolicy ?? defaultReminderPolicy()),
      createdAt: now,
      updatedAt: now,
    };
    await this.repo.create(campaign);
    await this.audit.record({
      actor,
      action: 'campaign.create',
      target: `campaign:${campaign.year}`,
      year: campaign.year,
      after: {
        title: campaign.title,
        opensAt: campaign.opensAt,
        closesAt: campaign.closesAt,
        copiedFrom: previous?.year,
      },
    });
    return campaign;
  }

  /**
   * Changes title, dates, surveys (only the types sent) or the reminder policy. A published campaign
   * is frozen. With `expectedUpdatedAt` (what the client loaded), a campaign changed since throws
   * VersionConflictError carrying the stored campaign, also when the change lands between this read
   * and the write. Surveys whose scoring does not compile throw DomainRuleError invalid_scoring.
   */
  async update(year: number, input: UpdateInput, actor: string): Promise<Campaign> {
    const { expectedUpdatedAt, ...patch } = input;
    const current = await this.get(year);
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== current.updatedAt) throw changedSince(current);
    if (current.status === 'published') {
      throw new DomainRuleError('campaign_published', 'En publicerad kampanj kan inte ändras.');
    }
    if (patch.surveys) assertScorable(patch.surveys);
    const next: Campaign = {
      ...current,
      ...patch,
      surveys: { ...current.surveys, ...patch.surveys },
      updatedAt: nextUpdatedAt(current, this.clock.now()),
    };
    if (new Date(next.opensAt) >= new Date(next.closesAt)) {
      throw new DomainRuleError('invalid_dates', 'Sista svarsdag måste vara efter öppningsdagen.');
    }
    if (patch.reminderPolicy)
      next.reminderPolicy = (await reminderPolicyCheck()).checkedReminderPolicy(patch.reminderPolicy, next);
    try {
      await this.repo.replace(
        next,
        current.updatedAt,
        expectedUpdatedAt === undefined ? undefined : () => new VersionConflictError(CHANGED_SINCE_MESSAGE),
      );
    } catch (error) {
      if (error instanceof VersionConflictError) throw changedSince(await this.get(year));
      throw error;
    }
    this.cache.set(year, { campaign: next, fetchedAt: performance.now() });
    await this.audit.record({
      actor,
      action: patch.surveys ? 'campaign.update.survey' : 'campaign.update',
      target: `campaign:${year}`,
      year,
      before: summarise(current, patch),
      after: summarise(next, patch),
    });
    return next;
  }

  /**
   * Opens the campaign. At most one is open: a lock item taken with a conditional write enforces it.
   * Both surveys' scoring must compile (DomainRuleError invalid_scoring), or every autosave of the
   * organisation type with the broken survey would fail.
   */
  async open(year: number, actor: string): Promise<Campaign> {
    const campaign = await this.get(year);
    if (campaign.status === 'open') return campaign;
    if (campaign.status === 'published')
      throw new DomainRuleError('campaign_published', 'Kampanjen är redan publicerad.');
    assertScorable(campaign.surveys);
    await this.repo.takeOpenLock(year, this.clock.now().toISOString());
    return this.setStatus(campaign, 'open', actor, 'campaign.open');
  }

  async close(year: number, actor: string): Promise<Campaign> {
    const campaign = await this.get(year);
    if (campaign.status !== 'open') {
      throw new DomainRuleError(
        'campaign_not_open_to_close',
        'Kampanjen kan inte stängas eftersom den inte är öppen.',
        { status: campaign.status },
      );
    }
    const closed = await this.setStatus(campaign, 'closed', actor, 'campaign.close');
    await this.repo.releaseOpenLock(year);
    return closed;
  }

  async markPublished(year: number, actor: string, revision: number): Promise<Campaign> {
    const campaign = await this.get(year);
    if (campaign.status === 'open') await this.close(year, actor);
    return this.setStatus(await this.get(year), 'published', actor, 'campaign.publish', { revision });
  }

  /** The survey that an organisation of this type answers. */
  static surveyFor(campaign: Campaign, type: OrganisationType): Campaign['surveys']['kommun'] {
    return campaign.surveys[type];
  }

  private async setStatus(
    campaign: Campaign,
    status: CampaignStatus,
    actor: string,
    action: string,
    extra: Record<string, unknown> = {},
  ): Promise<Campaign> {
    const next: Campaign = { ...campaign, status, updatedAt: nextUpdatedAt(campaign, this.clock.now()) };
    await this.repo.replace(next, campaign.updatedAt);
    this.cache.set(campaign.year, { campaign: next, fetchedAt: performance.now() });
    await this.audit.record({
      actor,
      action,
      target: `campaign:${campaign.year}`,
      year: campaign.year,
      before: { status: campaign.status },
      after: { status, ...extra },
    });
    return next;
  }
}

type Patch = Omit<UpdateInput, 'expectedUpdatedAt'>;

/** The audit summary of a change: the touched fields, with the surveys sent reduced to their page names. */
function summarise(campaign: Campaign, patch: Patch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(patch) as Array<keyof Patch>) {
    out[field] =
      field === 'surveys'
        ? Object.fromEntries(
            (Object.keys(patch.surveys ?? {}) as OrganisationType[]).map((type) => [
              type,
              campaign.surveys[type].pages.map((p) => p.name),
            ]),
          )
        : campaign[field];
  }
  return out;
}

const CHANGED_SINCE_MESSAGE = 'Kampanjen har ändrats sedan du hämtade den. Inget sparades.';

/** 409 version_conflict with the stored campaign, so the client can show what is stored now. */
function changedSince(stored: Campaign): VersionConflictError {
  return new VersionConflictError(CHANGED_SINCE_MESSAGE, stored);
}

/**
 * The `updatedAt` of the next version: now, but always later than the previous one, so a client's
 * `expectedUpdatedAt` tells every version apart even when two writes share a millisecond or an
 * instance's clock is behind.
 */
function nextUpdatedAt(previous: Campaign, now: Date): string {
  const after = Date.parse(previous.updatedAt) + 1;
  return new Date(Number.isNaN(after) || now.getTime() >= after ? now.getTime() : after).toISOString();
}

const SURVEY_FOR: Record<OrganisationType, string> = { kommun: 'kommuner', region: 'regioner' };

/**
 * Compiles each survey's scoring plan, as every autosave and submit will; throws DomainRuleError
 * invalid_scoring naming each survey that does not compile, with `details: [{survey, message}]`.
 */
function assertScorable(surveys: Partial<Campaign['surveys']>): void {
  const problems: Array<{ survey: OrganisationType; message: string }> = [];
  for (const [type, survey] of Object.entries(surveys) as Array<[OrganisationType, object | undefined]>) {
    if (!survey) continue;
    try {
      compileScoring(survey);
    } catch (error) {
      if (!(error instanceof ScoringConfigError)) throw error;
      problems.push({ survey: type, message: error.message });
    }
  }
  if (problems.length === 0) return;
  throw new DomainRuleError(
    'invalid_scoring',
    problems.map((p) => `Poängsättningen i enkäten för ${SURVEY_FOR[p.survey]} är felaktig: ${p.message}`).join(' '),
    problems,
  );
}
