import { describe, expect, it } from 'vitest';
import {
  isValidKommunkod,
  isValidLanskod,
  LANSKODER,
  normaliseKommunkod,
  normaliseLanskod,
  normaliseOrganisationName,
  parseOrganisationCode,
} from '../../../shared/domain/organisation-codes';

describe('kommunkod', () => {
  it('keeps a four-digit kommunkod with its leading zero', () => {
    // Arrange
    const code = '0180';
    // Act
    const normalised = normaliseKommunkod(code);
    // Assert
    expect(normalised).toBe('0180');
    expect(isValidKommunkod('0180')).toBe(true);
  });

  it('pads a kommunkod that Excel stripped to three digits, as text or as a number', () => {
    // Arrange
    const inputs = ['180', 180, ' 180 '];
    // Act
    const normalised = inputs.map((input) => normaliseKommunkod(input));
    // Assert
    expect(normalised).toEqual(['0180', '0180', '0180']);
  });

  it('rejects codes that are not kommunkoder', () => {
    // Arrange
    const inputs = ['12', '0280', '1180', '12345', 'abcd', '', 180.5, -180];
    // Act
    const normalised = inputs.map((input) => normaliseKommunkod(input));
    // Assert
    expect(normalised).toEqual([null, null, null, null, null, null, null, null]);
  });
});

describe('länskod', () => {
  it('accepts exactly 01, 03–10, 12–14 and 17–25', () => {
    // Arrange
    const all = Array.from({ length: 30 }, (_, i) => String(i).padStart(2, '0'));
    // Act
    const valid = all.filter(isValidLanskod);
    // Assert
    expect(valid).toEqual([...LANSKODER]);
    expect(valid).toEqual([
      '01',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
      '12',
      '13',
      '14',
      '17',
      '18',
      '19',
      '20',
      '21',
      '22',
      '23',
      '24',
      '25',
    ]);
  });

  it('accepts 12 and rejects 02 and 11', () => {
    // Arrange
    const codes = ['12', '02', '11'];
    // Act
    const validity = codes.map(isValidLanskod);
    // Assert
    expect(validity).toEqual([true, false, false]);
  });

  it('reads Kolada\'s "00" + länskod and an Excel-stripped single digit', () => {
    // Arrange
    const inputs = ['0012', '1', 12, '02', '0011'];
    // Act
    const normalised = inputs.map((input) => normaliseLanskod(input));
    // Assert
    expect(normalised).toEqual(['12', '01', '12', null, null]);
  });
});

describe('parseOrganisationCode', () => {
  it('classifies codes as kommun or region', () => {
    // Arrange
    const inputs = ['0180', '180', '12', '0012', '1281', '02', '9999'];
    // Act
    const parsed = inputs.map((input) => parseOrganisationCode(input));
    // Assert
    expect(parsed).toEqual([
      { type: 'kommun', code: '0180' },
      { type: 'kommun', code: '0180' },
      { type: 'region', code: '12' },
      { type: 'region', code: '12' },
      { type: 'kommun', code: '1281' },
      null,
      null,
    ]);
  });
});

describe('normaliseOrganisationName', () => {
  it.each([
    ['Stockholms stad', 'stockholm'],
    ['Stockholm', 'stockholm'],
    ['Göteborgs Stad', 'goteborg'],
    ['Malmö kommun', 'malmo'],
    ['Malmö stad', 'malmo'],
    ['Region Skåne', 'skane'],
    ['REGION SKÅNE', 'skane'],
    ['Lunds kommun', 'lund'],
    ['Borås stad', 'boras'],
    ['Västerås stad', 'vasteras'],
    ['Strängnäs kommun', 'strangnas'],
    ['Hagfors kommun', 'hagfors'],
    ['Upplands-Bro kommun', 'upplands bro'],
    ['Västra Götalandsregionen', 'vastra gotaland'],
    ['Region Jönköpings län', 'jonkoping'],
  ])('turns "%s" into "%s"', (name, expected) => {
    // Arrange and Act
    const key = normaliseOrganisationName(name);
    // Assert
    expect(key).toBe(expected);
  });

  it('keeps a name that natively ends in s when there is no suffix', () => {
    // Arrange
    const name = 'Borås';
    // Act
    const key = normaliseOrganisationName(name);
    // Assert
    expect(key).toBe('boras');
  });
});
