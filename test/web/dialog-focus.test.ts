import { describe, expect, it } from 'vitest';
import { FocusReturn, type FocusTarget } from '../../web/src/components/focus-return';

/** An element as FocusReturn sees it: it records being focused and can leave the page. */
class Control implements FocusTarget {
  focused = 0;
  isConnected = true;
  focus() {
    this.focused++;
  }
}

describe('Dialog: focus goes back to where it was when the dialog opened', () => {
  it('focuses the element that had focus when the dialog opened', () => {
    const trigger = new Control();
    const returns = new FocusReturn();
    returns.remember(trigger);
    expect(returns.owed).toBe(true);
    expect(returns.restore()).toBe(true);
    expect(trigger.focused).toBe(1);
  });

  it('hands focus back once, whichever comes first of closing and unmounting', () => {
    // Closed, then unmounted: the unmount finds nothing owed and does not steal focus again.
    const trigger = new Control();
    const returns = new FocusReturn();
    returns.remember(trigger);
    returns.restore();
    expect(returns.owed).toBe(false);
    expect(returns.restore()).toBe(false);
    expect(trigger.focused).toBe(1);
  });

  it('focuses nothing when the element has left the page meanwhile', () => {
    const trigger = new Control();
    const returns = new FocusReturn();
    returns.remember(trigger);
    trigger.isConnected = false;
    expect(returns.restore()).toBe(false);
    expect(trigger.focused).toBe(0);
    expect(returns.owed).toBe(false);
  });

  it('owes nothing when nothing had focus (the dialog passes null for the page body)', () => {
    const returns = new FocusReturn();
    returns.remember(null);
    expect(returns.owed).toBe(false);
    expect(returns.restore()).toBe(false);
    // Something that cannot take focus is not remembered either.
    returns.remember({ isConnected: true });
    expect(returns.owed).toBe(false);
  });

  it('returns to the element of the latest opening when the dialog opens again', () => {
    const first = new Control();
    const second = new Control();
    const returns = new FocusReturn();
    returns.remember(first);
    returns.restore();
    returns.remember(second);
    returns.restore();
    expect([first.focused, second.focused]).toEqual([1, 1]);
  });
});
