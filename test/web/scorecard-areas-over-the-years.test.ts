import { describe, expect, it } from 'vitest';
import { plainText } from '../../web/src/components/charts/chart-spec';
import {
  type OwnAreas,
  ownAreaCell,
  ownAreaChange,
  ownAreasSummary,
  ownChartYears,
} from '../../web/src/pages/scorecard/scorecard-model';
import { siteT } from '../helpers/translators';

const areas: OwnAreas = {
  years: [2023, 2025, 2026],
  areas: [
    {
      name: 'styrning',
      title: 'Styrning',
      titleEn: 'Governance',
      years: [
        { year: 2023, total: 4, max: 10, share: 0.4 },
        { year: 2025, total: 6, max: 10, share: 0.6 },
        { year: 2026, total: 7.5, max: 10, share: 0.75 },
      ],
      maxChanged: false,
      change: 0.15,
    },
    {
      name: 'energi',
      title: 'Energi',
      years: [null, { year: 2025, total: 4, max: 8, share: 0.5 }, { year: 2026, total: 6, max: 9, share: 6 / 9 }],
      maxChanged: true,
      change: null,
    },
    {
      name: 'borta',
      title: 'Borta',
      years: [{ year: 2023, total: 1, max: 4, share: 0.25 }, { year: 2025, total: 2, max: 4, share: 0.5 }, null],
      maxChanged: false,
      change: null,
    },
  ],
};

describe("the member's own areas over the years", () => {
  it('charts this year beside the year before it in the table', () => {
    expect(ownChartYears(areas)).toEqual({ from: 2025, to: 2026 });
  });

  it('gives a cell the points of that year’s maximum and the share, or says the area was not in the survey', () => {
    const t = siteT('sv');
    expect(ownAreaCell(areas.areas[0]!, 2, t, 'sv')).toEqual({ points: '7,5 av 10', share: '75\u00a0%' });
    expect(ownAreaCell(areas.areas[1]!, 0, t, 'sv')).toBe('fanns inte med');
    expect(ownAreaCell(areas.areas[1]!, 0, siteT('en'), 'en')).toBe('not in the survey');
    expect(ownAreaCell(areas.areas[1]!, 1, siteT('en'), 'en')).toEqual({ points: '4 of 8', share: '50%' });
  });

  it('gives the change in percentage points, none where the maximum changed, as Klimatläget words it', () => {
    const t = siteT('sv');
    expect(ownAreaChange(areas.areas[0]!, t, 'sv')).toBe('+15,0');
    expect(ownAreaChange(areas.areas[1]!, t, 'sv')).toBe('maxpoängen ändrades');
    expect(ownAreaChange(areas.areas[1]!, siteT('en'), 'en')).toBe('maximum changed');
    expect(ownAreaChange(areas.areas[2]!, t, 'sv')).toBe('–');
  });

  it('reads each area’s two shares in words, an English title where there is one and Swedish marked as such', () => {
    const sv = ownAreasSummary(areas, siteT('sv'), 'sv');
    expect(plainText(sv)).toBe(
      'Liggande stapeldiagram över er andel av maxpoängen i 3 områden 2025 och 2026. Styrning: 2025 60\u00a0%, 2026 75\u00a0%; Energi: 2025 50\u00a0%, 2026 67\u00a0%; Borta: 2025 50\u00a0%, 2026 fanns inte med.',
    );
    const en = ownAreasSummary(areas, siteT('en'), 'en');
    expect(en).toContainEqual({ text: 'Governance', lang: undefined });
    expect(en).toContainEqual({ text: 'Energi', lang: 'sv' });
    expect(plainText(ownAreasSummary({ ...areas, areas: areas.areas.slice(0, 1) }, siteT('en'), 'en'))).toBe(
      'Horizontal bar chart of your share of the maximum points in 1 area in 2025 and 2026. Governance: 2025 60%, 2026 75%.',
    );
  });
});
