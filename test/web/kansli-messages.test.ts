import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FromKansli, ResponseStatus } from '../../web/src/api/types';
import type { Lang } from '../../web/src/i18n';
import { KansliMessages } from '../../web/src/pages/survey/KansliMessages';
import { siteT } from '../helpers/translators';

const reopened: FromKansli = {
  reopens: [
    {
      kind: 'reopened',
      at: '2026-05-05T08:00:00.000Z',
      reason: 'Komplettera M4b:\nkostnaden saknas.',
      closesAt: '2026-05-12T21:59:00.000Z',
    },
  ],
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

describe("the kansli's notice on the home, survey, receipt and scorecard pages (KansliMessages)", () => {
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
    const extended: FromKansli = { reopens: [{ ...reopened.reopens[0]!, kind: 'extended' }], notes: [] };
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

  it('keeps the reopen as history once the answers are submitted again: why, but no call to submit', () => {
    const html = render(reopened, 'submitted', 'sv');
    const read = text(html);
    expect(html).not.toContain('data-kansli="reopen"');
    expect(html).toContain('data-kansli="reopen-earlier"');
    expect(read).toContain('Kansliet öppnade ert svar igen 5 maj 2026 kl. 10:00:');
    expect(read).toContain('Komplettera M4b: kostnaden saknas.');
    expect(read).toContain('Sista dag att skicka in sattes då till 12 maj 2026 kl. 23:59.');
    expect(read).not.toContain('inskickade förrän');
    expect(read).not.toContain('Sista dag att skicka in:');
    expect(read).toContain('Kan ni');
  });

  it('shows every reopen, newest first, the latest on top while the answers are out again, in both languages', () => {
    const history: FromKansli = {
      reopens: [
        { kind: 'reopened', at: '2026-04-22T08:00:00.000Z', reason: 'FÖRSTA: komplettera M4b.' },
        {
          kind: 'extended',
          at: '2026-05-02T08:00:00.000Z',
          reason: 'ANDRA: mer tid.',
          closesAt: '2026-05-09T21:59:00.000Z',
        },
        { kind: 'reopened', at: '2026-05-05T08:00:00.000Z', reason: 'TREDJE: fel i M7.' },
      ],
      notes: [{ at: '2026-04-25T08:00:00.000Z', message: 'NOTERING: tack.' }],
    };
    const draft = render(history, 'draft', 'sv');
    // The latest is the call to submit again; the rest follow, notes among them by date
    const order = ['TREDJE', 'ANDRA', 'NOTERING', 'FÖRSTA'].map((word) => draft.indexOf(word));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect([...draft.matchAll(/data-kansli="reopen"/g)]).toHaveLength(1);
    expect([...draft.matchAll(/data-kansli="reopen-earlier"/g)]).toHaveLength(2);
    expect(text(draft)).toContain('Kansliet gav er längre tid att svara 2 maj 2026 kl. 10:00:');
    expect(text(draft)).toContain('Sista dag att skicka in sattes då till 9 maj 2026 kl. 23:59.');
    expect(text(draft)).toContain('Kansliet öppnade ert svar igen 22 april 2026 kl. 10:00:');
    // Submitted again (the receipt, the scorecard): all three as history, newest first
    const submitted = render(history, 'submitted', 'en', 2, true);
    const english = ['TREDJE', 'ANDRA', 'NOTERING', 'FÖRSTA'].map((word) => submitted.indexOf(word));
    expect(english).toEqual([...english].sort((a, b) => a - b));
    expect([...submitted.matchAll(/data-kansli="reopen-earlier"/g)]).toHaveLength(3);
    expect(text(submitted)).toContain('The secretariat gave you more time to answer on 2 May 2026 at 10:00:');
    expect(text(submitted)).toContain('The last day to submit was then set to 9 May 2026 at 23:59.');
    expect(text(submitted)).not.toContain('Last day to submit:');
  });

  it('gives the current reopen its own deadline when the page passes none (the receipt, the scorecard)', () => {
    const html = renderToStaticMarkup(
      createElement(KansliMessages, {
        fromKansli: reopened,
        status: 'draft',
        published: false,
        headingLevel: 2,
        t: siteT('sv'),
        lang: 'sv',
      }),
    );
    expect(text(html)).toContain('Sista dag att skicka in: 12 maj 2026 kl. 23:59.');
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
    expect(render({ reopens: [], notes: [] }, 'draft', 'sv')).toBe('');
    expect(render({ reopens: [], notes: [] }, 'submitted', 'sv')).toBe('');
    expect(render(undefined, 'draft', 'sv')).toBe('');
  });
});
