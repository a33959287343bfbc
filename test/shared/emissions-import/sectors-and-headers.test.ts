import { describe, expect, it } from 'vitest';
import { matchHeader, matchYearHeader } from '../../../shared/emissions-import/header-matching';
import { MAIN_SECTORS, resolveSector, SECTOR_IDS } from '../../../shared/emissions-import/sectors';

describe('the nine main sectors', () => {
  it('lists the national emissions database sectors with their Kolada KPIs', () => {
    // Arrange and Act
    const listed = MAIN_SECTORS.map((sector) => [sector.nameSv, sector.koladaKpi ?? null]);
    // Assert
    expect(listed).toEqual([
      ['Transporter', 'N85533'],
      ['Utrikes transporter', 'N85534'],
      ['Industri (energi + processer)', 'N85537'],
      ['Jordbruk', 'N85538'],
      ['El och fjärrvärme', 'N85536'],
      ['Egen uppvärmning av bostäder och lokaler', 'N85532'],
      ['Arbetsmaskiner', 'N85535'],
      ['Produktanvändning (inkl. lösningsmedel)', null],
      ['Avfall (inkl. avlopp)', null],
    ]);
    expect(MAIN_SECTORS.map((sector) => sector.id)).toEqual([...SECTOR_IDS]);
  });
});

describe('resolveSector', () => {
  it.each([
    ['Transporter', { kind: 'main', sector: 'transporter' }],
    ['TRANSPORT', { kind: 'main', sector: 'transporter' }],
    ['Industry (energy + processes)', { kind: 'main', sector: 'industri' }],
    ['Egen uppvarmning av bostader och lokaler', { kind: 'main', sector: 'egen-uppvarmning' }],
    ['N85536', { kind: 'main', sector: 'el-och-fjarrvarme' }],
    ['Transporter - Personbilar', { kind: 'sub', sector: 'transporter' }],
    ['Transport: Passenger cars', { kind: 'sub', sector: 'transporter' }],
    ['Vägtrafik', { kind: 'sub', sector: 'transporter' }],
    ['Inrikes flyg', { kind: 'sub', sector: 'transporter' }],
    ['Utrikes flyg', { kind: 'sub', sector: 'utrikes-transporter' }],
    ['Avfall (inkl. avlopp) – Deponier', { kind: 'sub', sector: 'avfall' }],
    ['Totalt', { kind: 'total' }],
    ['Total', { kind: 'total' }],
    ['LULUCF', { kind: 'excluded' }],
    ['Fiske', null],
  ])('resolves "%s"', (label, expected) => {
    // Arrange and Act
    const resolution = resolveSector(label);
    // Assert
    expect(resolution).toEqual(expected);
  });
});

describe('matchHeader', () => {
  it.each([
    ['Kommun', 'organisationName'],
    ['Kommunnamn', 'organisationName'],
    ['Organisation', 'organisationName'],
    ['Region', 'organisationName'],
    ['Kommunkod', 'organisationCode'],
    ['KOD', 'organisationCode'],
    ['Municipality code', 'organisationCode'],
    ['År', 'year'],
    ['year', 'year'],
    ['Sektor', 'sector'],
    ['Huvudsektor', 'sector'],
    ['Sector', 'sector'],
    ['GPC-sektor', 'sector'],
    ['Undersektor', 'subSector'],
    ['Utsläpp (ton CO2e)', 'emissions'],
    ['ton CO2-ekv', 'emissions'],
    ['Emissions (t CO2e)', 'emissions'],
    ['Växthusgasutsläpp, ton CO2-ekvivalenter', 'emissions'],
    ['Invånare', 'population'],
    ['Befolkning', 'population'],
    ['Population', 'population'],
  ])('recognises "%s" as %s', (header, role) => {
    // Arrange and Act
    const match = matchHeader(header);
    // Assert
    expect(match?.role).toBe(role);
  });

  it('reads a kiloton emissions column with a factor of 1000', () => {
    // Arrange and Act
    const match = matchHeader('Utsläpp (kton CO2e)');
    // Assert
    expect(match).toEqual({ role: 'emissions', unitFactor: 1000 });
  });

  it('does not take emissions per inhabitant for emissions or population', () => {
    // Arrange and Act
    const match = matchHeader('Utsläpp per invånare (ton CO2e)');
    // Assert
    expect(match).toBeNull();
  });

  it('reads year headers written as text or numbers', () => {
    // Arrange
    const headers = ['1990', 2005, 'År 2022', 'Sektor', '12345'];
    // Act
    const years = headers.map(matchYearHeader);
    // Assert
    expect(years).toEqual([1990, 2005, 2022, null, null]);
  });
});
