import { describe, expect, it } from 'vitest';
import { SECTOR_IDS } from '../../shared/emissions-import/sectors';
import type { OrganisationEmission } from '../../shared/schemas/emission-import.schema';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import { contactExportFileName } from '../../web/src/pages/admin/lib/contact-export';
import {
  moveConsequences,
  searchOrganisations,
  stockholmToday,
  targetMembership,
} from '../../web/src/pages/admin/lib/contact-move';
import {
  bars,
  emissionsOverview,
  SECTOR_ORDER,
  sectorsOfYear,
  TERRITORIAL_SECTORS,
  trendYears,
} from '../../web/src/pages/admin/lib/emissions';

const value = (year: number, sector: OrganisationEmission['sector'], tonnesCO2e: number, extra = {}) =>
  ({ year, sector, tonnesCO2e, importId: 'imp-1', ...extra }) as OrganisationEmission;

describe('the organisation page’s emission figures', () => {
  it('lists the sectors in the national database’s order, as shared/ does', () => {
    expect([...SECTOR_ORDER]).toEqual([...SECTOR_IDS]);
    expect(TERRITORIAL_SECTORS).toBe(8);
  });

  it('arranges figures by sector and year, with a territorial total that leaves out international transport', () => {
    const overview = emissionsOverview([
      value(2021, 'jordbruk', 300, { population: 1000 }),
      value(2020, 'transporter', 500, { population: 990 }),
      value(2021, 'transporter', 400, { population: 1000, previous: { tonnesCO2e: 410, importId: 'imp-0' } }),
      value(2021, 'utrikes-transporter', 9000, { importId: 'imp-2' }),
    ]);
    expect(overview.years).toEqual([2020, 2021]);
    expect(overview.sectors).toEqual(['transporter', 'utrikes-transporter', 'jordbruk']);
    expect(overview.value('jordbruk', 2021)).toBe(300);
    expect(overview.value('jordbruk', 2020)).toBeUndefined();
    expect(overview.totals).toEqual([
      { year: 2020, tonnes: 500, sectors: 1, population: 990, perInhabitant: 500 / 990 },
      { year: 2021, tonnes: 700, sectors: 2, population: 1000, perInhabitant: 0.7 },
    ]);
    expect(overview.importIds).toEqual(['imp-1', 'imp-2']);
    expect(overview.replaced).toBe(1);
  });

  it('has no per-inhabitant figure without a population', () => {
    const [total] = emissionsOverview([value(2022, 'avfall', 12)]).totals;
    expect(total).toEqual({ year: 2022, tonnes: 12, sectors: 1 });
  });

  it('draws a year’s sectors largest first, as shares of the largest', () => {
    const overview = emissionsOverview([
      value(2021, 'jordbruk', 100),
      value(2021, 'transporter', 400),
      value(2021, 'avfall', 0),
      value(2020, 'industri', 999),
    ]);
    expect(sectorsOfYear(overview, 2021)).toEqual([
      { key: 'transporter', value: 400, share: 1 },
      { key: 'jordbruk', value: 100, share: 0.25 },
      { key: 'avfall', value: 0, share: 0 },
    ]);
    expect(bars([{ key: 'a', value: 0 }])).toEqual([{ key: 'a', value: 0, share: 0 }]);
  });

  it('charts the latest twelve years of the trend', () => {
    const overview = emissionsOverview(Array.from({ length: 20 }, (_, i) => value(2000 + i, 'transporter', 100 + i)));
    const trend = trendYears(overview);
    expect(trend.map((t) => t.year)).toEqual(Array.from({ length: 12 }, (_, i) => 2008 + i));
  });

  it('names every sector in Swedish and English', () => {
    for (const sector of SECTOR_IDS) {
      expect(sv[`emissions.sector.${sector}` as keyof typeof sv]).toBeTruthy();
      expect(en[`emissions.sector.${sector}` as keyof typeof en]).toBeTruthy();
    }
  });
});

