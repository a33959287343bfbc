import { type RefObject, useEffect } from 'react';

/** The CSS variable the page's `scroll-padding-top` reads (app.css). */
export const CLEARANCE_VARIABLE = '--sticky-clearance';

/**
 * The room a scrolled-to or focused element needs above it to stay clear of the sticky save bar:
 * the bar's height and a gap for the focus ring (3 px outline, 2 px offset) and some air. The bar
 * is one line on a desktop and up to four on a phone ("Kunde inte spara – försöker igen · Inte
 * sparat – …" with its two buttons), so a fixed padding either covers a field or wastes a third of
 * the screen.
 */
export function barClearance(barHeight: number): number {
  return Math.ceil(barHeight) + 12;
}

/**
 * Keeps the page's scroll padding as tall as the sticky bar is now, so that a question SurveyJS
 * scrolls to, an error summary, or a field reached with Tab or Shift+Tab is never under it
 * (WCAG 2.4.11). Removed when the survey page goes: other pages keep app.css's default.
 */
export function useBarClearance(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const measure = () =>
      root.style.setProperty(CLEARANCE_VARIABLE, `${barClearance(element.getBoundingClientRect().height)}px`);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      root.style.removeProperty(CLEARANCE_VARIABLE);
    };
  }, [bar]);
}
