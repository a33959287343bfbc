import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChartFigure } from '../../web/src/components/charts/ChartFigure';
import type { ChartText } from '../../web/src/components/charts/chart-spec';
import { I18nProvider } from '../../web/src/i18n';

function figure(title: ChartText, shortTitle?: string): string {
  return renderToStaticMarkup(
    createElement(
      I18nProvider,
      null,
      createElement(ChartFigure, {
        title,
        shortTitle,
        summary: 'Stapeldiagram.',
        spec: { labels: [], series: [], axis: {} },
        height: 100,
        table: createElement('tbody'),
      }),
    ),
  );
}

/**
 * The toggle's visible label and its accessible name: the text of the element its aria-labelledby
 * points at (hidden elements count when referenced so), with that element's markup.
 */
function toggle(html: string) {
  const button = /<button type="button" class="kl-toggle[^"]*"([^>]*)>(.*?)<\/button>/.exec(html);
  const target = /aria-labelledby="([^"]+)"/.exec(button?.[1] ?? '')?.[1];
  // The naming element is the last in the figure's head, so its markup ends where the head does.
  const open = `<span id="${target}" hidden="">`;
  const from = html.indexOf(open) + open.length;
  const inner = html.slice(from, html.indexOf('</span></figcaption>', from));
  const text = (markup: string) => markup.replace(/<[^>]+>/g, '');
  return { inner, name: text(inner), visible: text(button?.[2] ?? '') };
}

describe('the chart toggle names the chart it switches', () => {
  it('reads "Visa som tabell" and then the chart title, so two toggles on a page have different names', () => {
    // Act
    const bands = toggle(figure('Antal organisationer per betyg 2025'));
    const years = toggle(figure('Andel av maxpoängen per år, medelvärde'));
    // Assert: the visible label unchanged and first in the name (label in name, WCAG 2.5.3)
    expect(bands.visible).toBe('Visa som tabell');
    expect(bands.name).toBe('Visa som tabell: Antal organisationer per betyg 2025');
    expect(years.name).toBe('Visa som tabell: Andel av maxpoängen per år, medelvärde');
    expect(bands.name).not.toBe(years.name);
  });

  it('names the full title where a short one is shown, with a Swedish survey text tagged as Swedish', () => {
    // Act: an English area title whose area name is Swedish, shown under a short visible title
    const { inner, name } = toggle(
      figure([{ text: 'Energi', lang: 'sv' }, ': share answering yes'], 'Andel som svarade ja, fråga för fråga'),
    );
    // Assert
    expect(name).toBe('Visa som tabell: Energi: share answering yes');
    expect(inner).toContain('<span lang="sv">Energi</span>');
  });
});
