import type { z } from 'zod';
import type {
  Campaign,
  CampaignStatus,
  CreateCampaignInputSchema,
  ReminderPlan,
  RemovedQuestions,
  UpdateCampaignInputSchema,
} from '../../../shared/schemas/campaign.schema';
import type { OrganisationType } from '../../../shared/schemas/organisation.schema';
import { sameStoredScore, scoreWithOverrides } from '../../../shared/scoring/score';
import {
  compileScoring,
  ScoringConfigError,
  type ScoringProblem,
  scoringProblemText,
} from '../../../shared/scoring/scoring-plan';
import { duplicateNames, duplicateNameText } from '../../../shared/survey-validation/duplicate-names';
import { DomainRuleError, NotFoundError, StateConflictError, VersionConflictError } from '../../errors/domain-errors';
import type { Clock } from '../../ports/clock';
import type { AuditLog } from '../audit/audit.log';
import type { CampaignRepository, OpenLock } from './campaign.repository';
import { removedQuestions, sameJson, surveyChanges } from './survey-changes';

/** How long an instance trusts its cached copy of a campaign; writes through this instance refresh it at once. */
export const CAMPAIGN_CACHE_MS = 10_000;

/**
 * How long an open may take between taking the open lock and writing the campaign's status: far
 * longer than any request runs. A lock older than this whose campaign is not open is left over
 * from an open that failed half-way, and another campaign may take it over.
 */
export const OPEN_LOCK_LEASE_MS = 15 * 60_000;

type CreateInput = z.infer<typeof CreateCampaignInputSchema>;
type UpdateInput = z.infer<typeof UpdateCampaignInputSchema>;

