import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { type AggregateResponse, aggregateKlimatlaget } from '../../shared/klimatlaget/index';
import { score } from '../../shared/scoring/score';
import type { PublishedReport, QuestionAggregate, TypeAggregate } from '../../web/src/api/types';
import type { Lang } from '../../web/src/i18n';
import { formatPercent } from '../../web/src/lib/format';
import {
  areaSummary,
  areasOf,
  bandsSummary,
  emissionsSeries,
  emissionsSummary,
  nationalLabel,
  nationalNote,
  sectionsTexts,
  titleOf,
  yesQuestions,
} from '../../web/src/pages/klimatlaget/report-model';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { siteT } from '../helpers/translators';

type Report = PublishedReport['report'];

/** The page's t over the real dictionaries (singular forms included, as t() picks them). */
const translator = siteT;
const LANGS = ['sv', 'en'] as const;

function response(id: string, type: 'kommun' | 'region', data: Record<string, unknown>): AggregateResponse {
  return {
    organisationId: id,
    organisationType: type,
    status: 'submitted',
    data,
    score: score(DEFAULT_SURVEYS[type], data),
  };
}

/** The kommuner's published figures with `n` respondents, half of them without the energy page's answers. */
function kommunerOf(n: number): TypeAggregate {
  const full = completeKommunAnswers();
  const partial = Object.fromEntries(Object.entries(full).filter(([key]) => !key.startsWith('E')));
  const ids = ['1281', '1280', '0380', '0180', '1480', '2480'].slice(0, n);
  const responses = ids.map((id, i) => response(id, 'kommun', i % 2 === 0 ? full : partial));
  return aggregateKlimatlaget({ year: 2026, surveys: DEFAULT_SURVEYS, responses }).byType.kommun as TypeAggregate;
}

/** The areas chart's rows as SectionsFigure builds them. */
const sectionRows = (aggregate: TypeAggregate, lang: Lang) =>
  aggregate.sections.filter((s) => s.max > 0).map((s) => ({ ...s, label: titleOf(s, lang) }));

/** Every percentage a text states ("58 %", "58%"). */
const percentages = (text: string) => [...text.matchAll(/[<>]?\s?\d+\s?%/g)].map((m) => m[0].replace(/\s/g, ''));
const percent = (share: number, lang: Lang) => formatPercent(share, lang).replace(/\s/g, '');

describe('the areas chart says mean and median only when the median is shown', () => {
  it('with five respondents names both, in Swedish and English', () => {
    // Arrange: five kommuner, so the medians are published
    const kommuner = kommunerOf(5);
    expect(kommuner.sections.every((s) => s.median !== null)).toBe(true);
    // Act
    const sv = sectionsTexts(sectionRows(kommuner, 'sv'), translator('sv'), 'sv');
    const en = sectionsTexts(sectionRows(kommuner, 'en'), translator('en'), 'en');
    // Assert
    expect(sv.summary).toMatch(/^Stapeldiagram över 7 områden med medelvärde och median av andelen av maxpoängen\. /);
    expect(sv.note).toMatch(/^Medelvärde och median av hur stor andel/);
    expect(en.summary).toMatch(/^Bar chart of 7 areas with the mean and median share of maximum points\. /);
    expect(en.note).toMatch(/^Mean and median of the share/);
  });

  it('with four names the mean alone, and states no number but the means', () => {
    // Arrange: four kommuner: the medians are withheld (MIN_GROUP_SIZE_MEDIAN is 5), the means shown
    const kommuner = kommunerOf(4);
    expect(kommuner.sections.every((s) => s.median === null && s.mean !== null)).toBe(true);
    for (const lang of LANGS) {
      // Act
      const rows = sectionRows(kommuner, lang);
      const { summary, note } = sectionsTexts(rows, translator(lang), lang);
      // Assert: no median in either text, and every percentage stated is a mean that is shown
      expect(summary).not.toMatch(/median/i);
      expect(note).not.toMatch(/median/i);
      expect(summary).toContain(lang === 'sv' ? 'med medelvärde av andelen' : 'with the mean share');
      expect(note).toMatch(lang === 'sv' ? /^Medelvärde av hur stor andel/ : /^Mean of the share/);
      const means = rows.map((s) => percent(s.mean!, lang));
      expect(percentages(summary).length).toBe(2);
      for (const stated of percentages(summary)) expect(means).toContain(stated);
    }
  });

  it('names the areas withheld instead of a figure, and finds the highest and lowest among those shown', () => {
    // Arrange: an area with too few answers to show (a section's own count below 3)
    const rows = sectionRows(kommunerOf(5), 'sv').map((s) =>
      s.name === 'energi' ? { ...s, n: 2, mean: null, median: null } : s,
    );
    const energy = rows.find((s) => s.name === 'energi')!;
    // Act
    const { summary } = sectionsTexts(rows, translator('sv'), 'sv');
    // Assert
    expect(summary).toMatch(new RegExp(` För få svar för att visa: ${energy.label.text}\\.$`));
    expect(summary).toMatch(/ Högst medelvärde: .+ \(\d+\s%\)\. Lägst: .+ \(\d+\s%\)\. /);
    expect(summary.split(' För få svar')[0]).not.toContain(`${energy.label.text} (`);
  });

  it('says nothing of a highest or lowest when no area has a figure', () => {
    // Arrange
    const rows = sectionRows(kommunerOf(5), 'en').map((s) => ({ ...s, mean: null, median: null }));
    // Act
    const { summary } = sectionsTexts(rows, translator('en'), 'en');
    // Assert: not "Highest mean: . Lowest: ."
    expect(summary).not.toMatch(/Highest|Lowest|%/);
    expect(summary).toContain(`Too few responses to show: ${rows.map((s) => s.label.text).join(', ')}.`);
  });
});

