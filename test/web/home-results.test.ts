import { describe, expect, it } from 'vitest';
import { addressYear } from '../../web/src/lib/address-year';
import { defaultScorecardYear, resultsCard, scorecardTarget, scorecardYears } from '../../web/src/pages/home-results';

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

describe('/resultat: the other years offered, and what an address asks for', () => {
  it('offers only published years with a result of the organisation’s own, newest first', () => {
    // Trollhättan: submitted 2025 and 2023, not 2024; 2026 submitted but not published
    expect(scorecardYears([2024, 2025, 2023], [2026, 2025, 2023])).toEqual([2025, 2023]);
    expect(scorecardYears([2025], [])).toEqual([]);
  });

  it('names no year for an address that is none, and asks nothing of the API for a year no survey can have', () => {
    expect(scorecardTarget(addressYear('abc'), [2025], [2025])).toEqual({ year: null, missing: 'not_a_year' });
    expect(scorecardTarget(addressYear('2025.5'), [2025], [2025])).toEqual({ year: null, missing: 'not_a_year' });
    expect(scorecardTarget(addressYear('1999'), [2025], [2025])).toEqual({ year: 1999, missing: 'not_found' });
    expect(scorecardTarget(addressYear('2023'), [2025], [2025])).toEqual({ year: 2023 });
    expect(scorecardTarget(addressYear(undefined), [2025, 2024], [2024])).toEqual({ year: 2024 });
    expect(scorecardTarget(addressYear(undefined), [], [2024])).toEqual({ year: null, missing: 'none_published' });
  });
});
