import { describe, expect, it } from 'vitest';
import type { AreasOfType } from '../../shared/klimatlaget/over-the-years';
import { areasSummary, cellText, changeText, chartYears } from '../../web/src/pages/klimatlaget/areas-over-the-years';
import { siteT } from '../helpers/translators';

const areas: AreasOfType = {
  type: 'kommun',
  years: [2023, 2024, 2025],
  areas: [
    {
      name: 'styrning',
      title: 'Styrning',
      titleEn: 'Governance',
      years: [
        { year: 2023, max: 10, mean: 0.5 },
        { year: 2024, max: 10, mean: 0.6 },
        { year: 2025, max: 10, mean: 0.725 },
      ],
      maxChanged: false,
      change: 0.225,
    },
    {
      name: 'energi',
      title: 'Energi',
      years: [null, { year: 2024, max: 8, mean: null }, { year: 2025, max: 9, mean: 0.4 }],
      maxChanged: true,
      change: null,
    },
  ],
};

describe('the areas over the years on Klimatläget', () => {
  it('charts this report’s year beside the one before, or beside the next when it is the first', () => {
    expect(chartYears(areas, 2025)).toEqual({ from: 2024, to: 2025 });
    expect(chartYears(areas, 2024)).toEqual({ from: 2023, to: 2024 });
    expect(chartYears(areas, 2023)).toEqual({ from: 2023, to: 2024 });
    // A report year outside the compared years (no areas stored for it): the latest two.
    expect(chartYears(areas, 2026)).toEqual({ from: 2024, to: 2025 });
  });

  it('reads each area’s two means in words, an English title where there is one and Swedish marked as such', () => {
    const sv = areasSummary(areas, { from: 2024, to: 2025 }, siteT('sv'), 'sv');
    expect(sv.map((part) => (typeof part === 'string' ? part : part.text)).join('')).toBe(
      'Liggande stapeldiagram över medelvärdet i 2 områden 2024 och 2025. Styrning: 2024 60\u00a0%, 2025 73\u00a0%; Energi: 2024 för få svar för att visa, 2025 40\u00a0%.',
    );
    const en = areasSummary(areas, { from: 2024, to: 2025 }, siteT('en'), 'en');
    expect(en).toContainEqual({ text: 'Governance', lang: undefined });
    expect(en).toContainEqual({ text: 'Energi', lang: 'sv' });
  });

  it('says in a cell when the area was not in the survey or is withheld, and why a change is missing', () => {
    const t = siteT('sv');
    expect(cellText(areas.areas[1]!, 0, t, 'sv')).toBe('fanns inte med');
    expect(cellText(areas.areas[1]!, 1, t, 'sv')).toBe('För få svar för att visa');
    expect(cellText(areas.areas[0]!, 2, t, 'sv')).toBe('73\u00a0%');
    expect(changeText(areas.areas[0]!, t, 'sv')).toBe('+22,5');
    expect(changeText(areas.areas[1]!, t, 'sv')).toBe('maxpoängen ändrades');
    expect(changeText(areas.areas[1]!, siteT('en'), 'en')).toBe('maximum changed');
    expect(changeText({ ...areas.areas[0]!, change: null }, t, 'sv')).toBe('–');
  });
});
