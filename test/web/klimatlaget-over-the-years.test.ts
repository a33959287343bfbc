import { describe, expect, it } from 'vitest';
import type { YearsOfType } from '../../shared/klimatlaget/over-the-years';
import { overTheYearsTexts } from '../../web/src/pages/klimatlaget/report-model';
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
