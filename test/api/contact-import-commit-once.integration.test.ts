import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_LISTED_ERRORS } from '../../shared/contacts-import/parse-contacts-csv';
import { auditEntries, call } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

const IMPORT = '/api/admin/contacts/import';

// Two new contacts, one change (Malmö's official renamed) and one unchanged row.
const CSV = [
  'kod;namn;e-post;roll',
  '1281;Erik Ek;erik@lund.se;politiker',
  '1281;Åsa Berg;asa@lund.se;tjansteperson',
  '1280;Nytt Namn;tjansteperson.1280@example.se;tjansteperson',
  '1281;Politiker Lund;politiker.1281@example.se;politiker',
].join('\n');

describe('the contacts import', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld());
  });

  it('commits once when the commit is sent three times at once: one audit entry, one alreadyCommitted false', async () => {
    // Arrange
    const preview = (await call(ctx, admin, 'POST', IMPORT, { csv: CSV })).body;
    // Act
    const answers = await Promise.all([1, 2, 3].map(() => call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`)));
    // Assert: every answer is the one commit's result, and only one run says it committed
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ id: preview.id, created: 2, updated: 1, unchanged: 1, replaced: 0 });
    }
    expect(answers.map((answer) => answer.body.alreadyCommitted).sort()).toEqual([false, true, true]);
    expect(new Set(answers.map((answer) => answer.body.committedAt)).size).toBe(1);
    const commits = (await auditEntries(ctx)).filter((entry) => entry.action === 'contact.import.commit');
    expect(commits).toHaveLength(1);
    expect(commits[0]?.after).toMatchObject({ rows: 4, created: 2, updated: 1, unchanged: 1, replaced: 0 });
    // The contacts themselves were made once.
    const lund = (await call(ctx, admin, 'GET', '/api/admin/organisations/1281/contacts')).body.contacts;
    expect(lund.filter((contact: { email: string }) => contact.email === 'erik@lund.se')).toHaveLength(1);
    const creates = (await auditEntries(ctx, { organisationId: '1281' })).filter(
      (entry) => entry.action === 'contact.create',
    );
    expect(creates).toHaveLength(2);
    // A later commit answers the same result, as already committed, and audits nothing more.
    const again = await call(ctx, admin, 'POST', `${IMPORT}/${preview.id}/commit`);
    expect(again.body).toMatchObject({ created: 2, updated: 1, unchanged: 1, alreadyCommitted: true });
    expect((await auditEntries(ctx)).filter((entry) => entry.action === 'contact.import.commit')).toHaveLength(1);
  });

  it('lists at most 200 errors and one "… and N more" line, counting the register’s errors too', async () => {
    // Arrange: 10 rows whose code is valid but not in the register (errors the API finds), then 250
    // rows with a broken address (errors the parser finds): 260 errors in all
    const unknown = Array.from({ length: 10 }, (_, i) => `0180;Person ${i};person${i}@stockholm.se;politiker`);
    const broken = Array.from({ length: 250 }, (_, i) => `1281;Namn ${i};inte-en-adress-${i};politiker`);
    const csv = ['kod;namn;e-post;roll', ...unknown, ...broken].join('\n');
    // Act
    const res = await call(ctx, admin, 'POST', IMPORT, { csv });
    // Assert
    expect(res.status).toBe(201);
    const errors = res.body.errors as Array<{ row: number | null; code: string; message: string; messageEn: string }>;
    expect(errors).toHaveLength(MAX_LISTED_ERRORS + 1);
    expect(errors.filter((error) => error.code === 'more_errors')).toHaveLength(1);
    expect(errors.at(-1)).toMatchObject({
      code: 'more_errors',
      row: null,
      messageEn: '… and 60 more errors not shown.',
    });
    expect(errors.at(-1)?.message).toMatch(/60 fel till/);
    // The first 200 by row: the register's errors (rows 2–11) and the parser's from row 12 on.
    const rows = errors.slice(0, -1).map((error) => error.row);
    expect(rows).toEqual([...rows].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(errors.slice(0, 10).every((error) => error.code === 'unknown_organisation')).toBe(true);
  });
});