// Only the kansli's routes check a policy or derive its plan; loaded then, so the reminder policy's
// schemas stay off the member API's cold start (docs/performance.md).
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
    if (!campaign) {
      throw new NotFoundError(`Det finns ingen kampanj för ${year}.`, 'not_found', `There is no campaign for ${year}.`);
    }
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

  /**
   * The campaign as the console's routes answer it: with its reminder schedule and the policy's
   * warnings on its dates (e.g. a 2-day step that a Monday deadline moves onto the last day's
   * morning, which is not sent), derived on every answer so a save, a new deadline and the opening
   * all show them. Never stored: `get` and the cache keep the campaign as stored.
   */
  async forConsole<T extends Pick<Campaign, 'reminderPolicy' | 'opensAt' | 'closesAt'>>(
    campaign: T,
  ): Promise<T & ReminderPlan> {
    const { withReminderPlan } = await reminderPolicyCheck();
    return withReminderPlan(campaign);
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
   * DomainRuleError duplicate_name for surveys sent that use a name twice (see assertUniqueNames) and
   * invalid_scoring for surveys sent with scoring that does not compile (copied
   * surveys are taken as they are, so a broken one can still be fixed in the editor; open checks them).
   */
  async create(input: CreateInput, actor: string): Promise<Campaign> {
    if (input.surveys) assertUniqueNames(input.surveys);
    if (input.surveys) assertScorable(input.surveys);
    const { checkedReminderPolicy, defaultReminderPolicy, policyForDates } = await reminderPolicyCheck();
    const now = this.clock.now().toISOString();
    const previous = input.surveys ? undefined : (await this.repo.list()).filter((c) => c.year < input.year).at(-1);
    // A policy the kansli sends is checked against the dates. A default or copied one is fitted to them:
    // steps that could not be sent between them (a Sunday's "sista dagen") are taken out, so the stored
    // policy is one the next save accepts as it is. The copy starts from what the previous campaign
    // chose, not from what its dates allowed, so one julafton deadline does not cost every later year
    // its "sista dagen".
    const fitted = input.reminderPolicy
      ? undefined
      : policyForDates(previous?.chosenReminderPolicy ?? previous?.reminderPolicy ?? defaultReminderPolicy(), input);
    const campaign: Campaign = {
      year: input.year,
      title: input.title,
      // Loaded on demand: 70 KB of JSON only the first campaign ever needs, kept off the API's cold start.
      surveys: input.surveys ?? previous?.surveys ?? (await import('./default-surveys')).DEFAULT_SURVEYS,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      status: 'draft',
      reminderPolicy: fitted ? fitted.reminderPolicy : checkedReminderPolicy(input.reminderPolicy ?? {}, input),
      ...(fitted?.chosenReminderPolicy ? { chosenReminderPolicy: fitted.chosenReminderPolicy } : {}),
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
        ...(fitted?.removed.length ? { reminderStepsRemoved: fitted.removed } : {}),
      },
    });
    return campaign;
  }

  /**
   * Changes title, dates, surveys (only the types sent) or the reminder policy. A published campaign
   * is frozen. With `expectedUpdatedAt` (what the client loaded), a campaign changed since throws
   * VersionConflictError carrying the stored campaign, also when the change lands between this read
   * and the write. Surveys that use a question or page name twice throw DomainRuleError
   * duplicate_name; surveys whose scoring does not compile throw DomainRuleError invalid_scoring.
   * Surveys that remove questions members may have answered throw StateConflictError
   * questions_removed unless `confirmRemovedQuestions` names exactly those questions (see
   * assertRemovalConfirmed). A save that changes a survey answers `staleScores` too (see staleScores).
   */
  async update(year: number, input: UpdateInput, actor: string): Promise<Campaign & { staleScores?: number }> {
    const { expectedUpdatedAt, confirmRemovedQuestions, ...patch } = input;
    const current = await this.get(year);
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== current.updatedAt) throw changedSince(current);
    if (current.status === 'published') {
      throw new DomainRuleError(
        'campaign_published',
        'En publicerad kampanj kan inte ändras: enkäten, datumen och svaren är låsta. Ett fel i poängen rättas med ' +
          'en justering på granskningssidan och publiceras som en ny version.',
        undefined,
        'A published campaign cannot be changed: the survey, the dates and the answers are locked. An error in the ' +
          'points is corrected with an adjustment on the review page and published as a new version.',
      );
    }
    if (patch.surveys) assertUniqueNames(patch.surveys);
    if (patch.surveys) assertScorable(patch.surveys);
    const next: Campaign = {
      ...current,
      ...patch,
      surveys: { ...current.surveys, ...patch.surveys },
      updatedAt: nextUpdatedAt(current, this.clock.now()),
    };
    if (new Date(next.opensAt) >= new Date(next.closesAt)) {
      throw new DomainRuleError(
        'invalid_dates',
        'Sista svarsdag måste vara efter öppningsdagen.',
        undefined,
        'The deadline must be after the opening day.',
      );
    }
    const refit = await this.applyReminderPolicy(current, next, patch);
    const change = describeChange(current, next, patch, refit);
    // Nothing differs from what is stored (`{}`, or the values as they are): no write, no audit entry.
    if (!change) return current;
    if (change.surveys) await this.assertRemovalConfirmed(current, patch.surveys ?? {}, confirmRemovedQuestions ?? {});
    try {
      await this.repo.replace(
        next,
        current.updatedAt,
        expectedUpdatedAt === undefined
          ? undefined
          : () => new VersionConflictError(CHANGED_SINCE_MESSAGE, undefined, CHANGED_SINCE_MESSAGE_EN),
      );
    } catch (error) {
      if (error instanceof VersionConflictError) throw changedSince(await this.get(year));
      throw error;
    }
    this.cache.set(year, { campaign: next, fetchedAt: performance.now() });
    await this.audit.record({
      actor,
      action: change.surveys ? 'campaign.update.survey' : 'campaign.update',
      target: `campaign:${year}`,
      year,
      before: change.before,
      after: change.after,
    });
    if (!change.surveys) return next;
    const staleScores = await this.staleScores(current, next);
    return staleScores === undefined ? next : { ...next, staleScores };
  }

  /**
   * After a survey save: how many submitted responses now have a stored score that is not what
   * re-scoring would store (their answers and overrides scored with the saved survey), so the
   * kansli can re-score before anyone reads the old scores. Only the types whose survey changed
   * are scored; a draft campaign has no submitted response and costs nothing. One Query. Answers
   * undefined when it cannot be counted (the save itself has succeeded and must not look failed).
   */
  private async staleScores(current: Campaign, next: Campaign): Promise<number | undefined> {
    if (next.status === 'draft') return 0;
    const changed = (Object.keys(next.surveys) as OrganisationType[]).filter(
      (type) => !sameJson(current.surveys[type], next.surveys[type]),
    );
    if (changed.length === 0) return 0;
    try {
      let stale = 0;
      for (const response of await this.repo.scoringInputs(next.year)) {
        if (response.status !== 'submitted' || !changed.includes(response.organisationType)) continue;
        const now = scoreWithOverrides(next.surveys[response.organisationType], response.data, response.overrides);
        if (!sameStoredScore(response.score, now)) stale++;
      }
      return stale;
    } catch {
      return undefined;
    }
  }

  /**
   * Sets `next`'s reminder policy for an update. What was chosen so far is `chosenReminderPolicy`,
   * else the stored policy: the console shows it and sends it back with every save. A policy sent
   * is the kansli's choice and replaces it: a step it keeps that the dates cannot hold is left out
   * of what applies and kept as chosen (it comes back when the dates allow it), a step it turns on
   * that they cannot hold is refused with its path, and a step it turns off is off for good, even
   * one the dates left out. Without a policy, changed dates fit the chosen one to them again. Answers
   * what the dates took out, or undefined when nothing was fitted.
   */
  private async applyReminderPolicy(
    current: Campaign,
    next: Campaign,
    patch: Patch,
  ): Promise<{ removed: string[] } | undefined> {
    const datesChanged = next.opensAt !== current.opensAt || next.closesAt !== current.closesAt;
    if (!patch.reminderPolicy && !(datesChanged && current.reminderPolicy)) return undefined;
    const { policyForDates } = await reminderPolicyCheck();
    const chosenSoFar = current.chosenReminderPolicy ?? current.reminderPolicy ?? {};
    const fitted = patch.reminderPolicy
      ? policyForDates(patch.reminderPolicy, next, chosenSoFar)
      : policyForDates(chosenSoFar, next);
    next.reminderPolicy = fitted.reminderPolicy;
    if (fitted.chosenReminderPolicy) next.chosenReminderPolicy = fitted.chosenReminderPolicy;
    else delete next.chosenReminderPolicy;
    return { removed: fitted.removed };
  }

  /**
   * Refuses a survey update that removes questions (or renames them, or hides them for good) while
   * members' answers to them may exist, unless `confirmed` names exactly the questions removed from
   * each survey: autosave keeps only the answers to the survey's questions, so each draft loses
   * those answers at its next save, and putting the question back does not bring them back.
   * Answers may exist while the campaign is open (someone may be answering right now), and in a
   * draft or closed campaign that has any stored response (one Query, only when questions are
   * removed without an exact confirmation); a published campaign is frozen anyway. Throws
   * StateConflictError questions_removed with every removal as `details` (RemovedQuestionsSchema).
   * The status is as read: the write is conditioned on `updatedAt`, which an open or close changes.
   */
  private async assertRemovalConfirmed(
    current: Campaign,
    surveys: Partial<Campaign['surveys']>,
    confirmed: Partial<Record<OrganisationType, string[]>>,
  ): Promise<void> {
    const removals: RemovedQuestions = [];
    for (const [type, survey] of Object.entries(surveys) as Array<[OrganisationType, object | undefined]>) {
      if (!survey) continue;
      const questions = removedQuestions(current.surveys[type], survey);
      if (questions.length > 0) removals.push({ survey: type, questions });
    }
    const unconfirmed = removals.filter(
      ({ survey, questions }) =>
        !sameNames(
          questions.map((q) => q.name),
          confirmed[survey],
        ),
    );
    if (unconfirmed.length === 0) return;
    if (current.status !== 'open' && !(await this.repo.hasResponses(current.year))) return;
    throw new StateConflictError(
      'questions_removed',
      `Ändringen tar bort frågor som medlemmarna kan ha svarat på: ${removals
        .map(
          ({ survey, questions }) => `${namesList(questions.map((q) => q.name))} i enkäten för ${SURVEY_FOR[survey]}`,
        )
        .join('; ')}. Svaren på dem försvinner ur utkasten nästa gång de sparas och kommer inte tillbaka om ` +
        'frågan läggs till igen. Inget sparades. Bekräfta borttagningen för att spara.',
      removals,
      `The change removes questions that members may have answered: ${removals
        .map(
          ({ survey, questions }) =>
            `${namesList(
              questions.map((q) => q.name),
              'en',
            )} in the survey for ${SURVEY_FOR_EN[survey]}`,
        )
        .join('; ')}. Their answers disappear from drafts the next time they are saved and do not come back if ` +
        'the question is added again. Nothing was saved. Confirm the removal to save.',
    );
  }

  /**
   * Opens the campaign. At most one is open: a lock item taken with a conditional write enforces it.
   * Both surveys' scoring must compile (DomainRuleError invalid_scoring), or every autosave of the
   * organisation type with the broken survey would fail. A campaign whose deadline has passed is
   * refused (DomainRuleError deadline_passed): it would be open in name only, members could not
   * answer; the kansli sets a new deadline first.
   */
  async open(year: number, actor: string): Promise<Campaign> {
    const campaign = await this.get(year);
    if (campaign.status === 'open') return campaign;
    if (campaign.status === 'published')
      throw new DomainRuleError(
        'campaign_published',
        'Kampanjen är redan publicerad.',
        undefined,
        'The campaign is already published.',
      );
    const now = this.clock.now();
    if (Date.parse(campaign.closesAt) <= now.getTime()) {
      throw new DomainRuleError(
        'deadline_passed',
        'Sista svarsdagen har redan passerat, så ingen skulle kunna svara. Ange en ny sista svarsdag först och öppna sedan kampanjen.',
        { closesAt: campaign.closesAt },
      );
    }
    assertScorable(campaign.surveys);
    await this.takeOpenLock(year, now);
    return this.setStatus(campaign, 'open', actor, 'campaign.open');
  }

  /**
   * Closes the campaign, then releases the open lock. Closing a closed campaign is done already: it
   * only releases the lock if this year still holds it (a close that failed after the status write),
   * and answers the campaign. A draft or published campaign throws campaign_not_open_to_close.
   */
  async close(year: number, actor: string): Promise<Campaign> {
    const campaign = await this.get(year);
    if (campaign.status === 'closed') {
      if ((await this.repo.openYear()) === year) await this.repo.releaseOpenLock(year);
      return campaign;
    }
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

  /**
   * Takes the open lock for `year`. A lock held by another year is taken over only when that
   * campaign is not open and the lock is left over from a write that failed half-way: the campaign
   * changed after the lock was taken (a close that never released it) or the lock is older than
   * OPEN_LOCK_LEASE_MS (an open that never set the status). The take-over is conditioned on the
   * lock as read, so a holder that took it again meanwhile keeps it. Otherwise throws
   * DomainRuleError another_campaign_open with the holder's year.
   */
  private async takeOpenLock(year: number, now: Date): Promise<void> {
    const at = now.toISOString();
    try {
      await this.repo.takeOpenLock(year, at);
      return;
    } catch (error) {
      if (!(error instanceof DomainRuleError && error.code === 'another_campaign_open')) throw error;
    }
    const lock = await this.repo.openLock();
    // Released meanwhile, or by now this year's own: an ordinary take decides.
    if (!lock || lock.year === year) return this.repo.takeOpenLock(year, at);
    const holder = await this.repo.get(lock.year);
    if (isLeftOver(lock, holder, now)) return this.repo.takeOverOpenLock(year, at, lock);
    throw new DomainRuleError(
      'another_campaign_open',
      `Kampanjen ${lock.year} är redan öppen. Stäng den först.`,
      { openYear: lock.year },
      `The ${lock.year} campaign is already open. Close it first.`,
    );
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
    const { closedAt: _wasClosedAt, ...rest } = campaign;
    const updatedAt = nextUpdatedAt(campaign, this.clock.now());
    // When it was closed, in the same write as the status: a campaign closed before its deadline
    // shows that, not the deadline it never reached. Publishing keeps it; reopening clears it.
    const closedAt = status === 'closed' ? updatedAt : status === 'published' ? campaign.closedAt : undefined;
    const next: Campaign = { ...rest, status, updatedAt, ...(closedAt ? { closedAt } : {}) };
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

type Patch = Omit<UpdateInput, 'expectedUpdatedAt' | 'confirmRemovedQuestions'>;

/** Whether the lock is left over from a write that failed half-way rather than an open in progress. */
function isLeftOver(lock: OpenLock, holder: Campaign | undefined, now: Date): boolean {
  if (!holder) return true;
  if (holder.status === 'open') return false;
  const takenAt = Date.parse(lock.at);
  if (Number.isNaN(takenAt)) return true;
  return Date.parse(holder.updatedAt) > takenAt || now.getTime() - takenAt > OPEN_LOCK_LEASE_MS;
}

interface Change {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** Whether a survey changed. */
  surveys: boolean;
}

/**
 * The audit summary of an update, or undefined when it changes nothing. Fields sent are recorded
 * only when they differ. A changed survey is recorded as its size before and after
 * (`surveys.kommun: {pages, questions}`) and, after, the names of the questions added, removed and
 * changed and of the pages changed otherwise, as flat keys (`surveys.kommun.changed: ["M1"]`), so
 * the audit page shows one line for each; never the survey itself. A list longer than MAX_NAMES
 * keeps its first names and records the count of the rest as a number of its own
 * (`surveys.kommun.changed.more: 12`). A reminder policy fitted again
 * to new dates (`refit`) is recorded when it changed, with the steps the dates left out as
 * `reminderStepsRemoved`, as on create.
 */
function describeChange(
  current: Campaign,
  next: Campaign,
  patch: Patch,
  refit: { removed: string[] } | undefined,
): Change | undefined {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let surveys = false;
  const fields = Object.keys(patch) as Array<keyof Patch>;
  // A policy fitted to new dates changed although it was not sent.
  if (refit && !fields.includes('reminderPolicy')) fields.push('reminderPolicy');
  for (const field of fields) {
    if (field === 'surveys') continue;
    if (sameJson(current[field], next[field])) continue;
    before[field] = current[field];
    after[field] = next[field];
  }
  if (refit?.removed.length && 'reminderPolicy' in after) after.reminderStepsRemoved = refit.removed;
  // The chosen policy may change alone: a step the dates left out, turned off for good, changes
  // nothing that applies now but does change what the next year's campaign starts from.
  if (!sameJson(current.chosenReminderPolicy ?? null, next.chosenReminderPolicy ?? null)) {
    before.chosenReminderPolicy = current.chosenReminderPolicy ?? null;
    after.chosenReminderPolicy = next.chosenReminderPolicy ?? null;
  }
  for (const type of Object.keys(patch.surveys ?? {}) as OrganisationType[]) {
    const diff = surveyChanges(current.surveys[type], next.surveys[type]);
    if (!diff) continue;
    surveys = true;
    const key = `surveys.${type}`;
    before[key] = diff.before;
    after[key] = diff.after;
    for (const list of ['added', 'removed', 'changed', 'pagesChanged'] as const) {
      const { names, more } = diff[list];
      if (names.length > 0) after[`${key}.${list}`] = names;
      // A long list keeps its first names; the count of the rest is a number, not words, so the
      // audit page can say it in the reader's language.
      if (more > 0) after[`${key}.${list}.more`] = more;
    }
    if (diff.settingsChanged) after[`${key}.settingsChanged`] = true;
  }
  return Object.keys(after).length > 0 ? { before, after, surveys } : undefined;
}

const CHANGED_SINCE_MESSAGE = 'Kampanjen har ändrats sedan du hämtade den. Inget sparades.';
const CHANGED_SINCE_MESSAGE_EN = 'The campaign has changed since you loaded it. Nothing was saved.';

/** 409 version_conflict with the stored campaign, so the client can show what is stored now. */
function changedSince(stored: Campaign): VersionConflictError {
  return new VersionConflictError(CHANGED_SINCE_MESSAGE, stored, CHANGED_SINCE_MESSAGE_EN);
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
const SURVEY_FOR_EN: Record<OrganisationType, string> = { kommun: 'municipalities', region: 'regions' };

/** Whether a confirmation names exactly these questions, in any order. */
function sameNames(removed: string[], confirmed: string[] | undefined): boolean {
  const given = new Set(confirmed ?? []);
  return given.size === removed.length && removed.every((name) => given.has(name));
}

/** "M3, M4 och M5", the first ten of a longer list followed by "och N till". */
function namesList(names: string[], language: 'sv' | 'en' = 'sv'): string {
  const and = language === 'sv' ? 'och' : 'and';
  if (names.length > 10) {
    return `${names.slice(0, 10).join(', ')} ${and} ${names.length - 10} ${language === 'sv' ? 'till' : 'more'}`;
  }
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

/**
 * Refuses surveys that use a question name (or a page name) twice, on two pages or on one: two
 * questions with one name share one answer and one score, so a member's answer to one would show
 * as the answer to the other. The editor blocks such a survey too, with the same check
 * (shared/survey-validation/duplicate-names.ts). Throws DomainRuleError duplicate_name with every
 * duplicate as `details: [{survey, kind, name, first: {page, path}, again: {page, path}}]`.
 */
function assertUniqueNames(surveys: Partial<Campaign['surveys']>): void {
  const found = (Object.entries(surveys) as Array<[OrganisationType, object | undefined]>).flatMap(([type, survey]) =>
    survey ? duplicateNames(survey).map((duplicate) => ({ survey: type, ...duplicate })) : [],
  );
  if (found.length === 0) return;
  const sentences = (lang: 'sv' | 'en') =>
    (Object.keys(SURVEY_FOR) as OrganisationType[])
      .filter((type) => found.some((d) => d.survey === type))
      .map((type) => {
        const what = found
          .filter((d) => d.survey === type)
          .map((d) => duplicateNameText(d, lang))
          .join('; ');
        return lang === 'en'
          ? `In the survey for ${SURVEY_FOR_EN[type]} a name is used twice: ${what}.`
          : `I enkäten för ${SURVEY_FOR[type]} används ett namn två gånger: ${what}.`;
      })
      .join(' ');
  throw new DomainRuleError(
    'duplicate_name',
    `${sentences('sv')} Varje fråga och varje sida måste ha ett eget namn. Inget sparades.`,
    found,
    `${sentences('en')} Each question and each page needs a name of its own. Nothing was saved.`,
  );
}

/**
 * Compiles each survey's scoring plan, as every autosave and submit will; throws DomainRuleError
 * invalid_scoring naming each survey that does not compile, with `details: [{survey, message}]`.
 */
function assertScorable(surveys: Partial<Campaign['surveys']>): void {
  const problems: Array<{ survey: OrganisationType; message: string; messageEn: string } & ScoringProblem> = [];
  for (const [type, survey] of Object.entries(surveys) as Array<[OrganisationType, object | undefined]>) {
    if (!survey) continue;
    try {
      compileScoring(survey);
    } catch (error) {
      if (!(error instanceof ScoringConfigError)) throw error;
      // The problem as data (question, property, value) and in both languages, never the log's English.
      problems.push({
        survey: type,
        message: scoringProblemText(error.problem, 'sv'),
        messageEn: scoringProblemText(error.problem, 'en'),
        ...error.problem,
      });
    }
  }
  if (problems.length === 0) return;
  throw new DomainRuleError(
    'invalid_scoring',
    problems.map((p) => `Poängsättningen i enkäten för ${SURVEY_FOR[p.survey]} är felaktig: ${p.message}.`).join(' '),
    problems,
    problems
      .map((p) => `The scoring of the survey for ${SURVEY_FOR_EN[p.survey]} is not valid: ${p.messageEn}.`)
      .join(' '),
  );
}
