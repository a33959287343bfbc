import { describe, expect, it } from 'vitest';
import type { PublishedYear, Scorecard } from '../../web/src/api/types';
import { historySummary, scorecardHistory } from '../../web/src/pages/scorecard/scorecard-model';
import { siteT } from '../helpers/translators';

const card = (year: number, total: number, max: number, band: string | null) =>
  ({ year, organisationType: 'kommun', total, max, share: total / max, band }) as Scorecard;

const listed = (year: number, kommunMean: number | null): PublishedYear => ({
  year,
  revision: 1,
  publishedAt: `${year}-11-01T10:00:00.000Z`,
  respondents: 20,
  organisations: 30,
  figures: {
    kommun: { respondents: 18, max: 66, mean: kommunMean, median: null },
    region: { respondents: 2, max: 40, mean: 0.9, median: null },
  },
});

describe('a member’s result over the years', () => {
  it('lists each year oldest first with its own type’s mean that year', () => {
    const rows = scorecardHistory(
      [card(2025, 40, 68, 'B'), card(2023, 33, 66, null)],
      [listed(2025, 0.55), listed(2023, 0.5)],
    );
    expect(rows).toEqual([
      { year: 2023, total: 33, max: 66, share: 0.5, band: null, networkMean: 0.5 },
      { year: 2025, total: 40, max: 68, share: 40 / 68, band: 'B', networkMean: 0.55 },
    ]);
  });

  it('has no mean for a year the list does not give one (withheld, or not listed)', () => {
    const rows = scorecardHistory([card(2024, 30, 66, 'C'), card(2025, 40, 66, 'B')], [listed(2025, null)]);
    expect(rows.map((r) => r.networkMean)).toEqual([null, null]);
  });

  it('reads every year’s share and mean in its text alternative', () => {
    const rows = scorecardHistory(
      [card(2024, 33, 66, 'C'), card(2025, 44, 66, 'B')],
      [listed(2024, null), listed(2025, 0.6)],
    );
    expect(historySummary(rows, 'Lund', siteT('sv'), 'sv')).toBe(
      'Stapeldiagram över andelen av maxpoängen per år för Lund: 2024 50\u00a0%, 2025 67\u00a0%. Medelvärdet samma år: 2024 för få svar för att visa, 2025 60\u00a0%.',
    );
  });
});
