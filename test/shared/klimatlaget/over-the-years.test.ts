import { describe, expect, it } from 'vitest';
import { areasOverTheYears, overTheYears, yearFigures } from '../../../shared/klimatlaget/over-the-years';
import type { KlimatlagetReport, PublishedYear, YearFigures } from '../../../shared/klimatlaget/report.schema';

const figures = (respondents: number, max: number, mean: number | null, median: number | null): YearFigures => ({
  respondents,
  max,
  mean,
  median,
});
const none = figures(0, 66, null, null);

function year(y: number, kommun: YearFigures, region: YearFigures = none): PublishedYear {
  return {
    year: y,
    revision: 1,
    publishedAt: `${y}-11-01T10:00:00.000Z`,
    respondents: kommun.respondents + region.respondents,
    organisations: 30,
    figures: { kommun, region },
  };
}

describe('yearFigures: a report’s headline figures per type', () => {
  it('takes each type’s respondents, maximum and total, null where the total is withheld', () => {
    const report = {
      byType: {
        kommun: {
          respondents: 12,
          max: 68,
          total: { mean: 0.6123, median: 0.65 },
          sections: [
            { name: 'styrning', title: 'Styrning', titleEn: 'Governance', max: 10, n: 12, mean: 0.7, median: 0.8 },
            { name: 'energi', title: 'Energi', max: 8, n: 12, mean: 0.5, median: 0.5 },
          ],
        },
        region: { respondents: 2, max: 40, total: null, suppressed: true, sections: [] },
      },
    } as unknown as KlimatlagetReport;
    expect(yearFigures(report)).toEqual({
      kommun: {
        respondents: 12,
        max: 68,
        mean: 0.6123,
        median: 0.65,
        // Each area's mean share, not its median or count: the over-the-years table shows means.
        sections: [
          { name: 'styrning', title: 'Styrning', titleEn: 'Governance', max: 10, mean: 0.7 },
          { name: 'energi', title: 'Energi', max: 8, mean: 0.5 },
        ],
      },
      region: { respondents: 2, max: 40, mean: null, median: null, sections: [] },
    });
  });
});

describe('overTheYears: which types can be compared over the published years', () => {
  it('lists a type’s years oldest first, only those it had respondents', () => {
    const list = [year(2025, figures(14, 66, 0.61, 0.6)), year(2023, figures(10, 66, 0.5, null)), year(2024, none)];
    expect(overTheYears(list)).toEqual([
      {
        type: 'kommun',
        years: [
          { year: 2023, ...figures(10, 66, 0.5, null) },
          { year: 2025, ...figures(14, 66, 0.61, 0.6) },
        ],
        maxChanged: false,
      },
    ]);
  });

  it('needs two years of a type: one year is no comparison', () => {
    expect(overTheYears([year(2025, figures(14, 66, 0.61, 0.6), figures(4, 40, 0.5, null))])).toEqual([]);
    const regionOnce = overTheYears([
      year(2024, figures(9, 66, 0.55, 0.5), figures(3, 40, 0.4, null)),
      year(2025, figures(14, 66, 0.61, 0.6)),
    ]);
    expect(regionOnce.map((t) => t.type)).toEqual(['kommun']);
  });

  it('keeps a withheld year (respondents, no figures) and says when the maximum changed', () => {
    const [kommun] = overTheYears([year(2024, figures(2, 66, null, null)), year(2025, figures(14, 68, 0.61, 0.6))]);
    expect(kommun?.years.map((y) => y.mean)).toEqual([null, 0.61]);
    expect(kommun?.maxChanged).toBe(true);
  });

  it('leaves out a year listed without figures rather than showing it as zero', () => {
    const { figures: _, ...bare } = year(2023, figures(10, 66, 0.5, null));
    const result = overTheYears([bare, year(2024, figures(9, 66, 0.55, 0.5)), year(2025, figures(14, 66, 0.6, 0.6))]);
    expect(result[0]?.years.map((y) => y.year)).toEqual([2024, 2025]);
  });
});

