import { describe, expect, it } from 'vitest';
import { MAIN_SECTORS } from '../../shared/emissions-import/sectors';
import { en } from '../../web/src/pages/admin/i18n/en';
import { type AdminKey, sv } from '../../web/src/pages/admin/i18n/sv';

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
