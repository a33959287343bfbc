import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../web/src/i18n';
import { NotAskedNote } from '../../web/src/pages/admin/CampaignLifecycle';
import { publishSummary } from '../../web/src/pages/admin/lib/campaign-lifecycle';

const row = (name: string, status: 'submitted' | 'draft' | 'not_started' | 'excused', inCampaign = true) => ({
  organisationId: name,
  name,
  status,
  closesAtOverride: null,
  inCampaign,
});

describe('why the console counts more organisations than Klimatläget asks', () => {
  it('names a former member listed only for its draft, and says it is not counted as asked', () => {
    // Göteborg left at the end of 2025 but keeps its 2026 draft; a former member that submitted counts.
    const summary = publishSummary(
      [row('Lund', 'submitted'), row('Göteborg', 'draft', false), row('Borås', 'submitted', false)],
      Date.now(),
    );
    expect(summary.total).toBe(3);
    expect(summary.notAsked).toEqual(['Göteborg']);
    const html = renderToStaticMarkup(
      createElement(I18nProvider, null, createElement(NotAskedNote, { names: summary.notAsked })),
    );
    expect(html.replace(/<[^>]+>/g, '')).toBe(
      'Göteborg är med här för sitt svar, men var inte medlem under kampanjen och har inte skickat in, så Klimatläget räknar den inte som tillfrågad.',
    );
  });

  it('says nothing when every row is asked', () => {
    const summary = publishSummary([row('Lund', 'submitted'), row('Malmö', 'draft')], Date.now());
    expect(summary.notAsked).toEqual([]);
    expect(
      renderToStaticMarkup(createElement(I18nProvider, null, createElement(NotAskedNote, { names: summary.notAsked }))),
    ).toBe('');
  });
});
