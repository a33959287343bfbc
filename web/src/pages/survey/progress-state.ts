/**
 * What each step of the survey's page progress bar says: done (✓), answers to correct ("!"), or
 * not done yet (a dot).
 *
 * survey-core 3.0 ticks a page once it has been shown in this browser or has any answer at all
 * (`ProgressButtons.isListElementPassed`): a page with one answer of eight, or with a number out of
 * range, gets the same ✓ as a finished one, while the table of contents and the error summary say
 * it needs correcting. Two contacts fill in the organisation's survey over weeks: the one who opens
 * it after the other has done most of it expects the bar to show where the organisation stands,
 * as the home page's "x av y obligatoriska frågor besvarade" does, not where this browser has been.
 * So a page is done when every required question it asks is answered (whoever answered it, in
 * whichever sitting) and it shows no error; errors come first, whatever else holds.
 */
import type { PageModel, SurveyModel } from 'survey-core';

export type PageState = 'done' | 'errors' | 'open';

/** What a page's step is decided from. */
export interface PageFacts {
  /** Visible questions on the page that show an error now (as the table of contents counts them). */
  errors: number;
  /** Visible required questions, and how many of them are answered. */
  required: number;
  requiredAnswered: number;
  /** Visible questions answered, required or not. */
  answered: number;
  /** Shown in this browser (survey-core's own notion). */
  seen: boolean;
}

export function pageState(facts: PageFacts): PageState {
  if (facts.errors > 0) return 'errors';
  if (facts.required > 0) return facts.requiredAnswered >= facts.required ? 'done' : 'open';
  // Nothing on it is required (e.g. "Goda exempel"): nothing is left once it has been looked at
  // or answered; unseen and empty, it is not done.
  return facts.answered > 0 || facts.seen ? 'done' : 'open';
}

/** A page's facts as survey-core has them now; `errors` as counted for the table of contents. */
export function pageFacts(page: PageModel, errors: number): PageFacts {
  // survey-core's own count for "requiredQuestions" progress: visible questions only, so a
  // follow-up hidden by its condition (or required only under one) counts only while asked.
  const info = page.getProgressInfo();
  return {
    errors,
    required: info.requiredQuestionCount,
    requiredAnswered: info.requiredAnsweredQuestionCount,
    answered: info.answeredQuestionCount,
    seen: page.wasShown,
  };
}

export interface PageProgress {
  state: PageState;
  errors: number;
}

/** Each visible page's step (by page name), given the error counts the table of contents shows. */
export function pageProgress(model: SurveyModel, errorCounts: ReadonlyMap<string, number>): Map<string, PageProgress> {
  const progress = new Map<string, PageProgress>();
  for (const page of model.visiblePages) {
    const errors = errorCounts.get(page.name) ?? 0;
    progress.set(page.name, { state: pageState(pageFacts(page, errors)), errors });
  }
  return progress;
}
