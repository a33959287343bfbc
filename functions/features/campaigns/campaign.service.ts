import type { z } from 'zod';
import type {
  Campaign,
  CampaignStatus,
  CreateCampaignInputSchema,
  UpdateCampaignInputSchema,
} from '../../../shared/schemas/campaign.schema';
import type { OrganisationType } from '../../../shared/schemas/organisation.schema';
import { DomainRuleError, NotFoundError } from '../../errors/domain-errors';
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
   * bundled medlemstest for the first one. Throws AlreadyExistsError for a taken year.
   */
  async create(input: CreateInput, actor: string): Promise<Campaign> {
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

  /** Changes title, dates, surveys or the reminder policy. A published campaign is frozen. */
  async update(year: number, patch: UpdateInput, actor: string): Promise<Campaign> {
    const current = await this.get(year);
    if (current.status === 'published') {
      throw new DomainRuleError('campaign_published', 'En publicerad kampanj kan inte ändras.');
    }
    const next: Campaign = { ...current, ...patch, updatedAt: this.clock.now().toISOString() };
    if (new Date(next.opensAt) >= new Date(next.closesAt)) {
      throw new DomainRuleError('invalid_dates', 'Sista svarsdag måste vara efter öppningsdagen.');
    }
    if (patch.reminderPolicy)
      next.reminderPolicy = (await reminderPolicyCheck()).checkedReminderPolicy(patch.reminderPolicy, next);
    await this.repo.replace(next, current.updatedAt);
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

  /** Opens the campaign. At most one is open: a lock item taken with a conditional write enforces it. */
  async open(year: number, actor: string): Promise<Campaign> {
    const campaign = await this.get(year);
    if (campaign.status === 'open') return campaign;
    if (campaign.status === 'published')
      throw new DomainRuleError('campaign_published', 'Kampanjen är redan publicerad.');
    await this.repo.takeOpenLock(year, this.clock.now().toISOString());
    return this.setStatus(campaign, 'open', actor, 'campaign.open');
  }

  async close(year: number, actor: string): Promise<Campaign> {
    const campaign = await this.get(year);
    if (campaign.status !== 'open') throw new DomainRuleError('campaign_not_open', 'Kampanjen är inte öppen.');
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
    const next: Campaign = { ...campaign, status, updatedAt: this.clock.now().toISOString() };
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

/** The audit summary of a change: the touched fields, with surveys reduced to their page names. */
function summarise(campaign: Campaign, patch: UpdateInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(patch) as Array<keyof UpdateInput>) {
    out[field] =
      field === 'surveys'
        ? Object.fromEntries(
            Object.entries(campaign.surveys).map(([type, survey]) => [type, survey.pages.map((p) => p.name)]),
          )
        : campaign[field];
  }
  return out;
}
