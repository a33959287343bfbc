import { describe, expect, it } from 'vitest';
import { type OwnAreas, ownAreaCell, ownAreaMax } from '../../web/src/pages/scorecard/scorecard-model';
import { siteT } from '../helpers/translators';

type OwnArea = OwnAreas['areas'][number];

const area = (years: OwnArea['years']): OwnArea => ({
  name: 'energi',
  title: 'Energi',
  years,
  maxChanged: false,
  change: null,
});

describe("a phone's table of the member's own areas over the years", () => {
  it('gives an area its maximum once only when it is the same in every year the area was in', () => {
    const same = area([
      null,
      { year: 2025, total: 4, max: 8, share: 0.5 },
      { year: 2026, total: 6, max: 8, share: 0.75 },
    ]);
    expect(ownAreaMax(same)).toBe(8);
    const changed = area([
      { year: 2025, total: 4, max: 8, share: 0.5 },
      { year: 2026, total: 6, max: 9, share: 6 / 9 },
    ]);
    expect(ownAreaMax(changed)).toBeNull();
    expect(ownAreaMax(area([null, null]))).toBeNull();
  });

  it('leaves "av 15" out of a cell only when asked to, and still says an area was not in the survey', () => {
    const t = siteT('sv');
    const energy = area([null, { year: 2026, total: 7.5, max: 15, share: 0.5 }]);
    expect(ownAreaCell(energy, 1, t, 'sv')).toEqual({ points: '7,5 av 15', share: '50\u00a0%' });
    expect(ownAreaCell(energy, 1, t, 'sv', { max: false })).toEqual({ points: '7,5', share: '50\u00a0%' });
    expect(ownAreaCell(energy, 0, t, 'sv', { max: false })).toBe('fanns inte med');
  });
});
