import { CampaignRepository } from '../../functions/features/campaigns/campaign.repository';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { OrganisationRepository } from '../../functions/features/organisations/organisation.repository';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import type { TestContext } from './test-app';

export const LUND: Organisation = { id: '1281', name: 'Lund', type: 'kommun', population: 128000 };
export const MALMO: Organisation = { id: '1280', name: 'Malmö', type: 'kommun', population: 362000 };
export const SKANE: Organisation = { id: '12', name: 'Region Skåne', type: 'region', population: 1400000 };

/** Creates organisations with their two demo contacts (politiker.<code>@…, tjansteperson.<code>@…). */
export async function seedOrganisations(ctx: TestContext, organisations: Organisation[] = [LUND, MALMO, SKANE]) {
  const orgs = new OrganisationRepository(ctx.store);
  const contacts = new ContactRepository(ctx.store);
  for (const organisation of organisations) {
    await orgs.create(organisation);
    await contacts.create({
      id: `politiker-${organisation.id}`,
      organisationId: organisation.id,
      email: `politiker.${organisation.id}@example.se`,
      name: `Politiker ${organisation.name}`,
      role: 'politician',
      emailState: 'ok',
    });
    await contacts.create({
      id: `tjansteperson-${organisation.id}`,
      organisationId: organisation.id,
      email: `tjansteperson.${organisation.id}@example.se`,
      name: `Tjänsteperson ${organisation.name}`,
      role: 'official',
      emailState: 'ok',
    });
  }
}

/** A campaign stored directly, e.g. open from `opensAt` to `closesAt`, with the bundled medlemstest. */
export function makeCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return {
    year: 2026,
    title: 'Medlemstest 2026',
    surveys: DEFAULT_SURVEYS,
    opensAt: '2026-03-01T07:00:00.000Z',
    closesAt: '2026-04-30T21:59:00.000Z',
    status: 'open',
    reminderPolicy: {},
    createdAt: '2026-02-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    ...overrides,
  };
}

/** Stores `makeCampaign(overrides)` (and takes the open lock when open); also used by the benchmarks. */
export async function seedCampaign(
  ctx: Pick<TestContext, 'store'>,
  overrides: Partial<Campaign> = {},
): Promise<Campaign> {
  const campaign = makeCampaign(overrides);
  const repo = new CampaignRepository(ctx.store);
  await repo.create(campaign);
  if (campaign.status === 'open') await repo.takeOpenLock(campaign.year, campaign.updatedAt);
  return campaign;
}
