import { describe, expect, it } from 'vitest';
import { MAIN_SECTORS } from '../../shared/emissions-import/sectors';
import { en } from '../../web/src/pages/admin/i18n/en';
import { type AdminKey, sv } from '../../web/src/pages/admin/i18n/sv';
import { canCommit, issueMessage } from '../../web/src/pages/admin/lib/imports';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the import page’s strings', () => {
  it('names every main sector as the national emissions database does, in Swedish and English', () => {
    for (const sector of MAIN_SECTORS) {
      const key = `import.sector.${sector.id}` as AdminKey;
      expect(sv[key], key).toBe(sector.nameSv);
      expect(en[key], key).toBe(sector.nameEn);
    }
    const sectorKeys = Object.keys(sv).filter((key) => key.startsWith('import.sector.'));
    expect(sectorKeys).toHaveLength(MAIN_SECTORS.length);
  });

  it('has the upload texts in both languages with the same placeholders', () => {
    for (const key of Object.keys(sv).filter((k) => k.startsWith('import.')) as AdminKey[]) {
      expect(en[key]?.trim(), key).toBeTruthy();
      expect(placeholders(en[key]), key).toEqual(placeholders(sv[key]));
    }
  });
});

describe('what the import page offers to save', () => {
  const preview = {
    state: 'previewed' as const,
    errorCount: 0,
    changes: { new: 3, changed: 1, unchanged: 10 },
  };

  it('offers a preview that would write values', () => {
    expect(canCommit(preview)).toBe(true);
  });

  it('offers no save for a preview that would write nothing, has errors, or is out of date', () => {
    expect(canCommit({ ...preview, changes: { new: 0, changed: 0, unchanged: 14 } })).toBe(false);
    expect(canCommit({ ...preview, errorCount: 1 })).toBe(false);
    const outdatedBy = { id: 'x', fileName: 'senare.csv', action: 'committed' as const, at: '2026-03-10T09:00:00Z' };
    expect(canCommit({ ...preview, outdatedBy })).toBe(false);
  });

  it('offers to finish a commit that stopped part-way, and nothing for a saved or rolled-back import', () => {
    expect(canCommit({ ...preview, state: 'committing' })).toBe(true);
    expect(canCommit({ ...preview, state: 'committed' })).toBe(false);
    expect(canCommit({ ...preview, state: 'rolled_back' })).toBe(false);
  });
});

describe('an import issue in the reader’s language', () => {
  const issue = { message: 'Filen har en rubrikrad (rad 1) men inga rader.', messageEn: 'The file has a header row.' };

  it('is English on the English page and Swedish on the Swedish one', () => {
    expect(issueMessage(issue, 'en')).toBe('The file has a header row.');
    expect(issueMessage(issue, 'sv')).toBe('Filen har en rubrikrad (rad 1) men inga rader.');
  });

  it('is Swedish on the English page for an issue stored before issues had English', () => {
    expect(issueMessage({ message: 'Gammalt fel.' }, 'en')).toBe('Gammalt fel.');
  });
});

describe('counts in the import history', () => {
  it('has a singular beside each plural it counts with, in both languages', () => {
    for (const key of ['import.orgCount', 'import.errorCount', 'import.rowCount', 'import.remaining'] as const) {
      const one = `${key}One` as AdminKey;
      expect(sv[one], one).toBeTruthy();
      expect(en[one], one).toBeTruthy();
    }
    expect(en['import.orgCountOne'].replace('{count}', '1')).toBe('1 organisation');
    expect(en['import.errorCountOne'].replace('{count}', '1')).toBe('1 error');
    expect(sv['import.orgCountOne'].replace('{count}', '1')).toBe('1 organisation');
  });
});
