import { describe, expect, it } from 'vitest';
import { signInLinkParams } from '../../web/src/lib/sign-in-link';

describe('signInLinkParams', () => {
  it('reads the token and the return path from the fragment, where sign-in links carry them', () => {
    expect(signInLinkParams('', '#token=abc_-1&next=%2Fenkat')).toEqual({ token: 'abc_-1', next: '/enkat' });
  });

  it('still reads links sent with the token in the query', () => {
    expect(signInLinkParams('?token=old&next=%2Fenkat', '')).toEqual({ token: 'old', next: '/enkat' });
  });

  it("keeps a page's ?next= beside a fragment that has no return path", () => {
    expect(signInLinkParams('?next=%2Fresultat', '#token=t')).toEqual({ token: 't', next: '/resultat' });
  });

  it('finds nothing on a bare /login', () => {
    expect(signInLinkParams('', '')).toEqual({ token: null, next: null });
  });
});
