import { beforeEach, describe, expect, it } from 'vitest';
import { call } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

const IMPORT_ID = {
  message: 'Importens id ska vara ett UUID, t.ex. 0b6f1c9e-2f4d-4a8e-9c1b-5d7e3a2f6b10.',
  messageEn: 'The import id must be a UUID, e.g. 0b6f1c9e-2f4d-4a8e-9c1b-5d7e3a2f6b10.',
};
const CONTACT_ID = {
  message: 'Ange kontaktens id, högst 100 tecken.',
  messageEn: "Give the contact's id, at most 100 characters.",
};
const QUESTION = {
  message: 'Ange frågans namn som i enkäten, högst 200 tecken.',
  messageEn: "Give the question's name as in the survey, at most 200 characters.",
};
const EMAIL = {
  message: 'Adressen är inte en giltig e-postadress, t.ex. namn@kommun.se.',
  messageEn: 'The address is not a valid email address, e.g. name@kommun.se.',
};
const CURSOR = {
  message: 'Ogiltig markör, eller en markör från en annan filtrering.',
  messageEn: 'The cursor is not valid, or belongs to another filter.',
};

/**
 * IDs, UUIDs and addresses in paths and queries: one clear sentence in Swedish and the same in
 * English, never zod's "Ogiltig(t) UUID" or "För stor(t): förväntade string att ha <=100 tecken".
 */
describe('400 invalid_input for ids and addresses in paths and queries', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ campaign: true }));
  });

  async function only(method: string, path: string, body?: unknown) {
    const answer = await call(ctx, admin, method, path, body);
    expect({ path, status: answer.status, code: answer.body?.error?.code }).toEqual({
      path,
      status: 400,
      code: 'invalid_input',
    });
    return answer.body.error.details as Array<{ path: string[]; message: string; messageEn: string }>;
  }

  it.each([
    ['GET', '/api/admin/imports/abc'],
    ['GET', '/api/admin/imports/abc/rollback-preview'],
    ['POST', '/api/admin/imports/abc/commit'],
    ['POST', '/api/admin/imports/12345678-1234-1234-1234-1234567890123/rollback'],
    ['POST', '/api/admin/contacts/import/not-a-uuid/commit'],
  ])('an import id that is not a UUID: %s %s', async (method, path) => {
    expect(await only(method, path)).toEqual([{ path: ['id'], code: expect.any(String), ...IMPORT_ID }]);
  });

  const longId = 'x'.repeat(101);
  it.each([
    ['GET', `/api/admin/contacts/${longId}/export`, undefined],
    ['POST', `/api/admin/contacts/${longId}/erase`, undefined],
    ['PATCH', `/api/admin/contacts/${longId}`, {}],
    ['DELETE', `/api/admin/contacts/${longId}`, undefined],
  ])('a contact id that is too long: %s', async (method, path, body) => {
    expect(await only(method, path, body)).toEqual([{ path: ['id'], code: expect.any(String), ...CONTACT_ID }]);
  });

  it('a question name that is too long', async () => {
    const path = `/api/admin/campaigns/2026/responses/1281/overrides/${'q'.repeat(201)}`;
    expect(await only('DELETE', path, { reason: 'Beslutet kom in i efterhand.' })).toEqual([
      { path: ['question'], code: expect.any(String), ...QUESTION },
    ]);
  });

  it.each(['inte-en-adress', encodeURIComponent('kansli@'), `${'a'.repeat(250)}%40example.se`])(
    "an admin's address that is not one: %s",
    async (email) => {
      expect(await only('DELETE', `/api/admin/admins/${email}`)).toEqual([
        { path: ['email'], code: expect.any(String), ...EMAIL },
      ]);
    },
  );

  it.each(['', 'c'.repeat(401)])('an audit cursor that is empty or too long (%#)', async (cursor) => {
    expect(await only('GET', `/api/admin/audit?cursor=${cursor}`)).toEqual([
      { path: ['cursor'], code: expect.any(String), ...CURSOR },
    ]);
  });

  it('a search text that is too long: Swedish words, not "förväntade string"', async () => {
    expect(await only('GET', `/api/admin/organisations?q=${'q'.repeat(101)}`)).toEqual([
      {
        path: ['q'],
        code: 'too_big',
        message: 'Texten får vara högst 100 tecken lång.',
        messageEn: 'The text can be at most 100 characters long.',
      },
    ]);
  });

  it('a valid address still reaches the route, trimmed and lower-cased', async () => {
    const answer = await call(ctx, admin, 'DELETE', `/api/admin/admins/${encodeURIComponent(' Nobody@Example.se ')}`);
    expect(answer.status).toBe(404);
  });
});
