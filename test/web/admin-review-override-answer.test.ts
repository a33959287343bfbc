import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { I18nProvider } from '../../web/src/i18n';
import { enReview } from '../../web/src/pages/admin/i18n/review';
import { overrideAnswerChange } from '../../web/src/pages/admin/lib/review-override';
import { OverrideAnswerWarning } from '../../web/src/pages/admin/ReviewPage';

const survey = DEFAULT_SURVEYS.kommun as Record<string, unknown>;
const sv = { yes: 'Ja', no: 'Nej' };
/** Lund's M1: adjusted on "Skarpare än 2045", answered "klimatneutral senast 2030" after a reopen. */
const stale = { question: 'M1', answer: 'skarpare_an_2045', answerChanged: true };
const data = { M1: 'klimatneutral_2030' };

/** The markup as the console renders it, in Swedish (the page's first language). */
const render = (node: ReactNode) => renderToStaticMarkup(createElement(I18nProvider, null, node));
/** The text a screen reader reads, tags stripped. */
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the review row of an override whose answer changed since', () => {
  it('words both answers as the review words answers', () => {
    expect(overrideAnswerChange(stale, survey, data, 'sv', sv)).toEqual({
      madeOn: 'Skarpare än det nationella målet för 2045',
      current: 'Beslut om att bli klimatneutral senast 2030',
    });
  });

  it('warns in words, and says to keep or remove the override', () => {
    const change = overrideAnswerChange(stale, survey, data, 'sv', sv)!;
    const html = render(createElement(OverrideAnswerWarning, { change, canKeep: true }));
    expect(text(html)).toBe(
      '! Svaret har ändrats sedan justeringen (då: Skarpare än det nationella målet för 2045, nu: Beslut om att bli klimatneutral senast 2030). Behåll eller ta bort justeringen.',
    );
    // The "!" is decoration; the words carry the warning, not the colour.
    expect(html).toContain('<span aria-hidden="true">! </span>');
  });

  it('names an unanswered side, and says when keeping waits for a new submit', () => {
    const change = overrideAnswerChange({ ...stale, answer: null }, survey, data, 'sv', sv)!;
    const html = render(createElement(OverrideAnswerWarning, { change, canKeep: false }));
    expect(text(html)).toContain('(då: Ej besvarad, nu: Beslut om att bli klimatneutral senast 2030)');
    expect(text(html)).toMatch(/Behåll eller ta bort justeringen\. Du kan behålla den när svaret är inskickat igen\.$/);
  });

  it('shows nothing for an unchanged answer or an override stored before answers were recorded', () => {
    expect(overrideAnswerChange({ ...stale, answerChanged: false }, survey, data, 'sv', sv)).toBeNull();
    expect(overrideAnswerChange({ question: 'M1', answerChanged: null }, survey, data, 'sv', sv)).toBeNull();
    expect(overrideAnswerChange(undefined, survey, data, 'sv', sv)).toBeNull();
  });

  it('words the warning and the keep action in English too', () => {
    const change = overrideAnswerChange(stale, survey, data, 'en', { yes: 'Yes', no: 'No' })!;
    expect(change).toEqual({
      madeOn: 'Sharper than the national 2045 target',
      current: 'Decided to become climate neutral by 2030',
    });
    const words = enReview['review.answerChanged']
      .replace('{madeOn}', change.madeOn!)
      .replace('{current}', change.current!);
    expect(words).toBe(
      'The answer has changed since the override (then: Sharper than the national 2045 target, now: Decided to become climate neutral by 2030). Keep or remove the override.',
    );
    expect(enReview['review.keepOverride']).toBe('Keep the override');
  });
});
