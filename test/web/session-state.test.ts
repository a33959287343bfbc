import { describe, expect, it } from 'vitest';
import type { Me } from '../../web/src/api/types';
import { nextSession, type SessionEvent, type SessionState } from '../../web/src/session-state';

const erik = { email: 'tjansteperson.1281@example.se', name: 'Erik Nilsson', role: 'official' } as unknown as Me;
const anna = { email: 'politiker.1281@example.se', name: 'Anna Andersson', role: 'politician' } as unknown as Me;

function run(events: SessionEvent[], from: SessionState = { status: 'loading' }): SessionState {
  return events.reduce(nextSession, from);
}

describe('the session as the web app knows it', () => {
  it('starts from GET /api/me', () => {
    expect(run([{ type: 'checked', me: erik }])).toEqual({ status: 'signed-in', me: erik });
    expect(run([{ type: 'checked', me: null }])).toEqual({ status: 'signed-out' });
  });

  it('a 401 during use ends the session but keeps the open page, and only while signed in', () => {
    const ended = run([
      { type: 'checked', me: erik },
      { type: 'not-authenticated', path: '/enkat' },
    ]);
    expect(ended).toEqual({ status: 'ended', me: erik, path: '/enkat' });
    // More refused requests (the flush on leaving, a retry) change nothing.
    expect(nextSession(ended, { type: 'not-authenticated', path: '/enkat' })).toEqual(ended);
    // Before anyone was signed in a 401 is only "not signed in": GET /api/me at start answers it too.
    expect(run([{ type: 'not-authenticated', path: '/' }])).toEqual({ status: 'loading' });
    expect(run([{ type: 'not-authenticated', path: '/' }], { status: 'signed-out' })).toEqual({ status: 'signed-out' });
  });

  it('leaving the page whose session ended (or a page that could not load) signs out, remembering who it was', () => {
    const ended: SessionState = { status: 'ended', me: erik, path: '/enkat' };
    expect(nextSession(ended, { type: 'navigated', path: '/enkat' })).toBe(ended);
    expect(nextSession(ended, { type: 'navigated', path: '/' })).toEqual({ status: 'signed-out', ended: erik });
    expect(nextSession(ended, { type: 'leave' })).toEqual({ status: 'signed-out', ended: erik });
    const signedIn: SessionState = { status: 'signed-in', me: erik };
    expect(nextSession(signedIn, { type: 'leave' })).toBe(signedIn);
  });

  it('signing in again in another tab is picked up on the kept page, and said once', () => {
    const ended: SessionState = { status: 'ended', me: erik, path: '/enkat' };
    expect(nextSession(ended, { type: 'checked', me: null })).toBe(ended);
    const resumed = nextSession(ended, { type: 'checked', me: erik });
    expect(resumed).toEqual({ status: 'signed-in', me: erik, resumed: true });
    expect(nextSession(resumed, { type: 'navigated', path: '/' })).toEqual({ status: 'signed-in', me: erik });
  });

  it('a late GET /api/me never undoes a sign-in or a sign-out that happened meanwhile', () => {
    const signedIn = run([{ type: 'signed-in', me: anna }]);
    expect(nextSession(signedIn, { type: 'checked', me: null })).toEqual({ status: 'signed-in', me: anna });
    const signedOut = run([{ type: 'checked', me: erik }, { type: 'signed-out' }]);
    expect(nextSession(signedOut, { type: 'checked', me: erik })).toEqual({ status: 'signed-out' });
  });
});
