import type { Contact } from '../../../shared/schemas/contact.schema';
import { AdminRepository } from '../../features/admins/admin.repository';
import { ContactRepository } from '../../features/contacts/contact.repository';
import { OrganisationRepository } from '../../features/organisations/organisation.repository';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { demoContacts, parseDemoOrganisations } from './demo-organisations';
import { seedDemoCampaigns } from './seed-campaigns';

const SEED_MARKER = { pk: 'SEED', sk: 'DEMO' };

export interface SeedSummary {
  seeded: boolean;
  organisations: number;
  contacts: number;
  responses: number;
}

/**
 * Seeds the demo organisations, their two contacts each and the admin, once: a marker item
 * written last records that it is done, and every write is a conditional create, so a seed
 * interrupted half-way completes on the next start.
 */
export async function seedDemoData(input: {
  store: TableStore;
  clock: Clock;
  organisationsCsv: string;
  adminEmails: string[];
  reminderPolicy?: Record<string, unknown>;
  onProgress?: (done: number, total: number) => void;
}): Promise<SeedSummary> {
  const { store, clock } = input;
  if (await store.get(SEED_MARKER)) return { seeded: false, organisations: 0, contacts: 0, responses: 0 };
  const organisations = parseDemoOrganisations(input.organisationsCsv);
  const orgRepo = new OrganisationRepository(store);
  const contactRepo = new ContactRepository(store);
  const admins = new AdminRepository(store);
  const now = clock.now().toISOString();
  for (const email of input.adminEmails) {
    await admins.addIfAbsent({ email, name: 'Kansliet', addedAt: now, addedBy: 'seed' });
  }
  const contactsByOrganisation = new Map<string, Contact[]>();
  for (const [index, organisation] of organisations.entries()) {
    await ignoreExisting(orgRepo.create(organisation));
    const contacts = demoContacts(organisation, index);
    for (const contact of contacts) await ignoreExisting(contactRepo.create(contact));
    contactsByOrganisation.set(organisation.id, contacts);
    input.onProgress?.(index + 1, organisations.length);
  }
  const campaigns = await seedDemoCampaigns({
    store,
    clock,
    organisations,
    contacts: contactsByOrganisation,
    reminderPolicy: input.reminderPolicy ?? {},
  });
  await store.put({ ...SEED_MARKER, seededAt: now });
  return {
    seeded: true,
    organisations: organisations.length,
    contacts: organisations.length * 2,
    responses: campaigns.responses,
  };
}

async function ignoreExisting(write: Promise<void>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if ((error as { code?: string }).code !== 'already_exists') throw error;
  }
}
