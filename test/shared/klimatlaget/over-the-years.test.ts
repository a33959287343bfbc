import { describe, expect, it } from 'vitest';
import { overTheYears, yearFigures } from '../../../shared/klimatlaget/over-the-years';
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
        kommun: { respondents: 12, max: 68, total: { mean: 0.6123, median: 0.65 } },
        region: { respondents: 2, max: 40, total: null, suppressed: true },
      },
    } as unknown as KlimatlagetReport;
    expect(yearFigures(report)).toEqual({
      kommun: { respondents: 12, max: 68, mean: 0.6123, median: 0.65 },
      region: { respondents: 2, max: 40, mean: null, median: null },
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
