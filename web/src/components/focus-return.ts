/** What focus can go back to: an element, as long as it is still in the page. */
export interface FocusTarget {
  focus(options?: FocusOptions): void;
  readonly isConnected: boolean;
}

function isFocusTarget(value: unknown): value is FocusTarget {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FocusTarget).focus === 'function' &&
    typeof (value as FocusTarget).isConnected === 'boolean'
  );
}

/**
 * Where focus goes once a modal is gone: the element that had it when the modal opened, handed back
 * once, whichever comes first of the modal closing and the modal being unmounted while open (a
 * parent that stops rendering a dialog never closes it). Used by Dialog; unit-tested in
 * test/web/dialog-focus.test.ts.
 */
export class FocusReturn {
  private saved: FocusTarget | null = null;

  /** As the modal opens, with what has focus then (`document.activeElement`); null for nothing to return to. */
  remember(element: unknown): void {
    this.saved = isFocusTarget(element) ? element : null;
  }

  /** Whether focus is still owed to an element (the modal opened and has not handed it back yet). */
  get owed(): boolean {
    return this.saved !== null;
  }

  /**
   * Focuses the remembered element and forgets it, so a later call does nothing. Answers whether
   * focus went back: false when nothing was remembered or the element has left the page.
   */
  restore(): boolean {
    const target = this.saved;
    this.saved = null;
    if (!target?.isConnected) return false;
    target.focus();
    return true;
  }
}
