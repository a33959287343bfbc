import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import sv from 'zod/v4/locales/sv.js';
import {
  englishInputMessage,
  inputMessageEntries,
  inputText,
  type MessageValue,
} from '../../../shared/i18n/input-messages';
import { ReminderPolicySchema, ReminderStepIdSchema } from '../../../shared/reminders/reminder-policy.schema';
import { validatePolicy } from '../../../shared/reminders/validate-policy';
import { UpdateCampaignInputSchema } from '../../../shared/schemas/campaign.schema';
import { UpdateContactInputSchema } from '../../../shared/schemas/contact.schema';
import {
  CreateOrganisationInputSchema,
  UpdateOrganisationInputSchema,
} from '../../../shared/schemas/organisation.schema';

const SWEDISH_LETTERS = /[åäöÅÄÖ]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the table of hand-written input messages', () => {
  it.each(inputMessageEntries())('%s has an English text with the same values and no Swedish', (_key, entry) => {
    expect(entry.en.trim()).not.toBe('');
    expect(entry.en).not.toBe(entry.sv);
    expect(entry.en).not.toMatch(SWEDISH_LETTERS);
    expect(placeholders(entry.en)).toEqual(placeholders(entry.sv));
  });

  it.each(inputMessageEntries())('%s: the English is found from the Swedish, values carried over', (key, entry) => {
    const values: Record<string, MessageValue> = Object.fromEntries(
      placeholders(entry.sv).map((name, index) => [name, `V${index}-${name}`]),
    );
    const { message, messageEn } = inputText(key, values);
    expect(englishInputMessage(message)).toBe(messageEn);
  });

  it('finds nothing for a text that is not in it', () => {
    expect(englishInputMessage('Något helt annat.')).toBeUndefined();
    expect(englishInputMessage('')).toBeUndefined();
  });
});

/** Every issue a schema raises, under the API's Swedish locale. */
function issuesOf(schema: z.ZodType, input: unknown) {
  z.config(sv());
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error?.issues ?? [];
}

describe("the schemas' own messages come from the table", () => {
  it.each([
    ['a reminder policy', ReminderPolicySchema, { steps: [-3, 0, 400, 1.5] }, 4],
    ['a step twice', ReminderPolicySchema, { steps: [7, 7] }, 1],
    ['a send window', ReminderPolicySchema, { sendWindow: { weekdays: ['mån'], start: '8' } }, 2],
    ['an empty send window', ReminderPolicySchema, { sendWindow: { weekdays: [], start: '10:00', end: '09:00' } }, 2],
    ['too many steps', ReminderPolicySchema, { steps: Array.from({ length: 21 }, (_, i) => i + 1) }, 1],
    ['a step id', ReminderStepIdSchema, 'd0x', 1],
    ['a kommun with a länskod', CreateOrganisationInputSchema, { id: '12', name: 'X', type: 'kommun' }, 1],
    ['a kommun with a bad code', CreateOrganisationInputSchema, { id: '9999', name: 'X', type: 'kommun' }, 1],
    ['a region with a kommunkod', CreateOrganisationInputSchema, { id: '1281', name: 'X', type: 'region' }, 1],
    ['a region with a bad code', CreateOrganisationInputSchema, { id: '02', name: 'X', type: 'region' }, 1],
    ['membership dates', UpdateOrganisationInputSchema, { memberSince: '2026-02-01', memberUntil: '2026-01-01' }, 1],
    [
      'campaign dates',
      UpdateCampaignInputSchema,
      { opensAt: '2026-03-02T00:00:00Z', closesAt: '2026-03-01T00:00:00Z' },
      1,
    ],
    ['an organisation code', UpdateContactInputSchema, { organisationId: 'x' }, 1],
  ] as const)('%s', (_name, schema, input, count) => {
    const issues = issuesOf(schema as z.ZodType, input);
    const own = issues.filter((issue) => englishInputMessage(issue.message) !== undefined);
    expect(own.length, JSON.stringify(issues.map((issue) => issue.message))).toBe(count);
    for (const issue of own) expect(englishInputMessage(issue.message)).not.toMatch(SWEDISH_LETTERS);
  });

  it('validatePolicy gives every problem in English too, also those against the dates', () => {
    const campaign = {
      opensAt: new Date('2026-03-02T08:00:00+01:00'),
      closesAt: new Date('2026-03-31T17:00:00+02:00'),
    };
    const tooEarly = validatePolicy({ steps: [45, 7] }, campaign);
    const bad = validatePolicy({ steps: [-1], minDaysBetween: 'x', extra: 1 }, campaign);
    const warned = validatePolicy({ steps: [14, 13, 7, 2], maxReminders: 2 }, campaign);
    const problems = [
      ...(tooEarly.ok ? [] : tooEarly.errors),
      ...(bad.ok ? [] : bad.errors),
      ...(warned.ok ? warned.warnings : []),
    ];
    expect(problems.map((p) => p.code).sort()).toEqual(
      [
        'invalid_value',
        'invalid_value',
        'negative_days',
        'step_before_open',
        'steps_too_close',
        'too_many_steps',
      ].sort(),
    );
    for (const problem of problems) {
      expect(problem.messageEn, problem.message).not.toMatch(SWEDISH_LETTERS);
      expect(problem.messageEn).not.toBe(problem.message);
    }
    expect(tooEarly.ok ? undefined : tooEarly.errors[0]?.messageEn).toMatch(
      /^The reminder 45 days before closing would go out .*, before or at the same time as the invitation \(.*\)\. The campaign is \d+ days long\.$/,
    );
  });
});

describe('no hand-written Swedish message outside the table', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const files = [
    ...readdirSync(path.join(root, 'shared/reminders'))
      .filter((name) => name.endsWith('.schema.ts'))
      .map((name) => `shared/reminders/${name}`),
    ...readdirSync(path.join(root, 'shared/schemas'))
      .filter((name) => name.endsWith('.ts') && name !== 'response.schema.ts')
      .map((name) => `shared/schemas/${name}`),
    'shared/reminders/validate-policy.ts',
  ];

  it.each(files)('%s words none of its messages in a string of its own', (file) => {
    const code = readFileSync(path.join(root, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    const swedishStrings = [...code.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1/g)]
      .map((match) => match[2] ?? '')
      .filter((text) => SWEDISH_LETTERS.test(text));
    expect(swedishStrings).toEqual([]);
  });
});
