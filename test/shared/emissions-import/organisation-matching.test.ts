import { describe, expect, it } from 'vitest';
import {
  createOrganisationMatcher,
  type RegisteredOrganisation,
} from '../../../shared/emissions-import/organisation-matching';

const register: RegisteredOrganisation[] = [
  { code: '0180', name: 'Stockholm', type: 'kommun' },
  { code: '1480', name: 'Göteborg', type: 'kommun' },
  { code: '1280', name: 'Malmö', type: 'kommun' },
  { code: '1490', name: 'Borås', type: 'kommun' },
  { code: '12', name: 'Region Skåne', type: 'region' },
  { code: '0980', name: 'Gotland', type: 'kommun' },
  { code: '09', name: 'Region Gotland', type: 'region' },
];

describe('createOrganisationMatcher', () => {
  it('matches by code first, padding a three-digit kommunkod', () => {
    // Arrange
    const matcher = createOrganisationMatcher(register);
    // Act
    const match = matcher.match({ code: 180, name: 'Stockholms stad' });
    // Assert
    expect(match).toEqual({ organisation: register[0], via: 'code', nameDiffers: false });
  });

  it("matches a region by länskod or by Kolada's 00 + länskod", () => {
    // Arrange
    const matcher = createOrganisationMatcher(register);
    // Act
    const codes = ['12', '0012', 12].map((code) => matcher.match({ code })?.organisation.code);
    // Assert
    expect(codes).toEqual(['12', '12', '12']);
  });

  it.each([
    ['Stockholms stad', '0180'],
    ['Göteborgs Stad', '1480'],
    ['Malmö kommun', '1280'],
    ['MALMO', '1280'],
    ['Borås stad', '1490'],
    ['Region Skåne', '12'],
    ['Skåne', '12'],
  ])('matches "%s" by name to %s', (name, code) => {
    // Arrange
    const matcher = createOrganisationMatcher(register);
    // Act
    const match = matcher.match({ name });
    // Assert
    expect(match?.organisation.code).toBe(code);
    expect(match?.via).toBe('name');
  });

  it('falls back to the name when the code is unknown', () => {
    // Arrange
    const matcher = createOrganisationMatcher(register);
    // Act
    const match = matcher.match({ code: '9999', name: 'Malmö stad' });
    // Assert
    expect(match?.organisation.code).toBe('1280');
    expect(match?.via).toBe('name');
  });

  it('tells a region from a kommun of the same name by the word Region', () => {
    // Arrange
    const matcher = createOrganisationMatcher(register);
    // Act
    const region = matcher.match({ name: 'Region Gotland' });
    const kommun = matcher.match({ name: 'Gotlands kommun' });
    // Assert
    expect(region?.organisation.code).toBe('09');
    expect(kommun?.organisation.code).toBe('0980');
  });

  it('flags a row whose name belongs to another organisation than its code', () => {
    // Arrange
    const matcher = createOrganisationMatcher(register);
    // Act
    const match = matcher.match({ code: '0180', name: 'Malmö' });
    // Assert
    expect(match?.organisation.code).toBe('0180');
    expect(match?.nameDiffers).toBe(true);
  });

  it('returns null for an organisation not in the register', () => {
    // Arrange
    const matcher = createOrganisationMatcher(register);
    // Act
    const match = matcher.match({ code: '9999', name: 'Atlantis kommun' });
    // Assert
    expect(match).toBeNull();
  });
});
