import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { seededContext } from '../helpers/seeded-context';
import { jsonRequest, signIn, withCookie } from '../helpers/test-app';

const RESPONSE = '/api/campaigns/2026/response';

/** The kommun survey with the scoring error from the bug report: negative points for yes on M3. */
function brokenKommun(): object {
  const survey = structuredClone(DEFAULT_SURVEYS.kommun) as { pages: Array<{ elements?: Array<{ name: string }> }> };
  const m3 = survey.pages.flatMap((p) => p.elements ?? []).find((e) => e.name === 'M3');
  Object.assign(m3 ?? {}, { scoreTrue: -1 });
  return survey;
}

describe('an open campaign whose stored survey does not compile (written before surveys were checked)', () => {
  it('answers the member’s autosave as the platform’s fault, in their language, and logs what is broken', async () => {
    // Arrange
    const logs: Array<Record<string, unknown>> = [];
    const ctx = await seededContext({
      now: '2026-03-10T09:00:00Z',
      campaign: { surveys: { kommun: brokenKommun() as never, region: DEFAULT_SURVEYS.region } },
      log: (entry) => logs.push(entry),
    });
    const lund = await signIn(ctx, 'tjansteperson.1281@example.se');
    const skane = await signIn(ctx, 'tjansteperson.12@example.se');
    const save = (cookie: string, headers: Record<string, string> = {}) =>
      ctx.app.request(RESPONSE, withCookie(cookie, jsonRequest('PUT', { data: { B1: true }, version: 0 }, headers)));
    // Act
    const swedish = await save(lund);
    const english = await save(lund, { 'accept-language': 'en' });
    const region = await save(skane);
    // Assert: not the generic "Ett oväntat fel inträffade", and only the broken survey's type is affected
    expect(swedish.status).toBe(500);
    expect((await swedish.json()).error).toEqual({
      code: 'survey_misconfigured',
      message: expect.stringMatching(/^Enkäten är felaktigt inställd hos Klimatkommunerna.*Kontakta kansliet/),
    });
    expect((await english.json()).error.message).toMatch(/^The survey is set up incorrectly/);
    expect(region.status).toBe(200);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'configuration fault',
        code: 'survey_misconfigured',
        fault: expect.stringMatching(/Question M3 scoreTrue/),
      }),
    );
    expect(logs.some((entry) => entry.msg === 'unhandled error')).toBe(false);
  });
});
