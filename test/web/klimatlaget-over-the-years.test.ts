import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { YearsOfType } from '../../shared/klimatlaget/over-the-years';
import type { PublishedReport, PublishedYear } from '../../web/src/api/types';
import { I18nProvider } from '../../web/src/i18n';
import { OverTheYears } from '../../web/src/pages/klimatlaget/KlimatlagetPage';
import { medianCell, overTheYearsTexts, withFiguresOf } from '../../web/src/pages/klimatlaget/report-model';
import { siteT } from '../helpers/translators';

const kommun = (max2025: number): YearsOfType => ({
  type: 'kommun',
  years: [
    { year: 2023, respondents: 10, max: 66, mean: 0.5, median: null },
    { year: 2024, respondents: 2, max: 66, mean: null, median: null },
    { year: 2025, respondents: 14, max: max2025, mean: 0.612, median: 0.6 },
  ],
  maxChanged: max2025 !== 66,
});

describe('the text of Klimatläget over the years', () => {
  it('reads every year’s mean per type, and a withheld year as withheld', () => {
    const { summary, maxChanged } = overTheYearsTexts([kommun(66)], siteT('sv'), 'sv');
    expect(summary).toBe(
      'Stapeldiagram över medelvärdet av andelen av maxpoängen per publicerat år. Kommunerna: 2023 50\u00a0%, 2024 för få svar för att visa, 2025 61\u00a0%.',
    );
    expect(maxChanged).toBe('');
  });

  it('says when and how the maximum changed, in Swedish and English', () => {
    expect(overTheYearsTexts([kommun(68)], siteT('sv'), 'sv').maxChanged).toBe(
      'Enkätens högsta möjliga poäng har ändrats mellan åren (kommunerna: 66 → 68 från 2025): varje års andel är av det årets max.',
    );
    expect(overTheYearsTexts([kommun(68)], siteT('en'), 'en').maxChanged).toBe(
      "The survey's maximum points changed between the years (municipalities: 66 → 68 from 2025): each year's share is of that year's maximum.",
    );
  });
});

describe('an earlier revision over the years', () => {
  it('shows its own year with that revision’s figures, the other years as listed', () => {
    const figures = (mean: number) => ({
      kommun: { respondents: 14, max: 66, mean, median: null },
      region: { respondents: 0, max: 40, mean: null, median: null },
    });
    const list: PublishedYear[] = [
      {
        year: 2025,
        revision: 2,
        publishedAt: '2026-03-02',
        respondents: 14,
        organisations: 20,
        figures: figures(0.544),
      },
      { year: 2024, revision: 1, publishedAt: '2025-03-02', respondents: 12, organisations: 20, figures: figures(0.5) },
    ];
    const first = {
      year: 2025,
      revision: 1,
      publishedAt: '2026-03-01',
      report: {
        byType: {
          kommun: {
            respondents: 14,
            max: 66,
            total: { mean: 0.546, median: 0.55 },
            sections: [{ name: 'styrning', title: 'Styrning', max: 10, n: 14, mean: 0.6, median: 0.6 }],
          },
          region: { respondents: 0, max: 40, total: null, sections: [] },
        },
      },
    } as unknown as PublishedReport;
    const shown = withFiguresOf(list, first);
    expect(shown[0]?.figures?.kommun).toEqual({
      respondents: 14,
      max: 66,
      mean: 0.546,
      median: 0.55,
      sections: [{ name: 'styrning', title: 'Styrning', max: 10, mean: 0.6 }],
    });
    expect(shown[1]).toBe(list[1]);
  });
});

describe('the median column of Klimatläget over the years', () => {
  const year = (y: number, respondents: number, mean: number | null, median: number | null): PublishedYear => ({
    year: y,
    revision: 1,
    publishedAt: `${y + 1}-03-01`,
    respondents,
    organisations: 20,
    figures: {
      kommun: { respondents, max: 66, mean, median },
      region: { respondents: 0, max: 40, mean: null, median: null },
    },
  });

  it('says from how many a median shows where only the median is withheld, not "too few to show"', () => {
    // Arrange: 2024 with 4 respondents shows a mean but no median; 2025 with 12 shows both
    const years = [year(2025, 12, 0.6, 0.61), year(2024, 4, 0.5, null)];
    // Act
    const html = renderToStaticMarkup(
      createElement(I18nProvider, null, createElement(OverTheYears, { years, year: 2025 })),
    );
    // Assert: the 2024 row's median cell says when it shows, beside its mean (words that may wrap on a phone)
    const row = /<tr><th scope="row">2024<\/th>(.*?)<\/tr>/.exec(html)?.[1];
    expect(row).toBe(
      '<td class="num">4</td><td class="num">66</td><td class="num">50\u00a0%</td><td class="num kl-words">Visas först vid minst 5 svar</td>',
    );
    expect(html).not.toContain('För få svar för att visa');
  });

  it('words the cell in both languages, and a year withheld altogether as withheld', () => {
    expect(medianCell({ mean: 0.5, median: null }, siteT('sv'), 'sv')).toBe('Visas först vid minst 5 svar');
    expect(medianCell({ mean: 0.5, median: null }, siteT('en'), 'en')).toBe('Shown from 5 responses');
    expect(medianCell({ mean: null, median: null }, siteT('sv'), 'sv')).toBe('För få svar för att visa');
    expect(medianCell({ mean: 0.5, median: 0.55 }, siteT('sv'), 'sv')).toBe('55\u00a0%');
  });
});
