/**
 * Leaving the survey page. Whatever way the page is left, what the focused field shows is recorded
 * as leaving the field would record it; and leaving inside the app (a link, the browser's Back or
 * Forward) first stores what is pending, and asks when something cannot be saved, as closing the
 * tab warns.
 */
import {
  Helpers,
  QuestionCommentModel,
  QuestionSelectBase,
  QuestionTextModel,
  type SurveyModel,
  type TextAreaModel,
} from 'survey-core';
import { numberQuestions, type TypedText, textWhenLeft } from './number-input';

/** A field of the survey: its element id, its text and (number fields) how typed commas were read. */
export interface LeftField extends TypedText {
  id: string;
}

/** The text area (a comment question, a question's comment area, an "other" choice's text) with this id. */
function textAreaOf(model: SurveyModel, id: string): TextAreaModel | null {
  for (const question of model.getAllQuestions()) {
    if (question instanceof QuestionCommentModel && question.inputId === id) return question.textAreaModel;
    if (question.commentId === id) return question.commentTextAreaModel;
    if (question instanceof QuestionSelectBase) {
      const item = question.visibleChoices.find((choice) => question.getItemCommentId(choice) === id);
      if (item) return question.getCommentTextAreaModel(item);
    }
  }
  return null;
}

/**
 * Records what a field shows, as leaving it would: for a field that goes without being left (the
 * page unmounted by the browser's Back, for which React sends no blur). A number field's text is
 * read as its blur reads it (English thousands: "1,500" is 1500); a text area (a comment, an
 * "other" answer's text) is recorded whether survey-core records it as typed or only when left.
 */
export function recordFieldValue(model: SurveyModel, field: LeftField, lang: 'sv' | 'en'): void {
  const input = model
    .getAllQuestions()
    .find((q): q is QuestionTextModel => q instanceof QuestionTextModel && q.inputId === field.id);
  if (input) {
    const text = numberQuestions(model).includes(input) ? textWhenLeft(field, lang) : field.value;
    if (!Helpers.isTwoValueEquals(input.value, text)) input.inputValue = text;
    return;
  }
  // What survey-core does when a text area loses focus.
  textAreaOf(model, field.id)?.onTextAreaChange({ target: field });
}

