import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type { Contact } from '../../../shared/schemas/contact.schema';
import type { Organisation } from '../../../shared/schemas/organisation.schema';
import { sampleAnswers } from '../../../shared/scoring/sample-answers';
import { listScoredQuestions } from '../../../shared/scoring/scored-questions';
import { CampaignRepository } from '../../features/campaigns/campaign.repository';
import { DEFAULT_SURVEYS } from '../../features/campaigns/default-surveys';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { seededResponseItem } from './seeded-response';

const DAY = 24 * 3600 * 1000;

/**
 * The demo cycle: this year's campaign open (opened 7 days ago, closes in 30 days) with a few
 * drafts and submissions, and last year's closed with plausible submitted answers for most
 * organisations, so progress, scorecards and Klimatläget have data to show. The year before that
 * is closed too, with submitted answers from most of the same organisations, so last year's
 * Klimatläget has a change since the year before to show (and can itself be published).
 */
export async function seedDemoCampaigns(input: {
  store: TableStore;
  clock: Clock;
  organisations: Organisation[];
  contacts: Map<string, Contact[]>;
  reminderPolicy: Record<string, unknown>;
}): Promise<{ years: number[]; responses: number }> {
  const { store, clock, organisations } = input;
  const now = clock.now();
  const year = now.getUTCFullYear();
  const repo = new CampaignRepository(store);
  const stamp = now.toISOString();
  const campaign = (y: number, status: Campaign['status'], opensAt: Date, closesAt: Date): Campaign => ({
    year: y,
    title: `Medlemstest ${y}`,
    surveys: DEFAULT_SURVEYS,
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    status,
    reminderPolicy: input.reminderPolicy,
    createdAt: stamp,
    updatedAt: stamp,
  });
  const last = campaign(
    year - 1,
    'closed',
    new Date(Date.UTC(year - 1, 8, 1, 6)),
    new Date(Date.UTC(year - 1, 9, 15, 21)),
  );
  const current = campaign(year, 'open', new Date(now.getTime() - 7 * DAY), new Date(now.getTime() + 30 * DAY));
  const earlier = campaign(
    year - 2,
    'closed',
    new Date(Date.UTC(year - 2, 8, 1, 6)),
    new Date(Date.UTC(year - 2, 9, 15, 21)),
  );
  await createIfMissing(repo, earlier);
  await createIfMissing(repo, last);
  await createIfMissing(repo, current);
  await repo.takeOpenLock(year, stamp);

  let responses = 0;
  for (const [index, organisation] of organisations.entries()) {
    const contact = input.contacts.get(organisation.id)?.[index % 2];
    const editor = { name: contact?.name ?? 'Demo', email: contact?.email ?? 'demo@example.se' };
    // The year before: about eight in ten submitted, from other random answers, so scores change.
    if (index % 10 !== 7 && index % 10 !== 4) {
      await store.put(
        seededResponseItem({
          campaign: earlier,
          organisation,
          data: sample(earlier, organisation, 500 + index),
          status: 'submitted',
          editor,
          at: earlier.closesAt,
        }),
      );
      responses++;
    }
    // Last year: about nine in ten submitted.
    if (index % 10 !== 7) {
      await store.put(
        seededResponseItem({
          campaign: last,
          organisation,
          data: sample(last, organisation, index + 1),
          status: 'submitted',
          editor,
          at: last.closesAt,
        }),
      );
      responses++;
    }
    // This year: a mix of not started, drafts and a few submitted.
    const state = index % 6;
    if (state === 1 || state === 2 || state === 4) {
      const full = sample(current, organisation, 1000 + index);
      const partial = Object.fromEntries(Object.entries(full).slice(0, 8 + index * 3));
      await store.put(
        seededResponseItem({
          campaign: current,
          organisation,
          data: partial,
          status: 'draft',
          editor,
          at: new Date(now.getTime() - (index % 5) * DAY).toISOString(),
        }),
      );
      responses++;
    } else if (state === 5) {
      await store.put(
        seededResponseItem({
          campaign: current,
          organisation,
          data: sample(current, organisation, 2000 + index),
          status: 'submitted',
          editor,
          at: new Date(now.getTime() - DAY).toISOString(),
        }),
      );
      responses++;
    }
  }
  return { years: [year - 2, year - 1, year], responses };
}

function sample(campaign: Campaign, organisation: Organisation, seed: number): Record<string, unknown> {
  const survey = campaign.surveys[organisation.type];
  const [answers] = sampleAnswers(survey, 1, seed);
  // Members meet the basic requirements, as membership demands; about one in eight misses one.
  const gates = listScoredQuestions(survey).filter((question) => question.gate);
  const gateAnswers = Object.fromEntries(
    gates.map((question, i) => [question.name, seed % 8 === 3 && i === 0 ? false : yesOf(question)]),
  );
  return { ...answers, ...gateAnswers, organisation: organisation.name };
}

function yesOf(question: { type: string; choices?: Array<{ value: unknown; score?: number }> }): unknown {
  if (question.type === 'boolean' || !question.choices?.length) return true;
  return [...question.choices].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0]?.value;
}

async function createIfMissing(repo: CampaignRepository, campaign: Campaign): Promise<void> {
  if (!(await repo.get(campaign.year))) await repo.create(campaign);
}
