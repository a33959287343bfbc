import { describe, expect, it } from 'vitest';
import { issueText } from '../../../shared/emissions-import/messages';

/**
 * A published Klimatläget is the record of its year: emissions imported later belong in the next
 * report. So an import that changes a published year's emissions says that, and never invites the
 * kansli to publish the year again for them (docs/imports.md).
 */
describe('the import on a published year', () => {
  const changed = [
    issueText.publishedYearChanged(2027, 1, '2028-03-01', 4, true),
    issueText.publishedYearChanged(2026, 2, '2027-03-01', 4, false),
  ];
  const rolledBack = [
    issueText.publishedYearRollback(2027, 1, '2028-03-01', 4, true),
    issueText.publishedYearRollback(2026, 2, '2027-03-01', 4, false),
  ];

  it('does not suggest publishing the year again, in either language', () => {
    for (const issue of [...changed, ...rolledBack]) {
      expect(issue.message).not.toMatch(/Publicera \d{4} igen|publiceras \d{4} igen/);
      expect(issue.messageEn).not.toMatch(/Publish \d{4} again|publishing \d{4} again/);
    }
  });

  it('says the newer figures come with the next Klimatläget, and that the published report stays', () => {
    for (const issue of changed) {
      expect(issue.message).toContain('De nya värdena kommer med i nästa Klimatläget som publiceras');
      expect(issue.messageEn).toContain('The new values are included in the next Klimatläget to be published');
    }
    expect(changed[0]!.message).toContain('ett publicerat Klimatläget redovisar sitt år');
    expect(changed[0]!.messageEn).toContain('a published Klimatläget is the record of its year');
  });

  it('says a correction of the year keeps the emissions as published, never that it takes in the new values', () => {
    // A frozen year, imported into and rolled back: a correction keeps its Utfall and emission figures.
    for (const issue of [changed[0]!, rolledBack[0]!]) {
      expect(issue.message).toMatch(/rättelse av 2027.*(behåller|utsläppssiffrorna som de publicerades)/);
      expect(issue.messageEn).toMatch(/correction of 2027.*(keeps|emission figures as published)/);
    }
    for (const issue of [...changed, ...rolledBack]) {
      expect(issue.message).not.toMatch(/bara om en rättelse|räknas Utfallet utan dem/);
      expect(issue.messageEn).not.toMatch(/only if a correction|computed without them/);
    }
  });
});
