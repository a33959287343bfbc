import { isSwedishHoliday } from '../../../shared/domain/swedish-holidays';
import { addDays, stockholmDate, stockholmInstant, weekdayOf } from '../../../shared/reminders/send-window';
import type { Campaign } from '../../../shared/schemas/campaign.schema';
import type { Contact } from '../../../shared/schemas/contact.schema';
import type { Organisation } from '../../../shared/schemas/organisation.schema';
import { seededRandom } from '../../../shared/scoring/sample-answers';
import { listScoredQuestions } from '../../../shared/scoring/scored-questions';
import { CampaignRepository } from '../../features/campaigns/campaign.repository';
import { DEFAULT_SURVEYS } from '../../features/campaigns/default-surveys';
import { policyForDates } from '../../features/campaigns/reminder-policy-check';
import type { Clock } from '../../ports/clock';
import type { TableStore } from '../../ports/table-store';
import { demoAnswers } from './demo-answers';
import { seededResponseItem } from './seeded-response';

const DAY = 24 * 3600 * 1000;

/** One response the demo seed stores: `seededResponseItem`'s input. */
export type DemoResponse = Parameters<typeof seededResponseItem>[0];

export interface DemoCampaigns {
  /** The year before last: closed. */
  earlier: Campaign;
  /** Last year: closed. */
  last: Campaign;
  /** This year: open. */
  current: Campaign;
}

/**
 * The end (23:59 Stockholm time) of the first working day at least 30 days after `now`, as a
 * kansli would set a deadline: not on a weekend or a holiday, so "sista dagen" has a morning to go out.
 */
function demoDeadline(now: Date): Date {
  let day = addDays(stockholmDate(now), 30);
  while (weekdayOf(day) === 'sat' || weekdayOf(day) === 'sun' || isSwedishHoliday(day)) day = addDays(day, 1);
  return stockholmInstant({ ...day, hour: 23, minute: 59 });
}

/**
 * The demo's three campaigns for the clock's year, each with `reminderPolicy` fitted to its own
 * dates as campaign creation fits a default one (`policyForDates`, the chosen policy kept beside it
 * when steps were taken out), so every stored policy can be saved again unchanged. Pure.
 */