describe('areasOverTheYears: each area’s mean share, compared over the published years', () => {
  type Area = NonNullable<YearFigures['sections']>[number];
  const area = (name: string, max: number, mean: number | null, title = name.toUpperCase()): Area => ({
    name,
    title,
    max,
    mean,
  });
  const withAreas = (respondents: number, sections: Area[]): YearFigures => ({
    ...figures(respondents, 66, 0.5, null),
    sections,
  });

  it('lists the areas of the latest year in its order, one cell per year, and the change in share points', () => {
    const list = [
      year(2025, withAreas(14, [area('energi', 8, 0.625), area('styrning', 10, 0.8)])),
      year(2024, withAreas(12, [area('styrning', 10, 0.6), area('energi', 8, 0.5)])),
    ];
    const [kommun] = areasOverTheYears(list);
    expect(kommun?.type).toBe('kommun');
    expect(kommun?.years).toEqual([2024, 2025]);
    expect(kommun?.areas.map((a) => a.name)).toEqual(['energi', 'styrning']);
    expect(kommun?.areas[1]).toEqual({
      name: 'styrning',
      title: 'STYRNING',
      years: [
        { year: 2024, max: 10, mean: 0.6 },
        { year: 2025, max: 10, mean: 0.8 },
      ],
      maxChanged: false,
      change: expect.closeTo(0.2, 10),
    });
    expect(kommun?.areas[0]?.change).toBeCloseTo(0.125, 10);
  });

  it('marks a year without the area, leaves out an area of one year only, and titles an area as the latest year does', () => {
    const list = [
      year(2023, withAreas(10, [area('styrning', 10, 0.5, 'Styrning och ledning'), area('gammalt', 4, 0.5)])),
      year(2024, withAreas(12, [area('styrning', 10, 0.6, 'Styrning')])),
      year(2025, withAreas(14, [area('styrning', 10, 0.7, 'Styrning'), area('nytt', 6, 0.4), area('ko', 2, 0.9)])),
    ];
    const [kommun] = areasOverTheYears(list);
    expect(kommun?.areas.map((a) => a.name)).toEqual(['styrning']);
    expect(kommun?.areas[0]?.title).toBe('Styrning');
    const twoOfThree = areasOverTheYears([
      year(2023, withAreas(10, [area('nytt', 6, 0.2)])),
      year(2024, withAreas(12, [area('styrning', 10, 0.6)])),
      year(2025, withAreas(14, [area('nytt', 6, 0.4), area('styrning', 10, 0.7)])),
    ]);
    expect(twoOfThree[0]?.areas.find((a) => a.name === 'nytt')?.years).toEqual([
      { year: 2023, max: 6, mean: 0.2 },
      null,
      { year: 2025, max: 6, mean: 0.4 },
    ]);
  });

  it('gives no change when the area’s maximum changed or fewer than two years show a mean', () => {
    const list = [
      year(2023, withAreas(2, [area('energi', 8, null), area('styrning', 10, null)])),
      year(2024, withAreas(12, [area('energi', 8, 0.5), area('styrning', 10, 0.6)])),
      year(2025, withAreas(14, [area('energi', 9, 0.6), area('styrning', 10, null)])),
    ];
    const [kommun] = areasOverTheYears(list);
    const energi = kommun?.areas.find((a) => a.name === 'energi');
    const styrning = kommun?.areas.find((a) => a.name === 'styrning');
    expect(energi).toMatchObject({ maxChanged: true, change: null });
    expect(styrning).toMatchObject({ maxChanged: false, change: null });
  });

  it('compares only years whose figures hold the areas, and needs two of them', () => {
    const list = [
      year(2023, figures(10, 66, 0.5, null)),
      year(2024, withAreas(12, [area('styrning', 10, 0.6)])),
      year(2025, withAreas(14, [area('styrning', 10, 0.7)])),
    ];
    expect(areasOverTheYears(list)[0]?.years).toEqual([2024, 2025]);
    expect(areasOverTheYears(list.slice(0, 2))).toEqual([]);
  });
});
