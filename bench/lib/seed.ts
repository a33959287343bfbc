import { ContactRepository } from '../../functions/features/contacts/contact.repository';
import { OrganisationRepository } from '../../functions/features/organisations/organisation.repository';
import { seededResponseItem } from '../../functions/local/seed/seeded-response';
import type { Item, TableStore } from '../../functions/ports/table-store';
import { LANSKODER } from '../../shared/domain/organisation-codes';
import type { Campaign } from '../../shared/schemas/campaign.schema';
import type { Contact } from '../../shared/schemas/contact.schema';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import { sampleAnswers } from '../../shared/scoring/sample-answers';

/**
 * A TableStore that only records the items written to it, so the repositories decide what an
 * organisation or a contact looks like in the table (lookups and claims included) while the
 * benchmark writes them in bulk with BatchWrite.
 */
class CapturingStore implements TableStore {
  readonly items: Item[] = [];
  async put(item: Item): Promise<void> {
    this.items.push(item);
  }
  async get(): Promise<undefined> {
    return undefined;
  }
  async batchGet(): Promise<Item[]> {
    return [];
  }
  async update(): Promise<Item> {
    throw new Error('the bulk seed only creates items');
  }
  async updateWithoutReturn(): Promise<void> {
    throw new Error('the bulk seed only creates items');
  }
  async delete(): Promise<void> {}
  async query() {
    return { items: [] };
  }
  async queryAll(): Promise<Item[]> {
    return [];
  }
  async batchWrite(ops: Array<{ put: Item } | { delete: unknown }>): Promise<void> {
    for (const op of ops) if ('put' in op) this.items.push(op.put);
  }
}

/** Unused 4-digit prefixes for organisations beyond Sweden's 2,100 kommunkoder (only the growth step needs them). */
const EXTRA_PREFIXES = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter(
  (prefix) => !LANSKODER.includes(prefix) && prefix !== '00',
);

/**
 * `count` organisations: 21 regions per 311 (at most 21, Sweden's number) and the rest kommuner.
 * Up to 2,100 kommuner get valid kommunkoder; beyond that (only N = 3,110) codes use retired
 * länskoder as prefix, which the organisation schema accepts (four digits) but the kommunkod
 * check does not, so those organisations are fine for admin work but cannot sign in as members.
 */
export function benchOrganisations(count: number): Organisation[] {
  const regions = Math.min(LANSKODER.length, Math.round((count * 21) / 311));
  const organisations: Organisation[] = [];
  for (let i = 0; i < regions; i++) {
    const code = LANSKODER[i] as string;
    organisations.push({ id: code, name: `Region ${code}`, type: 'region', population: 300_000 + i * 10_000 });
  }
  for (let i = 0; organisations.length < count; i++) {
    const prefixes = i < LANSKODER.length * 100 ? LANSKODER : EXTRA_PREFIXES;
    const n = i < LANSKODER.length * 100 ? i : i - LANSKODER.length * 100;
    const code = `${prefixes[n % prefixes.length]}${String(Math.floor(n / prefixes.length)).padStart(2, '0')}`;
    organisations.push({ id: code, name: `Kommun ${code}`, type: 'kommun', population: 5_000 + ((i * 7919) % 90_000) });
  }
  return organisations;
}

export function benchContacts(organisation: Organisation): Contact[] {
  return [
    {
      id: `politiker-${organisation.id}`,
      organisationId: organisation.id,
      email: `politiker.${organisation.id}@example.se`,
      name: `Politiker ${organisation.id}`,
      role: 'politician',
      emailState: 'ok',
    },
    {
      id: `tjansteperson-${organisation.id}`,
      organisationId: organisation.id,
      email: `tjansteperson.${organisation.id}@example.se`,
      name: `Tjänsteperson ${organisation.id}`,
      role: 'official',
      emailState: 'ok',
    },
  ];
}

/**
 * Writes `organisations` with two contacts each and, when `campaign` is given, a submitted
 * response each, with BatchWrite (25 items a request). Answers the number of items written.
 */
export async function bulkSeed(
  store: TableStore,
  organisations: readonly Organisation[],
  campaign?: Campaign,
  options: { submittedAt?: string } = {},
): Promise<number> {
  const capture = new CapturingStore();
  const orgRepo = new OrganisationRepository(capture);
  const contactRepo = new ContactRepository(capture);
  const samples = campaign
    ? {
        kommun: sampleAnswers(campaign.surveys.kommun, 64, 7),
        region: sampleAnswers(campaign.surveys.region, 64, 8),
      }
    : undefined;
  for (const [index, organisation] of organisations.entries()) {
    await orgRepo.create(organisation);
    const contacts = benchContacts(organisation);
    for (const contact of contacts) await contactRepo.create(contact);
    if (campaign && samples) {
      const answers = samples[organisation.type][index % 64] ?? {};
      const official = contacts.find((contact) => contact.role === 'official') as Contact;
      capture.items.push(
        seededResponseItem({
          campaign,
          organisation,
          data: { ...answers, organisation: organisation.name },
          status: 'submitted',
          // The official (tjänsteperson) answered and submitted.
          editor: { name: official.name, email: official.email },
          at: options.submittedAt ?? campaign.opensAt,
        }),
      );
    }
  }
  // Four BatchWrite streams at once: dynalite is one process, but this hides each round trip's wait.
  const ops = capture.items.map((item) => ({ put: item }));
  const stride = Math.ceil(ops.length / 4 / 25) * 25;
  const streams = [0, 1, 2, 3].map((i) => ops.slice(i * stride, (i + 1) * stride)).filter((part) => part.length > 0);
  await Promise.all(streams.map((part) => store.batchWrite(part)));
  return capture.items.length;
}
