import { describe, expect, it } from 'vitest';
import { organisationPatch } from '../../web/src/pages/admin/lib/organisation-patch';

const loaded = { name: 'Lund', population: 128_000, memberSince: '2010-01-01' };
const unchanged = { name: 'Lund', population: 128_000, memberSince: '2010-01-01', memberUntil: null };

describe('the organisation form sends only what was changed', () => {
  it('sends nothing when nothing changed, so a concurrent edit of any field stands', () => {
    expect(organisationPatch(unchanged, loaded)).toEqual({});
  });

  it('sends a changed name alone, leaving the membership dates out', () => {
    expect(organisationPatch({ ...unchanged, name: 'Lunds kommun' }, loaded)).toEqual({ name: 'Lunds kommun' });
  });

  it('sends a new end of membership, and null for a cleared field', () => {
    expect(organisationPatch({ ...unchanged, memberUntil: '2026-12-31', population: null }, loaded)).toEqual({
      memberUntil: '2026-12-31',
      population: null,
    });
  });

  it('treats a field the organisation never had as null', () => {
    expect(
      organisationPatch({ name: 'Mora', population: null, memberSince: null, memberUntil: null }, { name: 'Mora' }),
    ).toEqual({});
  });
});
