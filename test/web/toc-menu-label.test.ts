import { describe, expect, it } from 'vitest';
import type { Translate } from '../../web/src/i18n';
import { format, textForm } from '../../web/src/i18n';
import { en } from '../../web/src/i18n/en';
import { sv } from '../../web/src/i18n/sv';
import { tocMenuLabel } from '../../web/src/pages/survey/TocMenuButton';

const tIn =
  (dictionary: Record<keyof typeof sv, string>): Translate =>
  (key, params) =>
    // As translate: a count of one takes the key's singular form.
    format(textForm(key, params, (k) => dictionary[k as keyof typeof sv]) ?? key, params);

describe('the name of the contents’ menu button on a phone', () => {
  it('is "Enkätens sidor" when no page has answers to correct', () => {
    expect(tocMenuLabel(new Map(), tIn(sv))).toBe('Enkätens sidor');
    expect(tocMenuLabel(new Map([['p1', 0]]), tIn(en))).toBe('Survey pages');
  });

  it('says how many pages have answers to correct, which the "!" on it shows the eye', () => {
    const three = new Map([
      ['transport', 2],
      ['energi', 1],
      ['mat', 5],
    ]);
    expect(tocMenuLabel(three, tIn(sv))).toBe('Enkätens sidor (svar att rätta på 3 sidor)');
    expect(tocMenuLabel(three, tIn(en))).toBe('Survey pages (answers to correct on 3 pages)');
  });

  it('counts pages, not answers, and words one page in the singular', () => {
    const one = new Map([['transport', 4]]);
    expect(tocMenuLabel(one, tIn(sv))).toBe('Enkätens sidor (svar att rätta på 1 sida)');
    expect(tocMenuLabel(one, tIn(en))).toBe('Survey pages (answers to correct on 1 page)');
  });
});
