import { type JSX, type RefObject, useContext, useEffect, useRef, useState } from 'react';
import type { PageModel, ProgressButtons, SurveyModel } from 'survey-core';
import { ReactElementFactory, SurveyElementBase, SurveyProgressButtons } from 'survey-react-ui';
import { type Translate, useT } from '../../i18n';
import { oncePerFrame } from './once-per-frame';
import { type PageProgress, type PageState, pageProgress } from './progress-state';
import { ErrorMarkIcon, PageErrorCounts } from './TocItem';

interface Props {
  model: ProgressButtons;
  errorCounts: ReadonlyMap<string, number>;
  t: Translate;
  /** Changes when answers do, so the steps are drawn again. */
  answersSeen: number;
}

/** What a step's name adds after the page's title, as the table of contents words it; '' for a page not done. */
export function stepWords(state: PageState, errors: number, t: Translate): string {
  if (state === 'errors') return t('survey.toc.errors', { count: errors });
  return state === 'done' ? t('survey.progress.done') : '';
}

/**
 * SurveyJS's page progress bar, each step telling the truth (progress-state.ts): ✓ only for a page
 * whose required questions are all answered, the table of contents' "!" for one with answers to
 * correct, a dot otherwise. Each step's name says the same in words ("Transporter (svar att rätta:
 * 1)"), as survey-core's ✓ said nothing to a screen reader. The tabs, their keyboard use and the
 * page they open are survey-core's own.
 */
class PageProgressButtons extends SurveyProgressButtons {
  private progress = new Map<string, PageProgress>();

  override render() {
    // Read when drawn, whatever redraws it (survey-core itself, a page shown or hidden, or the page).
    const { errorCounts, t } = this.props as Props;
    const survey = this.model.survey;
    this.progress = pageProgress(survey, errorCounts);
    const count = survey.visiblePages.length;
    return (
      <>
        {super.render()}
        {/* On a phone the steps have no room for their titles: where the person is, in words
            (the page's own heading, just below, names it). Hidden by CSS where titles show. */}
        {count > 1 && survey.currentPageNo >= 0 ? (
          <p className="kk-progress-where">{t('survey.progress.pageOf', { page: survey.currentPageNo + 1, count })}</p>
        ) : null}
      </>
    );
  }

  protected override renderListElement(page: PageModel, index: number): JSX.Element {
    const { t } = this.props as Props;
    const model = this.model;
    const css = this.css;
    const { state, errors } = this.progress.get(page.name) ?? { state: 'open', errors: 0 };
    const onClick = model.isListElementClickable(index) ? () => model.clickListElement(page) : undefined;
    // survey-core's classes, with its own "passed" replaced by ours.
    const classes = (model.getListElementCss(index) ?? '')
      .split(' ')
      .filter((name) => name !== '' && name !== css.progressButtonsListElementPassed);
    if (state === 'done') classes.push(css.progressButtonsListElementPassed);
    if (state === 'errors') classes.push('kk-progress-errors');
    const title = model.getButtonAriaLabel(page);
    const words = stepWords(state, errors, t);
    return (
      <li
        key={page.uniqueId}
        className={classes.join(' ')}
        data-page-number={model.getItemNumber(page)}
        data-progress={state}
        role="presentation"
      >
        {/* Titles and descriptions are a larger click area for the mouse; the tab is the control.
            The title is for the eye (shortened to two lines by CSS, whole in its tooltip): the
            tab's name says it whole, so a screen reader does not hear it twice. */}
        {model.showItemTitles ? (
          <div
            className={css.progressButtonsPageTitle}
            title={page.renderedNavigationTitle}
            onClick={onClick}
            aria-hidden="true"
          >
            {SurveyElementBase.renderLocString(page.locNavigationTitle)}
          </div>
        ) : null}
        {model.showItemDescriptions && page.navigationDescription ? (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the step's button beside it takes the keyboard.
          // biome-ignore lint/a11y/noStaticElementInteractions: as above.
          <div className={css.progressButtonsPageDescription} title={page.navigationDescription} onClick={onClick}>
            {page.navigationDescription}
          </div>
        ) : null}
        <button
          className={css.progressButtonsButton}
          onClick={onClick}
          role="tab"
          type="button"
          aria-selected={model.isPageSelected(index)}
          aria-label={words ? `${title} ${words}` : title}
          tabIndex={model.getTabIndex(index)}
          data-page-index={index}
        >
          {model.showItemNumbers ? (
            model.getItemNumber(page)
          ) : state === 'done' ? (
            <svg className={css.progressButtonsCheckIcon} aria-hidden="true">
              <use xlinkHref={`#icon-${css.progressButtonsCheckIconId}`} />
            </svg>
          ) : state === 'errors' ? (
            <ErrorMarkIcon size={16} />
          ) : (
            <div className={css.progressButtonsDot} />
          )}
        </button>
      </li>
    );
  }
}

/** The key under which the bar watches each question. */
const PROGRESS_WATCH = 'kk-progress';

