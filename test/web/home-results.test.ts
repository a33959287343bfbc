import { describe, expect, it } from 'vitest';
import { defaultScorecardYear, resultsCard } from '../../web/src/pages/home-results';

describe("the home page's results card", () => {
  it('points to the newest published year when the organisation took part in it', () => {
    expect(resultsCard([2026, 2025, 2024], [2026, 2024])).toEqual({ kind: 'result', year: 2026, newest: 2026 });
  });

  it('points to the latest published year with a result when the organisation missed the newest', () => {
    // Vaxholm: a draft in 2026 (published), submitted 2025 and 2023; 2026 is never "its" result
    expect(resultsCard([2026, 2025, 2024], [2025, 2023])).toEqual({ kind: 'result', year: 2025, newest: 2026 });
  });

  it('promises no result when the organisation submitted no published year', () => {
    // Submitted this year, not published yet: the report is all there is
    expect(resultsCard([2025, 2024], [2026])).toEqual({ kind: 'report-only', newest: 2025 });
    expect(resultsCard([2025], [])).toEqual({ kind: 'report-only', newest: 2025 });
  });

  it('shows no card before anything is published', () => {
    expect(resultsCard([], [2025])).toBeNull();
  });
});

describe('/resultat without a year', () => {
  it("opens the newest published year with the organisation's own result, as the home card links to", () => {
    // Vaxholm missed 2026: its 2025 result, not a page saying 2026 has none
    expect(defaultScorecardYear([2026, 2025, 2024], [2025, 2023])).toBe(2025);
    expect(defaultScorecardYear([2026, 2025], [2026, 2025])).toBe(2026);
  });

  it('opens the newest published year when the organisation has no result (its page says why), and none before publishing', () => {
    expect(defaultScorecardYear([2025, 2024], [2026])).toBe(2025);
    expect(defaultScorecardYear([], [2025])).toBeNull();
  });
});
