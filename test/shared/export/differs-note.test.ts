import { describe, expect, it } from 'vitest';
import { klimatlagetSheetHeading } from '../../../functions/features/klimatlaget/xlsx-export';

const published = { source: 'published', revision: 2, publishedAt: '2027-03-10T10:00:00.000Z' } as const;

describe('the xlsx "differs" note names what changed since the revision', () => {
  it('names last year only when the change since last year is all that moved', () => {
    const { notes } = klimatlagetSheetHeading(2026, {
      ...published,
      changedScores: 0,
      figuresChanged: true,
      causes: { yearOnYear: true },
    });
    expect(notes[0]).toBe(
      'Obs! Förändringen sedan 2025 skulle bli en annan om rapporten publicerades nu, till exempel efter en rättelse ' +
        'av poängen för 2025. Siffrorna här är de publicerade i version 2. Bladet Svar visar poängen som de är nu.',
    );
  });

  it('names both the scores and who was asked when both changed', () => {
    const { notes } = klimatlagetSheetHeading(2026, {
      ...published,
      changedScores: 1,
      figuresChanged: true,
      causes: { asked: { before: 28, after: 27 }, yearOnYear: true },
    });
    expect(notes[0]).toMatch(
      /^Obs! Poängen för 1 organisation skiljer sig nu från version 2: .+ Antalet tillfrågade organisationer är nu 27, inte 28 som i version 2: medlemsregistret/,
    );
    expect(notes[0]).not.toContain('2025');
  });
});