/**
 * A count that changes (once a frame) when an answer, or which questions are asked or required,
 * changes: setting the answers as a whole (a merge, last year's answers) fires no survey event.
 */
function useAnswersSeen(survey: SurveyModel): number {
  const [seen, setSeen] = useState(0);
  useEffect(() => {
    const redraw = oncePerFrame(() => setSeen((n) => n + 1));
    const changed = redraw.schedule;
    const questions = survey.getAllQuestions();
    for (const question of questions) {
      question.registerPropertyChangedHandlers(['value', 'visible', 'isRequired'], changed, PROGRESS_WATCH);
    }
    // A page with nothing required is done once it has been shown.
    survey.onCurrentPageChanged.add(changed);
    return () => {
      redraw.cancel();
      survey.onCurrentPageChanged.remove(changed);
      for (const question of questions) {
        question.unregisterPropertyChangedHandlers(['value', 'visible', 'isRequired'], PROGRESS_WATCH);
      }
    };
  }, [survey]);
  return seen;
}

/** The bar's sideways scroller, and its current page's step. */
function currentStep(box: HTMLElement | null): { list: HTMLElement; step: HTMLElement } | null {
  const list = box?.querySelector<HTMLElement>('.sd-progress-buttons__list-container');
  const step = list?.querySelector<HTMLElement>('.sd-progress-buttons__list-element--current');
  return list && step ? { list, step } : null;
}

/** How wide the faded edge is where more steps lie beyond it (survey.css, `data-more`). */
const FADE_PX = 24;

/**
 * Scrolls the bar sideways, only within itself (the page does not move), until `step` is in view
 * clear of the faded edges: centred, so the steps on either side of it show too.
 */
function scrollStepIntoView({ list, step }: { list: HTMLElement; step: HTMLElement }): void {
  const edge = list.getBoundingClientRect();
  const place = step.getBoundingClientRect();
  if (place.left < edge.left + FADE_PX || place.right > edge.right - FADE_PX) {
    list.scrollLeft += place.left + place.width / 2 - (edge.left + edge.width / 2);
  }
  markMoreSteps(list);
}

/**
 * Says on the bar which of its ends has steps scrolled out of view ("before", "after", "both"),
 * so CSS fades that end: a mouse user sees there are more steps, and no title is cut mid-letter.
 */
function markMoreSteps(list: HTMLElement): void {
  const before = list.scrollLeft > 1;
  const after = list.scrollLeft + list.clientWidth < list.scrollWidth - 1;
  const more = before && after ? 'both' : before ? 'before' : after ? 'after' : '';
  if (list.dataset.more !== more) list.dataset.more = more;
}

/**
 * Where the steps do not fit (a phone shows three of ten), survey-core scrolls them sideways but
 * leaves the start in view: bring the current page's step into view when the page changes or the
 * bar's width does (a phone turned), so the bar shows where the person is, not only the first pages.
 */
function useCurrentStepInView(box: RefObject<HTMLDivElement | null>, survey: SurveyModel, answersSeen: number): void {
  const shownFor = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: answersSeen changes with the current page.
  useEffect(() => {
    const current = survey.currentPage?.name ?? null;
    const found = currentStep(box.current);
    if (current === shownFor.current || !found) return;
    shownFor.current = current;
    scrollStepIntoView(found);
  }, [box, survey, answersSeen]);
  useEffect(() => {
    const list = box.current?.querySelector<HTMLElement>('.sd-progress-buttons__list-container');
    if (!list) return;
    const scrolled = () => markMoreSteps(list);
    list.addEventListener('scroll', scrolled, { passive: true });
    markMoreSteps(list);
    if (typeof ResizeObserver === 'undefined') return () => list.removeEventListener('scroll', scrolled);
    let width = list.clientWidth;
    const observer = new ResizeObserver(() => {
      markMoreSteps(list);
      if (list.clientWidth === width) return;
      width = list.clientWidth;
      const found = currentStep(box.current);
      if (found) scrollStepIntoView(found);
    });
    observer.observe(list);
    return () => {
      list.removeEventListener('scroll', scrolled);
      observer.disconnect();
    };
  }, [box]);
}

function TruthfulProgressButtons(props: Record<string, unknown>) {
  const t = useT();
  const errorCounts = useContext(PageErrorCounts);
  const survey = (props.model as ProgressButtons).survey;
  const answersSeen = useAnswersSeen(survey);
  const box = useRef<HTMLDivElement>(null);
  useCurrentStepInView(box, survey, answersSeen);
  return (
    // No box of its own in the layout: only a handle on the bar's elements.
    <div className="kk-progress" style={{ display: 'contents' }} ref={box}>
      <PageProgressButtons {...props} errorCounts={errorCounts} t={t} answersSeen={answersSeen} />
    </div>
  );
}

ReactElementFactory.Instance.registerElement('sv-progress-buttons', (props: Record<string, unknown>) => (
  <TruthfulProgressButtons {...props} />
));
