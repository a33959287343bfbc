import { describe, expect, it } from 'vitest';
import {
  ContactImportCommitOutcomeSchema,
  ContactImportPlannedPreviewSchema,
  chosenReplacements,
  planRoleHolders,
} from '../../../shared/contacts-import/role-holders';

const register = [
  {
    id: 'politiker-1281',
    organisationId: '1281',
    name: 'Politiker Lund',
    email: 'politiker.1281@example.se',
    role: 'politician' as const,
  },
  {
    id: 'tjansteperson-1281',
    organisationId: '1281',
    name: 'Tjänsteperson Lund',
    email: 'tjansteperson.1281@example.se',
    role: 'official' as const,
  },
  {
    id: 'politiker-1280',
    organisationId: '1280',
    name: 'Politiker Malmö',
    email: 'politiker.1280@example.se',
    role: 'politician' as const,
  },
];

const row = (
  over: Partial<{
    row: number;
    organisationId: string;
    email: string;
    role: 'politician' | 'official';
    change: 'new' | 'changed' | 'unchanged';
  }>,
) => ({
  row: 2,
  organisationId: '1281',
  name: 'Anna Ny',
  email: 'anna@lund.se',
  role: 'politician' as const,
  change: 'new' as const,
  ...over,
});

describe('planRoleHolders', () => {
  it("names the organisation's current politician on a new politician row", () => {
    const [planned] = planRoleHolders([row({})], register);
    expect(planned?.replaces).toEqual([
      { id: 'politiker-1281', name: 'Politiker Lund', email: 'politiker.1281@example.se' },
    ]);
  });

  it('looks only at the same organisation and the same role', () => {
    const planned = planRoleHolders(
      [row({ role: 'official', email: 'o@lund.se' }), row({ row: 3, organisationId: '12', email: 'p@skane.se' })],
      register,
    );
    expect(planned[0]?.replaces?.map((h) => h.id)).toEqual(['tjansteperson-1281']);
    expect(planned[1]).not.toHaveProperty('replaces');
  });

  it('marks only new rows, never changed or unchanged ones', () => {
    const planned = planRoleHolders(
      [row({ change: 'changed', email: 'x@lund.se' }), row({ row: 3, change: 'unchanged', email: 'y@lund.se' })],
      register,
    );
    expect(planned.every((r) => !('replaces' in r))).toBe(true);
  });

  it('never replaces a holder the file lists itself (the kansli keeps, changes or moves them by their own row)', () => {
    const planned = planRoleHolders(
      [row({}), row({ row: 3, email: 'politiker.1281@example.se', change: 'unchanged' })],
      register,
    );
    expect(planned[0]).not.toHaveProperty('replaces');
  });

  it('names every holder when the organisation has two politicians already', () => {
    const two = [...register, { ...register[0]!, id: 'extra', email: 'extra@lund.se', name: 'Extra' }];
    expect(planRoleHolders([row({})], two)[0]?.replaces?.map((h) => h.id)).toEqual(['politiker-1281', 'extra']);
  });
});

describe('chosenReplacements', () => {
  const planned = planRoleHolders(
    [
      row({}),
      row({ row: 3, email: 'b@lund.se' }),
      row({ row: 4, role: 'official', email: 'o@lund.se' }),
      row({ row: 5, organisationId: '12', email: 'r@skane.se' }),
    ],
    register,
  );

  it('removes each chosen holder once, even when two rows name the same one', () => {
    const { holders, unknownRows } = chosenReplacements(planned, [3, 2]);
    expect(holders).toEqual([
      {
        id: 'politiker-1281',
        name: 'Politiker Lund',
        email: 'politiker.1281@example.se',
        organisationId: '1281',
        role: 'politician',
      },
    ]);
    expect(unknownRows).toEqual([]);
  });

  it('removes nothing when no row is chosen (keep both)', () => {
    expect(chosenReplacements(planned, []).holders).toEqual([]);
  });

  it('reports rows that are not replacement candidates', () => {
    expect(chosenReplacements(planned, [4, 5, 99]).unknownRows).toEqual([5, 99]);
    expect(chosenReplacements(planned, [4, 5, 99]).holders.map((h) => h.id)).toEqual(['tjansteperson-1281']);
  });
});

describe('schemas', () => {
  it('reads a preview stored before replacements existed, and an old commit result, with zero replacements', () => {
    const old = {
      id: 'x',
      rows: 0,
      valid: [],
      errors: [],
      changes: { new: 0, changed: 0, unchanged: 0 },
      createdAt: '2026-03-10T09:00:00Z',
      createdBy: 'k',
      expiresAt: '2026-03-11T09:00:00Z',
    };
    expect(ContactImportPlannedPreviewSchema.parse(old).changes.replacements).toBe(0);
    const result = { id: 'x', committedAt: 'now', created: 1, updated: 0, unchanged: 0, alreadyCommitted: false };
    expect(ContactImportCommitOutcomeSchema.parse(result).replaced).toBe(0);
  });
});
