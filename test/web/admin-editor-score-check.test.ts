import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/client';
import { CHECKED, checkAfterFailure, retryDelayMs } from '../../web/src/pages/admin/editor/score-check';

const scoringRefused = new ApiError(
  422,
  'invalid_scoring',
  'Poängsättningen i enkäten är felaktig: maxScore på sidan p1 måste vara minst 0',
);

describe('the survey editor’s score preview when it fails', () => {
  it('blocks saving only when the API says the survey is wrong', () => {
    expect(checkAfterFailure(scoringRefused, CHECKED)).toEqual({
      state: 'invalid',
      message: scoringRefused.message,
      details: undefined,
    });
    expect(checkAfterFailure(new ApiError(400, 'invalid_input', 'Indata är ogiltiga.'), CHECKED).state).toBe('invalid');
  });

  it('keeps the refusal’s details, so the editor can point at the line they name', () => {
    const details = [{ question: 'M3', property: 'scoreTrue', value: -2 }];
    const refused = new ApiError(422, 'invalid_scoring', 'Poängsättningen i enkäten är felaktig.', details);
    const check = checkAfterFailure(refused, CHECKED);
    expect(check).toMatchObject({ state: 'invalid', details });
  });

  it('is a notice, not an error in the survey, when the server cannot be reached or fails', () => {
    const failures = [
      new ApiError(0, 'network', 'Failed to fetch'),
      new ApiError(500, 'internal', 'Något gick fel. Försök igen om en stund.'),
      new ApiError(502, 'http_502', 'Bad Gateway'),
      new ApiError(503, 'unavailable', 'Tjänsten är inte tillgänglig just nu.'),
      new ApiError(429, 'rate_limited', 'För många förfrågningar.'),
      new ApiError(401, 'not_authenticated', 'Du är inte inloggad.'),
      new TypeError('Failed to fetch'),
    ];
    for (const failure of failures)
      expect(checkAfterFailure(failure, CHECKED)).toEqual({ state: 'unchecked', attempts: 1 });
  });

  it('is asked again by itself, waiting longer after each failure in a row, at most a minute', () => {
    const down = new ApiError(503, 'unavailable', 'Tjänsten är inte tillgänglig just nu.');
    const delays: Array<number | null> = [];
    let check = CHECKED;
    for (let i = 0; i < 6; i++) {
      check = checkAfterFailure(down, check);
      delays.push(retryDelayMs(check));
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
    // Checked, or refused as wrong: nothing to ask again until the survey changes.
    expect(retryDelayMs(CHECKED)).toBeNull();
    expect(retryDelayMs(checkAfterFailure(scoringRefused, check))).toBeNull();
  });
});