describe('the file name of a contact’s personal-data export', () => {
  it('says whose data and which day (Swedish time), without diacritics or punctuation', () => {
    expect(contactExportFileName('Åsa Öberg-Ünal', '2026-03-18T10:00:00Z', 'c1')).toBe(
      'personuppgifter-asa-oberg-unal-2026-03-18.json',
    );
    // 23:30 UTC on 31 March is already 1 April in Stockholm.
    expect(contactExportFileName('Per', '2026-03-31T23:30:00Z', 'c1')).toBe('personuppgifter-per-2026-04-01.json');
  });

  it('falls back to the contact id when the name has no letters or digits', () => {
    expect(contactExportFileName('***', '2026-03-18T10:00:00Z', 'abc/../1')).toBe(
      'personuppgifter-kontakt-abc1-2026-03-18.json',
    );
  });
});

describe('moving a contact: finding the organisation', () => {
  const register = [
    { id: '1280', name: 'Malmö' },
    { id: '1281', name: 'Lund' },
    { id: '12', name: 'Region Skåne' },
    { id: '2260', name: 'Ånge' },
    { id: '1233', name: 'Vellinge' },
    { id: '0180', name: 'Stockholm' },
    { id: '01', name: 'Region Stockholm' },
    { id: '1282', name: 'Landskrona' },
  ];
  const ids = (query: string) => searchOrganisations(register, query).map((o) => o.id);

  it('finds a name by any part of it, ignoring case and diacritics, names that start with it first', () => {
    expect(ids('malmo')).toEqual(['1280']);
    expect(ids('ange')).toEqual(['2260']);
    // Landskrona and Lund start with L; the rest have an l inside.
    expect(ids('L')).toEqual(['1282', '1281', '1280', '01', '0180', '1233']);
    expect(ids('stockholm')).toEqual(['0180', '01']);
    expect(ids('skåne')).toEqual(['12']);
  });

  it('finds a code exactly first, then the codes that start with the digits typed', () => {
    expect(ids('12')).toEqual(['12', '1233', '1280', '1281', '1282']);
    expect(ids('1281')).toEqual(['1281']);
    expect(ids('99')).toEqual([]);
  });

  it('finds nothing before anything is typed', () => {
    expect(ids('  ')).toEqual([]);
  });
});

describe('moving a contact: the statutes’ roles', () => {
  const anna = { id: 'a', name: 'Anna', role: 'official' as const };
  const bo = { id: 'b', name: 'Bo', role: 'politician' as const };
  const malmo = { contacts: [{ id: 'm1', name: 'Maja', role: 'official' as const }] };

  it('names who holds the role at the new organisation already', () => {
    expect(moveConsequences(anna, { contacts: [anna, bo] }, malmo, 'official').holders.map((h) => h.name)).toEqual([
      'Maja',
    ]);
    expect(moveConsequences(anna, { contacts: [anna, bo] }, malmo, 'politician').holders).toEqual([]);
  });

  it('says when the organisation left behind has nobody else in the contact’s role', () => {
    expect(moveConsequences(anna, { contacts: [anna, bo] }, malmo, 'official').leavesGap).toBe(true);
    const another = { id: 'c', name: 'Cecilia', role: 'official' as const };
    expect(moveConsequences(anna, { contacts: [anna, bo, another] }, malmo, 'official').leavesGap).toBe(false);
  });
});

describe('moving a contact to an organisation that is not a member today', () => {
  it('names the day a membership ended or begins, and nothing for a member', () => {
    expect(targetMembership({ memberSince: '2019-01-01', memberUntil: '2026-11-27' }, '2026-11-28')).toEqual({
      state: 'ended',
      date: '2026-11-27',
    });
    // The register's dates are inclusive: a member on its last day.
    expect(targetMembership({ memberUntil: '2026-11-28' }, '2026-11-28')).toBeNull();
    expect(targetMembership({ memberSince: '2027-01-01' }, '2026-11-28')).toEqual({
      state: 'not_yet',
      date: '2027-01-01',
    });
    expect(targetMembership({}, '2026-11-28')).toBeNull();
  });

  it('takes today in Stockholm: 23:30 UTC on 31 December is already 1 January there', () => {
    expect(stockholmToday(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(stockholmToday(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});
