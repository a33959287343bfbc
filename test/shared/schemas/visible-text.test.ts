import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { englishInputMessage, inputMessage } from '../../../shared/i18n/input-messages';
import { AddAdminInputSchema } from '../../../shared/schemas/admin.schema';
import { CreateCampaignInputSchema, UpdateCampaignInputSchema } from '../../../shared/schemas/campaign.schema';
import { CreateContactInputSchema, UpdateContactInputSchema } from '../../../shared/schemas/contact.schema';
import {
  CreateOrganisationInputSchema,
  OrganisationSchema,
  UpdateOrganisationInputSchema,
} from '../../../shared/schemas/organisation.schema';
import {
  NoteInputSchema,
  OverrideInputSchema,
  RemoveOverrideInputSchema,
} from '../../../shared/schemas/response.schema';
import { ExcuseInputSchema, ReopenInputSchema } from '../../../shared/schemas/response-admin.schema';
import { hasNameOrNoteControlCharacter, isInvisibleOnly, visibleText } from '../../../shared/schemas/visible-text';

const line = visibleText(z.string().trim().min(1).max(200));
const text = visibleText(z.string().trim().min(1).max(1000), { multiline: true });

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('visibleText', () => {
  it.each([
    ['NUL', 'Lu\u0000nd'],
    ['bell', 'Lund\u0007'],
    ['escape', '\u001b[31mLund'],
    ['DEL', 'Lund\u007f'],
    ['a C1 control', 'Lund\u0085'],
  ])('refuses %s in a line and in a text', (_name, value) => {
    expect(messages(line, value)).toEqual([inputMessage('textControlCharacter')]);
    expect(messages(text, value)).toEqual([inputMessage('textControlCharacter')]);
  });

  it.each([
    ['a line feed', 'Region\nSkåne'],
    ['a carriage return', 'Region\rSkåne'],
    ['a tab', 'Region\tSkåne'],
  ])('refuses %s in a line but keeps it in a text', (_name, value) => {
    expect(messages(line, value)).toEqual([inputMessage('textLineBreak')]);
    expect(text.parse(value)).toBe(value);
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b'],
    ['joiners', '\u200d\u200c\u2060'],
    ['a BOM', '\ufeff'],
    ['soft hyphens', '\u00ad\u00ad\u00ad'],
    ['a no-break space and an ideographic space', '\u00a0\u3000\u00a0'],
    ['a Hangul filler', '\u3164'],
    ['a Braille blank', '\u2800'],
    ['a variation selector and spaces', ' \ufe0f '],
  ])('refuses text of only %s', (_name, value) => {
    // What trim() takes away (BOM, no-break spaces) is refused as too short instead.
    const refusal = value.trim() === '' ? 'too_small' : 'custom';
    expect(line.safeParse(value).error?.issues.map((issue) => issue.code)).toEqual([refusal]);
    expect(text.safeParse(`${value}\n${value}`).error?.issues.map((issue) => issue.code)).toEqual([refusal]);
    expect(isInvisibleOnly(value)).toBe(true);
  });

  it('accepts ordinary names and notes, with joiners inside visible text', () => {
    expect(line.parse('  Malmö stad ')).toBe('Malmö stad');
    expect(line.parse('Åsa-Nisse Ögren')).toBe('Åsa-Nisse Ögren');
    expect(line.parse('👩\u200d💻 Kansliet')).toBe('👩\u200d💻 Kansliet');
    expect(text.parse('Hej!\r\n\r\nSvaret på fråga 3 saknar källa.\tTack.')).toContain('fråga 3');
  });

  it('says its messages in Swedish, and the API finds their English', () => {
    for (const key of ['textControlCharacter', 'textLineBreak', 'textInvisibleOnly'] as const) {
      expect(englishInputMessage(inputMessage(key))).toMatch(/^[A-Z][^åäö]*\.$/);
    }
  });

  it('tells control characters and invisible text apart', () => {
    expect(hasNameOrNoteControlCharacter('a\nb')).toBe(true);
    expect(hasNameOrNoteControlCharacter('a\nb', true)).toBe(false);
    expect(isInvisibleOnly('')).toBe(true);
    expect(isInvisibleOnly('\u200bx')).toBe(false);
  });
});

describe('the input schemas of free text', () => {
  const organisation = { id: '1281', name: 'Lund', type: 'kommun' };
  const campaign = {
    year: 2027,
    title: 'Medlemstest 2027',
    opensAt: '2027-03-01T08:00:00Z',
    closesAt: '2027-04-01T22:00:00Z',
  };

  it.each([
    ['an organisation name', CreateOrganisationInputSchema, (v: string) => ({ ...organisation, name: v })],
    ['an organisation rename', UpdateOrganisationInputSchema, (v: string) => ({ name: v })],
    ['a contact name', CreateContactInputSchema, (v: string) => ({ name: v, email: 'a@b.se', role: 'official' })],
    ['a contact rename', UpdateContactInputSchema, (v: string) => ({ name: v })],
    ['an admin name', AddAdminInputSchema, (v: string) => ({ name: v, email: 'a@b.se' })],
    ['a campaign title', CreateCampaignInputSchema, (v: string) => ({ ...campaign, title: v })],
    ['a campaign retitle', UpdateCampaignInputSchema, (v: string) => ({ title: v })],
    ['a reopen reason', ReopenInputSchema, (v: string) => ({ reason: `${v}${v}${v}` })],
    ['an exemption reason', ExcuseInputSchema, (v: string) => ({ reason: `${v}${v}${v}` })],
    ['an override reason', OverrideInputSchema, (v: string) => ({ question: 'q1', points: 1, reason: v })],
    ['an override removal reason', RemoveOverrideInputSchema, (v: string) => ({ reason: `${v}${v}${v}` })],
    ['a review note', NoteInputSchema, (v: string) => ({ message: v })],
  ] as const)('refuse NUL and invisible-only text in %s', (_name, schema: z.ZodType, input) => {
    expect(messages(schema, input('\u0000'))).toContain(inputMessage('textControlCharacter'));
    expect(messages(schema, input('\u200b'))).toContain(inputMessage('textInvisibleOnly'));
    expect(schema.safeParse(input('Ok!')).success).toBe(true);
  });

  it('still reads a name stored before the check', () => {
    expect(OrganisationSchema.parse({ id: '1281', name: 'Lu\u0000nd', type: 'kommun' }).name).toBe('Lu\u0000nd');
  });
});
