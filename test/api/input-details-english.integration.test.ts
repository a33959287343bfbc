import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiAnswer } from '../helpers/admin-api';
import { adminWorld } from '../helpers/seeded-context';
import type { TestContext } from '../helpers/test-app';

const SWEDISH_LETTERS = /[åäöÅÄÖ]/;

interface Detail {
  path: Array<string | number>;
  code?: string;
  message: string;
  messageEn: string;
}

describe('400 invalid_input details carry English beside the Swedish', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ campaign: true }));
  });

  /** Calls the admin API as the English console does. */
  async function callEn(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    const res = await ctx.app.request(path, {
      method,
      headers: {
        cookie: admin,
        'accept-language': 'en',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  function details(answer: ApiAnswer): Detail[] {
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('invalid_input');
    const list = answer.body.error.details as Detail[];
    expect(list.length).toBeGreaterThan(0);
    for (const detail of list) {
      // Swedish in message, as the API always sends it; English in messageEn.
      expect(detail.messageEn, detail.message).toEqual(expect.any(String));
      expect(detail.messageEn, detail.message).not.toMatch(SWEDISH_LETTERS);
      expect(detail.messageEn).not.toBe(detail.message);
    }
    return list;
  }

  const at = (list: Detail[], path: string) => list.find((detail) => detail.path.join('.') === path);

  it("a reminder policy's hand-written messages and zod's own", async () => {
    const answer = await callEn('PATCH', '/api/admin/campaigns/2026', { title: 5 });
    expect(answer.body.error.message).toBe('The input is not valid.');
    expect(at(details(answer), 'title')).toMatchObject({
      // zod's Swedish locale with Swedish type words (shared/i18n/zod-sv.ts).
      message: 'Ogiltig inmatning: förväntade text, fick ett tal',
      messageEn: 'Invalid input: expected string, received number',
    });
    const list = details(
      await callEn('PATCH', '/api/admin/campaigns/2026', {
        reminderPolicy: { steps: [-2], sendWindow: { weekdays: ['mån'], start: '8:00' } },
      }),
    );
    expect(at(list, 'reminderPolicy.steps.0')).toMatchObject({
      message: 'Antal dagar får inte vara negativt (-2): ett steg efter stängningen kan inte skickas.',
      messageEn: 'The number of days cannot be negative (-2): a step after closing cannot be sent.',
    });
    expect(at(list, 'reminderPolicy.sendWindow.weekdays.0')?.messageEn).toBe(
      'Unknown weekday. Use mon, tue, wed, thu, fri, sat or sun.',
    );
    expect(at(list, 'reminderPolicy.sendWindow.start')?.messageEn).toBe('Give the time as HH:MM, for example 08:00.');
  });

  it("a reminder policy against the campaign's dates", async () => {
    const list = details(await callEn('PATCH', '/api/admin/campaigns/2026', { reminderPolicy: { steps: [90, 7] } }));
    expect(at(list, 'reminderPolicy.steps.0')).toMatchObject({
      code: 'step_before_open',
      message: expect.stringMatching(/^Påminnelsen 90 dagar före stängning skulle skickas/),
      messageEn: expect.stringMatching(
        /^The reminder 90 days before closing would go out .* The campaign is \d+ days long\.$/,
      ),
    });
  });

  it("an organisation's code, and its membership dates checked against the stored ones", async () => {
    const created = details(await callEn('POST', '/api/admin/organisations', { id: '12', name: 'X', type: 'kommun' }));
    expect(at(created, 'id')?.messageEn).toBe(
      '12 is a county code. A municipality has a four-digit municipality code, e.g. 1281.',
    );
    // The request alone is in order; with Lund's stored start it is not (the service's own check).
    expect((await callEn('PATCH', '/api/admin/organisations/1281', { memberSince: '2020-01-01' })).status).toBe(200);
    const dates = details(await callEn('PATCH', '/api/admin/organisations/1281', { memberUntil: '2019-12-31' }));
    expect(at(dates, 'memberUntil')?.messageEn).toBe('The membership cannot end before it begins.');
  });

  it('a detail raised outside the schemas: an audit cursor that is not one', async () => {
    const list = details(await callEn('GET', '/api/admin/audit?cursor=inte-en-markor'));
    expect(at(list, 'cursor')?.messageEn).toBe('The cursor is not valid, or belongs to another filter.');
  });
});
