import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { type AggregateResponse, aggregateKlimatlaget } from '../../shared/klimatlaget/index';
import { score } from '../../shared/scoring/score';
import type { TypeAggregate } from '../../web/src/api/types';
import { ChartFigure, LangText } from '../../web/src/components/charts/ChartFigure';
import { plainText, type TextPart } from '../../web/src/components/charts/chart-spec';
import { I18nProvider, type Lang } from '../../web/src/i18n';
import {
  areaSummary,
  areaSummaryParts,
  areasOf,
  localised,
  sectionsTexts,
  titleOf,
  tParts,
  yesQuestions,
} from '../../web/src/pages/klimatlaget/report-model';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { siteT } from '../helpers/translators';

/** The kommuner's aggregate of five respondents, as a snapshot without English texts holds it. */
function swedishOnlyKommuner(): TypeAggregate {
  const data = completeKommunAnswers();
  const responses: AggregateResponse[] = ['1281', '1280', '0380', '0180', '1480'].map((id) => ({
    organisationId: id,
    organisationType: 'kommun',
    status: 'submitted',
    data,
    score: score(DEFAULT_SURVEYS.kommun, data),
  }));
  const aggregate = aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses }).byType.kommun;
  // As published before English texts were stored: titleEn and textEn left out everywhere.
  return JSON.parse(JSON.stringify(aggregate), (key, value) =>
    key === 'titleEn' || key === 'textEn' ? undefined : value,
  ) as TypeAggregate;
}

/** The parts tagged Swedish. */
const swedishParts = (parts: readonly TextPart[]) =>
  parts.flatMap((part) => (typeof part !== 'string' && part.lang === 'sv' ? [part.text] : []));

describe('Klimatläget on an English page without English survey texts: the Swedish parts are kept apart', () => {
  const kommuner = swedishOnlyKommuner();
  const energy = areasOf(kommuner, () => 'Basic requirements').find((a) => a.name === 'energi')!;

  it("tags the area's Swedish name in the area chart's English title", () => {
    // Act
    const title = tParts(siteT('en'), 'report.area.chartTitle', { area: titleOf(energy, 'en') });
    // Assert
    expect(title).toEqual([{ text: energy.title, lang: 'sv' }, ': share answering yes']);
    expect(renderToStaticMarkup(createElement(LangText, { text: title }))).toBe(
      `<span lang="sv">${energy.title}</span>: share answering yes`,
    );
  });

  it("tags every question title the area chart's summary names, and only those", () => {
    // Arrange
    const questions = yesQuestions(energy);
    // Act
    const parts = areaSummaryParts(questions, siteT('en'), 'en');
    // Assert: the Swedish parts are question titles; the rest is the English sentence
    const titles = new Set(questions.map((q) => q.title));
    expect(swedishParts(parts).length).toBeGreaterThanOrEqual(2);
    for (const text of swedishParts(parts)) expect(titles.has(text)).toBe(true);
    expect(plainText(parts)).toBe(areaSummary(questions, siteT('en'), 'en'));
    expect(plainText(parts)).toMatch(/^Bar chart of \d+ questions: .* Highest: .+ \d+%\. Lowest: .+ \d+%\.$/);
  });

  it("tags the areas named in the areas chart's summary", () => {
    // Arrange
    const rows = (lang: Lang) =>
      kommuner.sections.filter((s) => s.max > 0).map((s) => ({ ...s, label: titleOf(s, lang) }));
    // Act
    const en = sectionsTexts(rows('en'), siteT('en'), 'en');
    const sv = sectionsTexts(rows('sv'), siteT('sv'), 'sv');
    // Assert: the highest and lowest area, each tagged; nothing is tagged on the Swedish page
    const areas = new Set(kommuner.sections.map((s) => s.title));
    expect(swedishParts(en.summaryParts)).toHaveLength(2);
    for (const text of swedishParts(en.summaryParts)) expect(areas.has(text)).toBe(true);
    expect(plainText(en.summaryParts)).toBe(en.summary);
    expect(swedishParts(sv.summaryParts)).toEqual([]);
  });

  it('tags the Swedish source in the emissions note on an English page, not on a Swedish one', () => {
    // Arrange
    const source = 'Klimatläget 2023 (Klimatkommunerna): Sveriges territoriella utsläpp per invånare';
    const note = (lang: Lang) =>
      tParts(siteT(lang), 'report.emissions.note', { source: localised(lang, source, undefined), group: 'x' });
    // Act
    const en = renderToStaticMarkup(createElement(LangText, { text: note('en') }));
    const sv = renderToStaticMarkup(createElement(LangText, { text: note('sv') }));
    // Assert
    expect(en).toContain(`(source: <span lang="sv">${source}</span>).`);
    expect(sv).toContain(`(källa: ${source}).`);
    expect(sv).not.toContain('lang=');
  });

  it('names the figure, its image and its table from elements that carry the tags, not from attributes', () => {
    // Arrange
    const questions = yesQuestions(energy);
    const figure = createElement(ChartFigure, {
      title: tParts(siteT('en'), 'report.area.chartTitle', { area: titleOf(energy, 'en') }),
      shortTitle: 'Share answering yes, question by question',
      summary: areaSummaryParts(questions, siteT('en'), 'en'),
      spec: { labels: [], series: [], axis: {} },
      height: 100,
      table: createElement('tbody'),
    });
    // Act
    const html = renderToStaticMarkup(createElement(I18nProvider, null, figure));
    // Assert: no mixed-language aria-label; each name points at an element with the Swedish part tagged
    expect(html).not.toContain('aria-label=');
    const target = (attribute: string) => new RegExp(`${attribute}="([^"]+)"`).exec(html)?.[1];
    const figureName = target('<figure class="kl-figure" aria-labelledby');
    const imageName = target('role="img" aria-labelledby');
    expect(html).toContain(`<caption id="${figureName}"><span lang="sv">${energy.title}</span>: share answering yes`);
    expect(html).toMatch(new RegExp(`<span id="${imageName}" hidden="">Bar chart of .*<span lang="sv">`));
  });
});
