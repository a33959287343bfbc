import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FromKansli, ResponseStatus } from '../../web/src/api/types';
import type { Lang } from '../../web/src/i18n';
import { KansliMessages } from '../../web/src/pages/survey/KansliMessages';
import { siteT } from '../helpers/translators';

const reopened: FromKansli = {
  reopen: {
    kind: 'reopened',
    at: '2026-05-05T08:00:00.000Z',
    reason: 'Komplettera M4b:\nkostnaden saknas.',
    closesAt: '2026-05-12T21:59:00.000Z',
  },
  notes: [
    { at: '2026-04-20T08:00:00.000Z', message: 'Tack för svaren!' },
    { at: '2026-04-21T09:30:00.000Z', message: 'Kan ni <b>komplettera</b> M4b?' },
  ],
};

function render(
  fromKansli: FromKansli | undefined,
  status: ResponseStatus,
  lang: Lang,
  headingLevel: 2 | 3 = 2,
  published = false,
) {
  return renderToStaticMarkup(
    createElement(KansliMessages, {
      fromKansli,
      status,
      published,
      deadline: '2026-05-12T21:59:00.000Z',
      headingLevel,
      t: siteT(lang),
      lang,
    }),
  );
}

/** Text as read, tags dropped. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe("the kansli's notice on the home and survey pages (KansliMessages)", () => {
  it('says in Swedish when and why the answers were reopened, and the last day to submit', () => {
    const read = text(render(reopened, 'draft', 'sv'));
    expect(read).toContain('Från kansliet');
    expect(read).toContain('Kansliet har öppnat ert svar igen 5 maj 2026 kl. 10:00:');
    expect(read).toContain('Komplettera M4b: kostnaden saknas.');
    expect(read).toContain('Svaren räknas inte som inskickade förrän ni skickar in dem igen.');
    expect(read).toContain('Sista dag att skicka in: 12 maj 2026 kl. 23:59.');
  });

  it('says the same in English', () => {
    const read = text(render(reopened, 'draft', 'en'));
    expect(read).toContain('From the secretariat');
    expect(read).toContain('The secretariat reopened your answers on 5 May 2026 at 10:00:');
    expect(read).toContain('Last day to submit: 12 May 2026 at 23:59.');
    expect(read).toContain('Message from the secretariat, 21 April 2026 at 11:30:');
  });

  it('says "more time" for an extension, without claiming the answers were reopened', () => {
    const extended: FromKansli = { reopen: { ...reopened.reopen!, kind: 'extended' }, notes: [] };
    const read = text(render(extended, 'not_started', 'sv'));
    expect(read).toContain('Kansliet har gett er längre tid att svara 5 maj 2026 kl. 10:00:');
    expect(read).not.toContain('öppnat ert svar igen');
    expect(read).not.toContain('inskickade förrän');
  });

  it('shows every note, newest first, with its date, the text escaped and its line breaks kept', () => {
    const html = render(reopened, 'draft', 'sv');
    const notes = [...html.matchAll(/data-kansli="note"/g)];
    expect(notes).toHaveLength(2);
    expect(html.indexOf('Kan ni')).toBeLessThan(html.indexOf('Tack för svaren!'));
    expect(html).toContain('Meddelande från kansliet 21 april 2026 kl. 11:30:');
    expect(html).toContain('Kan ni &lt;b&gt;komplettera&lt;/b&gt; M4b?');
    expect(html).toContain('<blockquote lang="sv">Komplettera M4b:\nkostnaden saknas.</blockquote>');
  });

  it('keeps the notes but drops the reopen once the answers are submitted again (the survey is read-only then)', () => {
    const html = render(reopened, 'submitted', 'sv');
    expect(html).not.toContain('data-kansli="reopen"');
    expect(text(html)).toContain('Kan ni');
  });

  it('tells a member with a note on submitted answers who can open them again, until the campaign is published', () => {
    const ask = 'Behöver ni ändra dem ber ni kansliet att öppna dem igen:';
    expect(text(render(reopened, 'submitted', 'sv'))).toContain(ask);
    expect(render(reopened, 'submitted', 'sv')).toContain('href="mailto:');
    expect(text(render(reopened, 'submitted', 'en'))).toContain('ask the secretariat to reopen them:');
    expect(text(render(reopened, 'submitted', 'sv', 2, true))).not.toContain(ask);
    expect(text(render(reopened, 'draft', 'sv'))).not.toContain(ask);
  });

  it('is a section named by its heading, at the level the page asks, and never an alert or a live region', () => {
    const html = render(reopened, 'draft', 'sv', 3);
    const id = html.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(html).toMatch(/^<section /);
    expect(html).toContain(`<h3 id="${id}">Från kansliet</h3>`);
    expect(html).not.toMatch(/role="(alert|status)"|aria-live/);
  });

  it('shows nothing when the kansli has said nothing', () => {
    expect(render({ reopen: null, notes: [] }, 'draft', 'sv')).toBe('');
    expect(render(undefined, 'draft', 'sv')).toBe('');
  });
});