export function demoCampaigns(now: Date, reminderPolicy: Record<string, unknown> = {}): DemoCampaigns {
  const year = now.getUTCFullYear();
  const stamp = now.toISOString();
  const campaign = (y: number, status: Campaign['status'], opensAt: Date, closesAt: Date): Campaign => {
    const dates = { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
    const { reminderPolicy: fitted, chosenReminderPolicy } = policyForDates(reminderPolicy, dates);
    return {
      year: y,
      title: `Medlemstest ${y}`,
      surveys: DEFAULT_SURVEYS,
      ...dates,
      status,
      reminderPolicy: fitted,
      ...(chosenReminderPolicy ? { chosenReminderPolicy } : {}),
      createdAt: stamp,
      updatedAt: stamp,
    };
  };
  return {
    earlier: campaign(
      year - 2,
      'closed',
      new Date(Date.UTC(year - 2, 8, 1, 6)),
      new Date(Date.UTC(year - 2, 9, 15, 21)),
    ),
    last: campaign(year - 1, 'closed', new Date(Date.UTC(year - 1, 8, 1, 6)), new Date(Date.UTC(year - 1, 9, 15, 21))),
    current: campaign(year, 'open', new Date(now.getTime() - 7 * DAY), demoDeadline(now)),
  };
}

/**
 * The demo's responses, pure and deterministic for a given `now`: last year's and the year before's
 * submitted by most organisations, and this year's a mix of not started, drafts and a few submitted.
 * Every submission holds answers submit would accept (`demoAnswers`); a draft is the first
 * part of such answers.
 */
export function demoResponses(input: {
  campaigns: DemoCampaigns;
  organisations: Organisation[];
  contacts: Map<string, Contact[]>;
  now: Date;
}): DemoResponse[] {
  const { campaigns, organisations, now } = input;
  const { earlier, last, current } = campaigns;
  const responses: DemoResponse[] = [];
  for (const [index, organisation] of organisations.entries()) {
    const contact = input.contacts.get(organisation.id)?.[index % 2];
    const editor = { name: contact?.name ?? 'Demo', email: contact?.email ?? 'demo@example.se' };
    // How far the organisation has come: its own level, a little further each year.
    const draw = seededRandom(7919 * (index + 1));
    const level = 0.1 + 0.4 * (draw() + draw());
    const answers = (campaign: Campaign, seed: number) =>
      sample(campaign, organisation, contact, seed, level + 0.04 * (campaign.year - earlier.year));
    // The year before: about eight in ten submitted, from other random answers, so scores change.
    if (index % 10 !== 7 && index % 10 !== 4) {
      responses.push({
        campaign: earlier,
        organisation,
        data: answers(earlier, 500 + index),
        status: 'submitted',
        editor,
        at: earlier.closesAt,
      });
    }
    // Last year: about nine in ten submitted.
    if (index % 10 !== 7) {
      responses.push({
        campaign: last,
        organisation,
        data: answers(last, index + 1),
        status: 'submitted',
        editor,
        at: last.closesAt,
      });
    }
    // This year: a mix of not started, drafts and a few submitted.
    const state = index % 6;
    if (state === 1 || state === 2 || state === 4) {
      const full = answers(current, 1000 + index);
      const partial = Object.fromEntries(Object.entries(full).slice(0, 8 + index * 3));
      responses.push({
        campaign: current,
        organisation,
        data: partial,
        status: 'draft',
        editor,
        at: new Date(now.getTime() - (index % 5) * DAY).toISOString(),
      });
    } else if (state === 5) {
      responses.push({
        campaign: current,
        organisation,
        data: answers(current, 2000 + index),
        status: 'submitted',
        editor,
        at: new Date(now.getTime() - DAY).toISOString(),
      });
    }
  }
  return responses;
}

/**
 * The demo cycle: this year's campaign open (opened 7 days ago, closes at the end of the first
 * working day 30 days or more from now) with a few drafts and submissions, and last year's closed
 * with plausible submitted answers for most organisations, so progress, scorecards and Klimatläget
 * have data to show. The year before that is closed too, with submitted answers from most of the
 * same organisations, so last year's Klimatläget has a change since the year before to show (and
 * can itself be published).
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
  const repo = new CampaignRepository(store);
  const campaigns = demoCampaigns(now, input.reminderPolicy);
  const { earlier, last, current } = campaigns;
  await createIfMissing(repo, earlier);
  await createIfMissing(repo, last);
  await createIfMissing(repo, current);
  await repo.takeOpenLock(current.year, now.toISOString());

  const responses = demoResponses({ campaigns, organisations, contacts: input.contacts, now });
  for (const response of responses) await store.put(seededResponseItem(response));
  return { years: [earlier.year, last.year, current.year], responses: responses.length };
}

/** Answers submit would accept, from the seed's random stream; see `demoAnswers`. */
function sample(
  campaign: Campaign,
  organisation: Organisation,
  contact: Contact | undefined,
  seed: number,
  ambition: number,
) {
  const survey = campaign.surveys[organisation.type];
  // Members meet the basic requirements, as membership demands; about one in eight misses one.
  const gates = listScoredQuestions(survey).filter((question) => question.gate);
  const gateAnswers = Object.fromEntries(
    gates.map((question, i) => [question.name, seed % 8 === 3 && i === 0 ? false : yesOf(question)]),
  );
  const respondent = contact
    ? {
        respondent_name: contact.name,
        respondent_role: contact.role === 'politician' ? 'kontaktpolitiker' : 'tjansteperson',
      }
    : {};
  return demoAnswers(
    survey,
    { ...gateAnswers, ...respondent, organisation: organisation.name },
    { random: seededRandom(seed), ambition: Math.min(ambition, 0.97), answerOptional: 0.85 },
  );
}

function yesOf(question: { type: string; choices?: Array<{ value: unknown; score?: number }> }): unknown {
  if (question.type === 'boolean' || !question.choices?.length) return true;
  return [...question.choices].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0]?.value;
}

async function createIfMissing(repo: CampaignRepository, campaign: Campaign): Promise<void> {
  if (!(await repo.get(campaign.year))) await repo.create(campaign);
}
