import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import { publishClosing } from '../../web/src/pages/admin/lib/publish-closing';

const closesAt = '2026-10-30T16:00:00.000Z';
const deadline = Date.parse(closesAt);

describe('the publish dialog: closing the campaign', () => {
  it('says publishing closes the campaign only while it is open, before or after its deadline', () => {
    expect(publishClosing({ status: 'open', closesAt }, deadline - 1)).toBe('beforeDeadline');
    expect(publishClosing({ status: 'open', closesAt }, deadline)).toBe('pastDeadline');
    for (const status of ['closed', 'published', 'draft']) {
      expect(publishClosing({ status, closesAt }, deadline - 1)).toBeNull();
      expect(publishClosing({ status, closesAt }, deadline + 1)).toBeNull();
    }
  });

  it('leaves closing out of the body every campaign gets, closed ones too', () => {
    expect(sv['campaign.confirm.publish.body']).not.toMatch(/stängs/);
    expect(en['campaign.confirm.publish.body']).not.toMatch(/closed|closes/);
    expect(sv['campaign.publish.closesPastDeadline']).toMatch(/stängs när du publicerar/);
    expect(en['campaign.publish.closesPastDeadline']).toMatch(/Publishing closes it/);
  });
});

describe('the console names a published report’s versions with one word', () => {
  it('says "version", as the Swedish and the public report do, never "revision"', () => {
    // The words only: "{revision}" is a placeholder's name, not shown.
    const words = (text: string) => text.replace(/\{\w+\}/g, '');
    for (const [key, text] of Object.entries(en)) expect(`${key}: ${words(text)}`).not.toMatch(/: .*\brevisions?\b/i);
    expect(en['campaign.done.publish']).toBe('Klimatläget is published, version {revision}.');
    expect(en['campaign.published.revision']).toMatch(/^Version \{revision\}:/);
    expect(sv['campaign.published.revision']).toMatch(/^Version \{revision\}:/);
    for (const text of Object.values(sv)) expect(words(text)).not.toMatch(/\brevision/i);
  });
});