describe("an area's yes-share chart names only the shares shown", () => {
  const question = (overrides: Partial<QuestionAggregate>): QuestionAggregate => ({
    name: 'Q',
    title: 'Fråga?',
    titleEn: 'Question?',
    section: 'mal',
    type: 'boolean',
    gate: false,
    n: 10,
    yes: { value: true, count: 5, share: 0.5 },
    distribution: null,
    ...overrides,
  });
  const withheld = { n: 2, followUp: true, yes: { value: true, count: null, share: null }, suppressed: true as const };

  it('gives the highest and lowest of the shown shares and names the withheld question', () => {
    // Arrange: two shown, one follow-up that two answered
    const questions = [
      question({ name: 'M1', title: 'Mål?', titleEn: 'Targets?', yes: { value: true, count: 8, share: 0.8 } }),
      question({ name: 'M2', title: 'Plan?', titleEn: 'Plan?', yes: { value: true, count: 3, share: 0.3 } }),
      question({ name: 'M2b', title: 'Budget?', titleEn: 'Budget?', ...withheld }),
    ];
    // Act
    const sv = areaSummary(questions, translator('sv'), 'sv');
    const en = areaSummary(questions, translator('en'), 'en');
    // Assert
    expect(sv).toMatch(
      /^Stapeldiagram över 3 frågor: .+ Högst: Mål\? 80\s%\. Lägst: Plan\? 30\s%\. För få svar för att visa: Budget\?\.$/,
    );
    expect(en).toMatch(/ Highest: Targets\? 80%\. Lowest: Plan\? 30%\. Too few responses to show: Budget\?\.$/);
  });

  it('with every share withheld, says so and states no share', () => {
    // Arrange
    const questions = [
      question({ name: 'M2b', title: 'Budget?', ...withheld }),
      question({ name: 'M2c', title: 'Uppföljning?', ...withheld }),
    ];
    // Act
    const summary = areaSummary(questions, translator('sv'), 'sv');
    // Assert: not "Högst: . Lägst: ." and no "0 %"
    expect(summary).not.toMatch(/Högst|Lägst|%/);
    expect(summary).toMatch(/ För få svar för att visa: Budget\?, Uppföljning\?\.$/);
  });

  it('reads the same from a published aggregate: the shown questions of an area, none withheld', () => {
    // Arrange
    const [area] = areasOf(kommunerOf(5), () => 'Baskrav').filter((a) => a.name === 'energi');
    const questions = yesQuestions(area!);
    // Act
    const summary = areaSummary(questions, translator('en'), 'en');
    // Assert
    expect(summary).toMatch(new RegExp(`^Bar chart of ${questions.length} questions: .+ Highest: .+ Lowest: .+%\\.$`));
    expect(summary).not.toContain('Too few');
  });
});

