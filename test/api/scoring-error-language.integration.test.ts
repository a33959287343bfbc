import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { adminWorld } from '../helpers/seeded-context';
import { jsonRequest, withCookie } from '../helpers/test-app';

type Json = Record<string, unknown>;

/** The kommun survey with the reviewer's mistake: M3's points for yes written as text, "3". */
function kommunWithM3ScoreTrue(value: unknown): Json {
  const copy = structuredClone(DEFAULT_SURVEYS.kommun) as { pages: Array<{ elements?: Json[] }> };
  const m3 = copy.pages.flatMap((p) => p.elements ?? []).find((e) => e.name === 'M3');
  if (!m3) throw new Error('no M3');
  m3.scoreTrue = value;
  return copy as unknown as Json;
}

/**
 * A survey's scoring error reads whole in the language asked for, naming the question, the
 * property and the value, and its details say which question, so the editor can point at it.
 */
describe('a scoring error in the survey editor', () => {
  it('names question, property and value in Swedish and in English, with the question in details', async () => {
    // Arrange
    const { ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true });
    const body = { survey: kommunWithM3ScoreTrue('3'), data: {} };
    // Act
    const sv = await ctx.app.request('/api/admin/score-preview', withCookie(admin, jsonRequest('POST', body)));
    const en = await ctx.app.request(
      '/api/admin/score-preview',
      withCookie(admin, jsonRequest('POST', body, { 'accept-language': 'en' })),
    );
    // Assert
    expect(sv.status).toBe(422);
    const svError = (await sv.json()).error;
    expect(svError).toMatchObject({
      code: 'invalid_scoring',
      message:
        'Poängsättningen i enkäten är felaktig: frågan M3, egenskapen scoreTrue: poängen måste vara ett tal som är 0 eller större, men är "3".',
      details: { question: 'M3', property: 'scoreTrue', value: '3' },
    });
    expect(svError.message).not.toMatch(/points|Question/);
    const enError = (await en.json()).error;
    expect(enError.message).toBe(
      'The survey\'s scoring is not valid: question M3, property scoreTrue: points must be a number of 0 or more, but is "3".',
    );
    expect(enError.details).toMatchObject({ question: 'M3', property: 'scoreTrue' });
  });

  it('says the same when the survey is saved, naming the survey, in both languages', async () => {
    // Arrange
    const { ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true });
    const patch = { surveys: { kommun: kommunWithM3ScoreTrue(-1) } };
    // Act
    const sv = await ctx.app.request('/api/admin/campaigns/2026', withCookie(admin, jsonRequest('PATCH', patch)));
    const en = await ctx.app.request(
      '/api/admin/campaigns/2026',
      withCookie(admin, jsonRequest('PATCH', patch, { 'accept-language': 'en' })),
    );
    // Assert
    expect(sv.status).toBe(422);
    const svError = (await sv.json()).error;
    expect(svError.message).toBe(
      'Poängsättningen i enkäten för kommuner är felaktig: frågan M3, egenskapen scoreTrue: poängen måste vara ett tal som är 0 eller större, men är -1.',
    );
    expect(svError.details).toEqual([
      expect.objectContaining({ survey: 'kommun', question: 'M3', property: 'scoreTrue' }),
    ]);
    expect((await en.json()).error.message).toBe(
      'The scoring of the survey for municipalities is not valid: question M3, property scoreTrue: points must be a number of 0 or more, but is -1.',
    );
  });
});
