import { describe, expect, it } from 'vitest';
import { klimatlagetSheetHeading } from '../../../functions/features/klimatlaget/xlsx-export';
import { outcomeSourceCell, stockholmIsoDate } from '../../../shared/export/response-table';

// 23:30 UTC on 15 March is 00:30 on 16 March in Stockholm (CET); 22:30 UTC on 15 June is 00:30 on 16 June (CEST).
const WINTER_NIGHT = '2026-03-15T23:30:00.000Z';
const SUMMER_NIGHT = '2026-06-15T22:30:00.000Z';

describe('the date an export gives a publication', () => {
  it('is the Stockholm date of the instant, winter and summer time', () => {
    expect(stockholmIsoDate(WINTER_NIGHT)).toBe('2026-03-16');
    expect(stockholmIsoDate(SUMMER_NIGHT)).toBe('2026-06-16');
    expect(stockholmIsoDate('2026-03-15T22:59:59.000Z')).toBe('2026-03-15');
  });

  it('is the same day on the "Klimatläget" sheet\'s title and in the "Svar" sheet\'s Publicerat cells', () => {
    const { title } = klimatlagetSheetHeading(2026, {
      source: 'published',
      revision: 2,
      publishedAt: WINTER_NIGHT,
      changedScores: 0,
      figuresChanged: false,
    });
    expect(title).toBe('Klimatläget 2026, version 2, publicerad 2026-03-16');
    expect(outcomeSourceCell({ source: 'published', revision: 2, publishedAt: WINTER_NIGHT })).toBe(
      'Publicerat 2026-03-16 (version 2)',
    );
  });
});
