import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import { score } from '../../shared/scoring/index';
import { signInAdmin } from './admin-api';
import { seedCampaign, seedOrganisations } from './seed-fixtures';
import { makeTestContext, type TestContext, type TestContextOptions } from './test-app';

export interface SeededContextOptions extends TestContextOptions {
  /** The register, each organisation with its two demo contacts; Lund, Malmö and Region Skåne unless told. */
  organisations?: Organisation[];
  /** A campaign to store: `true` for seedCampaign's open 2026 campaign, or overrides of it; none when left out. */
  campaign?: true | Partial<Campaign>;
}

/** makeTestContext with the member register (and, when asked, a campaign) already stored. */
export async function seededContext(options: SeededContextOptions = {}): Promise<TestContext> {
  const { organisations, campaign, ...contextOptions } = options;
  const ctx = await makeTestContext(contextOptions);
  await seedOrganisations(ctx, organisations);
  if (campaign) await seedCampaign(ctx, campaign === true ? {} : campaign);
  return ctx;
}

/** Where the admin route tests start: a seeded context and the session cookie of the configured kansli admin. */
export interface AdminWorld {
  ctx: TestContext;
  admin: string;
}

/** seededContext(options), then the kansli admin signs in through the outbox link as a person would. */
export async function adminWorld(options: SeededContextOptions = {}): Promise<AdminWorld> {
  const ctx = await seededContext(options);
  return { ctx, admin: await signInAdmin(ctx) };
}

/**
 * A submitted kommun response, scored as submit scores it. Written through the repository so that
 * admin tests need no member session and leave no member traffic in the outbox or command counts.
 */
export async function submitScoredResponse(
  ctx: TestContext,
  year: number,
  organisationId: string,
  data: Record<string, unknown>,
) {
  const repo = new ResponseRepository(ctx.store);
  const editor = { name: 'Erik Nilsson', email: `tjansteperson.${organisationId}@example.se` };
  const guard = { campaignAcceptsWrites: true, now: ctx.clock.now().toISOString() };
  const common = { year, organisationId, data, editor, answered: 1, totalQuestions: 1, ...guard };
  await repo.saveDraft({ ...common, organisationType: 'kommun', expectedVersion: 0 });
  await repo.submit({ ...common, score: score(DEFAULT_SURVEYS.kommun, data), expectedVersion: 1 });
}
