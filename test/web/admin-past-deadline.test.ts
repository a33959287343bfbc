import { type ComponentType, createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { I18nProvider } from '../../web/src/i18n';
import { formatDate } from '../../web/src/lib/format';
import type { Campaign } from '../../web/src/pages/admin/api';
import { PastDeadlinePrompt, PastDeadlineTag } from '../../web/src/pages/admin/CampaignLifecycle';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';

// 23:59 Stockholm time on 15 March is 22:59 UTC: the tag must name the Swedish day, not the UTC one.
const closesAt = '2026-03-15T22:59:00.000Z';
const campaign = { year: 2026, title: 'Medlemstest 2026', status: 'open', closesAt } as Campaign;
const after = Date.parse(closesAt) + 60_000;

// wouter's Router, typed as createElement takes it: its children as the third argument.
const SsrRouter = Router as ComponentType<{ ssrPath: string; children?: ReactNode }>;
/** The markup as the console renders it, in Swedish (the page's first language). */
const render = (node: ReactNode) =>
  renderToStaticMarkup(
    createElement(I18nProvider, null, createElement(SsrRouter, { ssrPath: '/kampanjer/2026' }, node)),
  );
/** The text a screen reader reads, tags stripped. */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the console: an open campaign past its deadline', () => {
  it('tags it in words with the date it passed, in Stockholm time', () => {
    const html = render(createElement(PastDeadlineTag, { campaign, now: after }));
    expect(text(html)).toBe('! Sista svarsdagen, 15 mars 2026, har passerat');
    // The "!" is decoration; the words carry the state.
    expect(html).toContain('<span aria-hidden="true">! </span>');
  });

  it('shows no tag before the deadline or for a campaign that is no longer open', () => {
    expect(render(createElement(PastDeadlineTag, { campaign, now: Date.parse(closesAt) - 1 }))).toBe('');
    expect(render(createElement(PastDeadlineTag, { campaign: { ...campaign, status: 'closed' }, now: after }))).toBe(
      '',
    );
  });

  it('words the tag in English too, with the English date', () => {
    expect(en['campaign.pastDeadline.tag'].replace('{date}', formatDate(closesAt, 'en'))).toBe(
      'The deadline, 15 March 2026, has passed',
    );
    // As the close confirmation words the same fact.
    expect(sv['campaign.close.deadlinePassed']).toBe(`${sv['campaign.pastDeadline.tag']}.`);
    expect(en['campaign.close.deadlinePassed']).toBe(`${en['campaign.pastDeadline.tag']}.`);
  });

  it('lists the next steps in order: close, review, publish, with the review and the publish confirmation at hand', () => {
    const html = render(createElement(PastDeadlinePrompt, { campaign, onClose: () => {}, onPublish: () => {} }));
    const steps = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => text(m[1] as string));
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/^Stäng kampanjen, .*Stäng kampanjen$/);
    expect(steps[1]).toMatch(/^Granska .*Till granskningen av 2026$/);
    expect(steps[2]).toMatch(/^Publicera Klimatläget när granskningen är klar\..*Publicera Klimatläget$/);
    expect(html).toContain('href="/granskning?ar=2026"');
    expect(html).toMatch(/<ol[^>]*aria-labelledby="past-deadline-next"/);
    expect(text(html)).toContain('Nästa steg');
  });

  it('leaves the publish button out where the page does not offer publishing, but still names the step', () => {
    const html = render(createElement(PastDeadlinePrompt, { campaign, onClose: () => {} }));
    expect(html).not.toMatch(/<button[^>]*>Publicera Klimatläget<\/button>/);
    expect(text(html)).toContain('Publicera Klimatläget när granskningen är klar.');
  });

  it('says the same next steps in English, and on the overview in both languages with the date', () => {
    expect(en['campaign.pastDeadline.next']).toBe('Next steps');
    expect(en['campaign.pastDeadline.stepClose']).toMatch(/^Close the campaign/);
    expect(en['campaign.pastDeadline.stepReview']).toMatch(/^Review/);
    expect(en['campaign.pastDeadline.stepPublish']).toMatch(/^Publish Klimatläget/);
    for (const dictionary of [sv, en]) expect(dictionary['progress.pastDeadline']).toContain('{date}');
    expect(sv['progress.pastDeadline']).toMatch(/stäng kampanjen, granska svaren och publicera Klimatläget/);
    expect(en['progress.pastDeadline']).toMatch(/close the campaign, review the answers and publish Klimatläget/);
  });
});