describe('the band and emissions charts name what they leave out', () => {
  it('counts the bands of the respondents they rest on and names the type left out', () => {
    // Arrange: three kommuner and a region, too few to show on its own
    const full = completeKommunAnswers();
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: [...['1281', '1280', '0380'].map((id) => response(id, 'kommun', full)), response('12', 'region', {})],
    }) as Report;
    const rows = (report.bands ?? []).map((b) => ({ label: b.band ?? 'Inget betyg', count: b.count }));
    // Act
    const sv = bandsSummary(report, rows, translator('sv'), 'sv');
    const en = bandsSummary(report, rows, translator('en'), 'en');
    // Assert: "av 3", not "av 4", and why
    expect(sv).toMatch(/, av 3 som svarade\. .+\. Utan regionerna, som är för få för att visas för sig\.$/);
    expect(en).toMatch(/, of 3 that answered\. .+\. Without regions, too few to be shown on their own\.$/);
  });

  it('says nothing of a type left out when none is', () => {
    // Arrange
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: DEFAULT_SURVEYS,
      responses: ['1281', '1280', '0380'].map((id) => response(id, 'kommun', completeKommunAnswers())),
    }) as Report;
    // Act
    const summary = bandsSummary(report, [{ label: 'A', count: 3 }], translator('sv'), 'sv');
    // Assert
    expect(summary).toBe('Stapeldiagram över antalet organisationer per betyg, av 3 som svarade. A: 3.');
  });

  it('runs from the first year shown to the last, and names the years withheld', () => {
    // Arrange: 2015 rests on two organisations, 2023 too
    const trend = [
      { year: 2010, perInhabitant: 5, organisations: 6 },
      { year: 2015, perInhabitant: null, organisations: 2 },
      { year: 2022, perInhabitant: 3.26, organisations: 6 },
      { year: 2023, perInhabitant: null, organisations: 2 },
    ];
    // Act
    const sv = emissionsSummary('kommun', trend, 'Riket: 4,4', translator('sv'), 'sv');
    const en = emissionsSummary('kommun', trend, 'Sweden: 4.4', translator('en'), 'en');
    // Assert
    expect(sv).toBe(
      'Stapeldiagram över utsläppen per invånare bland kommunerna, från 2010: 5 till 2022: 3,3 ton. Riket: 4,4 ton. För få svar för att visa: 2015, 2023.',
    );
    expect(en).toMatch(
      /among the municipalities, from 2010: 5 to 2022: 3\.3 tonnes\. Sweden: 4\.4 tonnes\. Too few responses to show: 2015, 2023\.$/,
    );
  });

  it('names the organisations the bars rest on, the kommuner or the regions, never "the network"', () => {
    // Arrange: a region-only report has basis region
    const trend = [{ year: 2022, perInhabitant: 3.26, organisations: 6 }];
    for (const lang of LANGS) {
      // Act
      const kommun = emissionsSummary('kommun', trend, 'Riket: 4,4', translator(lang), lang);
      const region = emissionsSummary('region', trend, 'Riket: 4,4', translator(lang), lang);
      // Assert
      expect(kommun).not.toMatch(/nätverket|network/i);
      expect(region).toMatch(lang === 'sv' ? /bland regionerna,/ : /among the regions,/);
      expect(emissionsSeries('region', translator(lang)).label).toBe(
        lang === 'sv' ? 'Regionerna, ton per invånare' : 'Regions, tonnes per inhabitant',
      );
      expect(emissionsSeries('kommun', translator(lang)).label).toBe(
        lang === 'sv' ? 'Kommunerna, ton per invånare' : 'Municipalities, tonnes per inhabitant',
      );
    }
  });

  it("says which year Sweden's figure, drawn across every year, is from, when the source says", () => {
    const national = { perInhabitant: 4.4, source: 'Naturvårdsverket', year: 2022 };
    for (const lang of LANGS) {
      const t = translator(lang);
      expect(nationalLabel(national, t)).toContain('2022');
      expect(nationalNote(national, t)).toContain('2022');
      expect(nationalNote({ ...national, year: null, quotedIn: 2024 }, t)).toContain('2024');
      expect(nationalNote({ ...national, year: null }, t)).toBe('');
    }
  });
});