/** What a click is, as far as telling whether it follows a link in this tab. */
export interface LinkClick {
  button: number;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/** Whether going from `from` to `to` (addresses) leaves this page of the app: another path or query. */
export function leavesPage(from: string, to: string): boolean {
  const [a, b] = [new URL(from), new URL(to, from)];
  return a.origin === b.origin && (a.pathname !== b.pathname || a.search !== b.search);
}

/**
 * Whether clicking `link` on the page at `here` shows another page of the app in this tab: not a
 * new tab or window (a modifier, another button, a target), not a download, not a jump within the
 * page ("#main"). Links to other sites unload the page, where the browser's own warning asks.
 */
export function followsInAppLink(
  click: LinkClick,
  link: { href: string; target: string; download: boolean },
  here: string,
): boolean {
  if (click.defaultPrevented || click.button !== 0) return false;
  if (click.ctrlKey || click.metaKey || click.shiftKey || click.altKey) return false;
  if (link.download || (link.target !== '' && link.target !== '_self')) return false;
  return leavesPage(here, link.href);
}

export interface LeaveGuard {
  /**
   * Records what is being typed (as leaving the field would) and answers whether leaving now would
   * lose something; called for every in-app link and Back or Forward while the page is open. A
   * promise when it first tries to store what is pending: the way out waits for it.
   */
  wouldLose(): boolean | Promise<boolean>;
  /** Asks the person; `leave` goes on to where they were going. */
  ask(leave: () => void): void;
}

/** The parts of the Navigation API (Chromium, recent Safari and Firefox) the guard uses. */
interface NavigateEventLike extends Event {
  navigationType: 'push' | 'replace' | 'reload' | 'traverse';
  destination: { url: string; key: string };
}
interface NavigationLike extends EventTarget {
  traverseTo(key: string): unknown;
}

/**
 * Asks before the page is left inside the app when `guard.wouldLose()`: links to other pages of the
 * app (wouter's, or any on the same site) and the browser's Back and Forward. A link's click is
 * stopped before wouter sees it. Back and Forward are stopped before the address changes by the
 * Navigation API's `navigate` event (Chromium; Safari and Firefox since their 2025–26 releases),
 * which a page may cancel once per user action (the browser's guard against pages that trap Back);
 * leaving anyway then goes to the very entry chosen. A popstate comes too late: wouter's listener
 * on window, added first, runs first, and the page is gone before another could put the address
 * back. Where Back cannot be stopped, the page's clean-up still records the field being typed in.
 *
 * When `wouldLose` answers with a promise (something pending is being stored first), the way out is
 * stopped at once (events cannot wait) and taken again once it has settled: left, or asked about.
 * Meanwhile every other way out is stopped and ignored, so one click or Back leads to one
 * navigation. Returns the function that stops asking (and drops a decision still under way).
 */
export function guardInAppLeaving(guard: LeaveGuard): () => void {
  // The person chose to leave (or nothing was at stake): nothing more is stopped while the page goes.
  let leaving = false;
  // A way out waits for `wouldLose`'s promise.
  let deciding = false;
  let stopped = false;
  const go = (onward: () => void) => {
    leaving = true;
    onward();
  };
  /** After the way out was stopped: leave or ask, now or once `verdict` settles. */
  const decide = (verdict: true | Promise<boolean>, onward: () => void) => {
    if (verdict === true) {
      guard.ask(() => go(onward));
      return;
    }
    deciding = true;
    // A store attempt that throws counts as one that failed: ask.
    verdict
      .catch(() => true)
      .then((lose) => {
        deciding = false;
        if (stopped) return;
        if (lose) guard.ask(() => go(onward));
        else go(onward);
      });
  };
  const onClick = (event: MouseEvent) => {
    if (leaving || !(event.target instanceof Element)) return;
    const link = event.target.closest('a[href]');
    if (!(link instanceof HTMLAnchorElement)) return;
    const target = { href: link.href, target: link.target, download: link.hasAttribute('download') };
    if (!followsInAppLink(event, target, window.location.href)) return;
    if (deciding) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    const verdict = guard.wouldLose();
    if (verdict === false) return;
    event.preventDefault();
    event.stopPropagation();
    // The same link again, as if clicked: wouter's handler navigates (and, should React have drawn a
    // new element meanwhile, the address is opened instead).
    decide(verdict, () => (link.isConnected ? link.click() : window.location.assign(link.href)));
  };
  const navigation = (window as { navigation?: NavigationLike }).navigation;
  const onNavigate = (event: Event) => {
    const { navigationType, destination, cancelable } = event as NavigateEventLike;
    if (leaving || navigationType !== 'traverse' || !cancelable) return;
    if (!leavesPage(window.location.href, destination.url)) return;
    if (deciding) {
      event.preventDefault();
      return;
    }
    const verdict = guard.wouldLose();
    if (verdict === false) return;
    event.preventDefault();
    decide(verdict, () => navigation?.traverseTo(destination.key));
  };
  window.addEventListener('click', onClick, true);
  navigation?.addEventListener('navigate', onNavigate);
  return () => {
    stopped = true;
    window.removeEventListener('click', onClick, true);
    navigation?.removeEventListener('navigate', onNavigate);
  };
}

/** What the dialog about leaving the survey says, and where "Lämna enkäten" goes. */
export interface LeaveAsked {
  /** Numbers out of range (question names): shown, but cannot be stored until corrected. */
  questions: string[];
  /** Answers not stored: a save failing, waiting for its retry, or stopped on a conflict. */
  unsaved: boolean;
  /** What was not stored when the dialog opened has been stored since: leaving loses nothing. */
  storedSince?: boolean;
  /**
   * The survey locked under the person and "Visa det du skrev" lists what was not saved: the text
   * lives only on this page (nothing is being saved), and leaving loses it.
   */
  copyLost?: boolean;
  /** Goes on to where the person was going. */
  leave: () => void;
}

/**
 * The dialog about leaving once what it warned about has been stored while it was open (a retry
 * went through). It stays open and says so, and "Lämna enkäten" then goes without a warning: the
 * page does not leave by itself, as the person may be reading the dialog or about to choose "Stanna
 * kvar", and a page that vanishes under a screen reader or a click is a change nobody asked for at
 * that moment. A number still out of range leaves the one warning that still holds.
 */
export function leaveAskedAfterStore(asked: LeaveAsked, questions: string[]): LeaveAsked {
  if (!asked.unsaved) return asked;
  return { ...asked, questions, unsaved: false, storedSince: questions.length === 0 };
}
