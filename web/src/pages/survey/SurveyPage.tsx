import 'survey-core/i18n/swedish';
// Only the property registration: the survey JSON carries scoring properties survey-core must accept.
import '../../../../shared/scoring/scoring-properties';
import { memo, type Ref, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import {
  type CustomError,
  Model,
  type PageModel,
  type Question,
  type SurveyModel,
  settings,
  surveyLocalization,
} from 'survey-core';
import { Survey } from 'survey-react-ui';
import { Link, useLocation } from 'wouter';
import { ApiError, apiClient } from '../../api/client';
import { effectiveDeadline, loadMemberOverview, responseVersion, surveyAvailability } from '../../api/member';
import type { Answers, CurrentCampaign, MyOrganisation, SurveyResponse } from '../../api/types';
import { BackLink } from '../../components/BackLink';
import { Dialog } from '../../components/Dialog';
import { LoadError, Loading } from '../../components/Feedback';
import { addEnglish, addSwedish, type Lang, type Translate, translate, useLang, useT } from '../../i18n';
import { enSurvey } from '../../i18n/en-survey';
import { svSurvey } from '../../i18n/sv-survey';
import { readStored, writeStored } from '../../lib/browser-storage';
import { formatDateTime, formatTime } from '../../lib/format';
import { PendingSaveFailed, registerPendingSave } from '../../lib/pending-saves';
import { loadSurveyCss } from '../../lib/survey-css';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { useSession } from '../../session';
import { Autosaver, type SaveState } from './autosave';
import { useBarClearance } from './bar-clearance';
import { ConflictDialog, type DescribedAnswer } from './ConflictDialog';
import {
  analyseConflict,
  type Choice,
  changedQuestions,
  inSurveyOrder,
  type Answers as MergeAnswers,
  mergeAnswers,
} from './conflict-merge';
import {
  currentProblems,
  groupProblems,
  type ProblemEntry,
  problemText,
  type QuestionProblem,
  saveEntry,
  summaryEntry,
  withoutCorrected,
} from './error-summary';
import { retryEachFrame } from './frame-retry';
import {
  FRESHNESS_POLL_MS,
  freshnessAction,
  type Refreshed,
  refreshedBy,
  refreshedMessage,
  shouldRead,
} from './freshness';
import { KansliMessages } from './KansliMessages';
import { type LockLoss, LockLossNotice } from './LockLossNotice';
import { guardInAppLeaving, type LeaveAsked, leaveAskedAfterStore, recordFieldValue } from './leaving';
import { type LockReason, lockOfAvailability, lockReasonOf, lockText } from './lock-reason';
import { lostEdits } from './lost-edits';
import {
  acceptDecimalComma,
  focusedNumberField,
  keepingTypedText,
  keepingUnrecorded,
  numberQuestions,
  questionTypedIn,
  recordNumbersWhenLeft,
  refuseOffStepNumbers,
  unrecordedAnswers,
  watchNumberTyping,
} from './number-input';
import { oncePerFrame } from './once-per-frame';
import {
  COMMENT_SUFFIX,
  errorTextsOf,
  keyLookup,
  labelOf,
  markProblem,
  pageErrorCounts,
  placeOf,
  problemsOf,
  questionOfKey,
} from './question-lookup';
import { saveStatusView } from './save-status';
import { applyLanguage } from './survey-language';
import { SURVEY_THEME } from './survey-theme';
import { PageErrorCounts, TOC_ITEM } from './TocItem';
// Registers the contents' menu button for narrow screens (a real <button>).
import './TocMenuButton';

// Registers the page progress bar whose ✓ means done and "!" answers to correct (survey-core's ✓ means "seen").
import './ProgressButtons';

// This page's and the conflict dialog's Swedish strings come with this chunk, not with every page.
addSwedish(svSurvey);
addEnglish(enSurvey);
// The survey JSON's "default" texts are Swedish, with "en" beside them.
surveyLocalization.defaultLocale = 'sv';
// Real headings under the page's h1, so screen reader users can move by page and question.
settings.titleTags.page = 'h2';
settings.titleTags.panel = 'h3';
settings.titleTags.question = 'h3';
if (typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
  settings.animationEnabled = false;
}

/**
 * Only the answers to questions the survey still has. The kansli may have removed a question
 * this draft answered; the server drops such keys when saving, so the page leaves them out too
 * (else every comparison with what is stored would see a change nobody made).
 */
function knownAnswers(model: SurveyModel, data: Answers): Answers {
  return Object.fromEntries(Object.entries(data).filter(([key]) => questionOfKey(model, key) !== null));
}

function snapshot(model: SurveyModel): Answers {
  return knownAnswers(model, JSON.parse(JSON.stringify(model.data ?? {})) as Answers);
}

/** The numbers out of range that fields show but the answers do not hold (see number-input.ts). */
function unrecordedValues(model: SurveyModel): Answers {
  return Object.fromEntries(unrecordedAnswers(model).map((name) => [name, model.getQuestionByName(name)?.value]));
}

/** The survey's data keys in the order it asks them: each question, then its comment. */
function surveyOrder(model: SurveyModel): string[] {
  return model.getAllQuestions().flatMap((question) => [question.name, question.name + COMMENT_SUFFIX]);
}

/**
 * Text typed in a field is recorded on each keystroke ('onTyping'), but number fields and other
 * text areas (e.g. an "other" answer's comment) record it only when the field loses focus: record
 * it now, keeping the focus where it is.
 */
function commitTyping(frame: HTMLElement | null): void {
  const active = document.activeElement;
  if (!frame || !(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) return;
  if (!frame.contains(active)) return;
  active.blur();
  active.focus({ preventScroll: true });
}

function applyPrefill(model: SurveyModel, response: SurveyResponse, t: Translate): void {
  for (const [name, source] of Object.entries(response.prefill?.sources ?? {})) {
    const question = model.getQuestionByName(name);
    if (!question) continue;
    question.readOnly = true;
    question.description = t('survey.prefilledFrom', { source });
  }
}

function createModel(
  campaign: CurrentCampaign,
  response: SurveyResponse,
  my: MyOrganisation,
  editable: boolean,
  lang: Lang,
  t: Translate,
): SurveyModel {
  // Swedish is the survey's default locale; applyLanguage adds the page's language beside it.
  const model = new Model({ ...campaign.survey, completeText: translate('sv', 'survey.complete') });
  model.applyTheme(SURVEY_THEME);
  applyLanguage(model, lang, t);
  model.showTitle = false;
  model.showProgressBar = true;
  model.progressBarLocation = 'top';
  // Each step's page title under it, so the mouse sees which page a step opens (survey.css
  // shortens long ones; a phone shows "Sida 3 av 10" instead). Not numbered: the step shows ✓/!/dot.
  model.progressBarShowNavigationText = true;
  model.progressBarNavigationTextLocation = 'bottom';
  model.showTOC = true;
  model.tocLocation = 'left';
  // Each page's entry says when answers on it need correcting (survey-core marks no page).
  model.tocItemComponent = TOC_ITEM;
  model.showCompletePage = false;
  model.autoFocusFirstQuestion = false;
  // Record text as it is typed, not only when the field loses focus, so autosave (whose pause
  // restarts with each keystroke) and the leave-page warning know about it.
  model.textUpdateMode = 'onTyping';
  // Except numbers: typed key by key they pass through values nobody meant (see number-input.ts).
  recordNumbersWhenLeft(model);
  refuseOffStepNumbers(model);
  // A shared draft is filled in over many sittings: moving between pages is never blocked.
  // Everything is checked when submitting (here, then again on the server).
  model.validationAllowSwitchPages = true;
  const data: Answers = { ...response.data };
  if (editable) {
    Object.assign(data, response.prefill?.values ?? {});
    const organisation = model.getQuestionByName('organisation');
    if (organisation?.isReadOnly && data.organisation === undefined) data.organisation = my.organisation.name;
  }
  model.data = data;
  applyPrefill(model, response, t);
  if (!editable) model.readOnly = true;
  return model;
}

/**
 * The survey, drawn again only by survey-core itself. A render from the page (the save status, an
 * error count) would otherwise redraw every question, and survey-react-ui puts each field's
 * recorded value back into it: a number being typed (recorded when the field is left) would vanish.
 */
const SurveyView = memo(function SurveyView({ model }: { model: SurveyModel }) {
  return <Survey model={model} />;
});

/** The key under which the page watches each question's errors. */
const ERRORS_WATCH = 'kk-page-errors';

function describeWith(model: SurveyModel, t: Translate) {
  return (name: string, value: unknown): DescribedAnswer => {
    const isComment = name.endsWith(COMMENT_SUFFIX);
    const question = questionOfKey(model, name);
    const { title, context } = labelOf(model, name, t);
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      return { title, context, text: t('conflict.empty') };
    }
    if (!question || isComment) {
      return { title, context, text: typeof value === 'string' ? value : JSON.stringify(value) };
    }
    const display: unknown = question.getDisplayValue(true, value);
    const text = Array.isArray(display)
      ? display.join(', ')
      : typeof display === 'object' && display !== null
        ? JSON.stringify(display)
        : String(display);
    return { title, context, text };
  };
}

/** One line of an error list: the question's title (a way to it), where it stands, and what is wrong. */
function ErrorLine({ entry, onOpen }: { entry: ProblemEntry; onOpen: (question: string) => void }) {
  return (
    <li>
      {entry.opens ? (
        <button type="button" className="link-button" onClick={() => onOpen(entry.question)}>
          {entry.title}
        </button>
      ) : (
        entry.title
      )}
      {entry.note && <span className="muted"> ({entry.note})</span>}
      <span className="problem-separator">: </span>
      <span className="problem-message" lang={entry.lang}>
        {entry.message}
      </span>
    </li>
  );
}

/**
 * Moves focus into a question's box once it is drawn: its first control, else the box itself.
 * Answers whether focus is there (false: not drawn yet).
 */
function focusIntoQuestion(frame: HTMLElement | null, name: string): boolean {
  const box = frame?.querySelector<HTMLElement>(`.sd-question[data-name="${CSS.escape(name)}"]`);
  if (!box) return false;
  if (box.contains(document.activeElement)) return true;
  const control = box.querySelector<HTMLElement>('input:not([type="hidden"]), textarea, select, button');
  if (control) control.focus();
  else {
    box.tabIndex = -1;
    box.focus();
  }
  return true;
}

/**
 * Moves focus to question `name` (the question itself, not its page's heading, so the page change
 * it may cause counts as quiet). survey-core focuses by input id once the page has drawn, which
 * misses some question types (e.g. yes/no as radio buttons): focus is then put into the question.
 */
function focusQuestion(
  model: SurveyModel,
  name: string,
  quietPageChange: { current: number },
  frame: { current: HTMLElement | null },
): void {
  const question = questionOfKey(model, name);
  if (!question) return;
  quietPageChange.current++;
  try {
    question.focus(true);
  } finally {
    quietPageChange.current--;
  }
  setTimeout(() => retryEachFrame(() => focusIntoQuestion(frame.current, question.name)), 50);
}

/** What the bar says about saving (see `saveStatusView` for what comes first). */
function SaveStatus({
  state,
  unrecorded,
  typingNumber,
  onRetry,
  onShowUnrecorded,
  statusRef,
  retryRef,
}: {
  state: SaveState;
  unrecorded: number;
  typingNumber: boolean;
  onRetry: () => void;
  onShowUnrecorded: () => void;
  statusRef: Ref<HTMLSpanElement>;
  retryRef: Ref<HTMLButtonElement>;
}) {
  const t = useT();
  const [lang] = useLang();
  const { shown, look, withUnrecorded } = saveStatusView(state.kind, unrecorded, typingNumber);
  const unrecordedText =
    unrecorded === 1 ? t('survey.save.unrecordedOne') : t('survey.save.unrecorded', { count: unrecorded });
  let text: string;
  switch (state.kind) {
    case 'idle':
      text = t('survey.save.idle');
      break;
    case 'pending':
    case 'saving':
      text = t('survey.save.saving');
      break;
    case 'saved':
      text = t('survey.save.saved', { time: formatTime(state.at, lang) });
      break;
    case 'retrying':
      text = t('survey.save.retrying');
      break;
    case 'conflict':
      text = t('survey.save.conflict');
      break;
    case 'failed':
      text = t('survey.save.failed', { message: state.message });
      break;
  }
  if (shown === 'unrecorded') text = unrecordedText;
  else if (shown === 'typing') text = t('survey.save.onLeave');
  const problem = shown === 'retrying' || shown === 'failed';
  return (
    <p className={`save-status save-${look}`} data-save-state={shown}>
      <span className="save-dot" aria-hidden="true" />
      <span role="status" aria-live="polite" aria-atomic="true" tabIndex={-1} ref={statusRef}>
        {text}
        {withUnrecorded && shown !== 'unrecorded' && (
          // Both in the one announcement, with a pause between them for screen readers.
          <span className="save-note">
            <span aria-hidden="true"> · </span>
            <span className="visually-hidden">. </span>
            {unrecordedText}
          </span>
        )}
      </span>
      {problem && (
        <button type="button" className="link-button" onClick={onRetry} ref={retryRef}>
          {t('survey.save.retryNow')}
        </button>
      )}
      {withUnrecorded && (
        <button type="button" className="link-button" onClick={onShowUnrecorded}>
          {t('survey.save.showUnrecorded')}
        </button>
      )}
    </p>
  );
}

/** How long leaving inside the app waits for what is pending to be stored before asking. */
const LEAVE_STORE_WAIT_MS = 8000;

/**
 * Stores what is pending before the page is left inside the app; true once stored. A save that
 * fails, waits for its retry or a conflict, or takes too long (a request that hangs: the link must
 * not seem dead), is false.
 */
function storedBeforeLeaving(saver: Autosaver): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    saver.flush().then(
      () => true,
      () => false,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), LEAVE_STORE_WAIT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** What the page keeps of a stored response (a fresh read, a conflict): its answers, their version and who saved it. */
function storedStateOf(response: ConflictState['current']): ConflictState['current'] {
  return {
    data: response.data,
    version: response.version,
    updatedAt: response.updatedAt,
    updatedBy: response.updatedBy,
  };
}

interface ConflictState {
  current: { data: Answers; version: number; updatedAt?: string; updatedBy?: { name: string; email: string } };
  mine: MergeAnswers;
  base: MergeAnswers;
}

function SurveyEditor({
  campaign,
  response,
  my,
}: {
  campaign: CurrentCampaign;
  response: SurveyResponse;
  my: MyOrganisation;
}) {
  const t = useT();
  const [lang] = useLang();
  const [, navigate] = useLocation();
  const availability = surveyAvailability(campaign, response);
  // An organisation that may not answer sees its answers read-only from the start, not after a refused save.
  const editable = availability.kind === 'editable' && !response.notAMember;
  const tRef = useRef(t);
  tRef.current = t;
  const langRef = useRef(lang);
  langRef.current = lang;
  // One model for the page's life; language and read-only state change on it in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: built once from the loaded data.
  const model = useMemo(() => createModel(campaign, response, my, editable, lang, t), [campaign, response]);
  const [saveState, setSaveState] = useState<SaveState>(
    response.updatedAt ? { kind: 'saved', at: response.updatedAt } : { kind: 'idle' },
  );
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Why the survey is read-only, kept as the reason and worded at render time, so a language switch
  // rewords it (and changing language rebuilds nothing: see `lock`).
  const [locked, setLocked] = useState<LockReason | null>(() => lockOfAvailability(availability, response.notAMember));
  const lockedReason = locked && lockText(locked, t, lang);
  // A lock that came from a refused request: what the person had typed that is not stored.
  const [loss, setLoss] = useState<LockLoss | null>(null);
  const lossNotice = useRef<HTMLDivElement>(null);
  // Read by handlers set up once (leaving, "Logga ut", the freshness reads): the lock and whether
  // "Visa det du skrev" lists text that lives only on this page.
  const lockedRef = useRef(locked);
  lockedRef.current = locked;
  const copyShownRef = useRef(false);
  copyShownRef.current = !!loss && loss.state !== 'loading' && loss.keys.length > 0;
  // The stored answers replaced the page's quietly: who saved them and when, said politely.
  const [refreshed, setRefreshed] = useState<Refreshed | null>(null);
  // What the read of the stored response compares, kept to read again after a failure.
  const lossInput = useRef<{ base: Answers; mine: Answers } | null>(null);
  // "Nej tack" to last year's answers lasts the browser session: the offer stays away while the
  // person works, and is there again another day (the home page still mentions it).
  const dismissedKey = `kk.carryOver.dismissed.${campaign.year}.${my.organisation.id}`;
  const [offer, setOffer] = useState(() =>
    editable && readStored('session', dismissedKey) !== '1' ? (response.carryOver ?? null) : null,
  );
  const [carrying, setCarrying] = useState(false);
  const [carryMessage, setCarryMessage] = useState<string | null>(null);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // What to correct before submitting, as listed; shown with the errors each question shows now.
  const [submitErrors, setSubmitErrors] = useState<QuestionProblem[]>([]);
  const [submitMessage, setSubmitMessage] = useState<string | null>(null);
  // A save the server refused as invalid (422): which answers, and why.
  const [saveErrors, setSaveErrors] = useState<QuestionProblem[]>([]);
  const saveErrorMarks = useRef<Array<{ question: Question; error: CustomError }>>([]);
  const errorSummary = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLSpanElement>(null);
  const retryRef = useRef<HTMLButtonElement>(null);
  // Page changes the page itself makes (restoring the last page, going to an error) keep focus
  // where it is; a page change by the person moves focus to the new page's heading.
  const quietPageChange = useRef(0);
  // Where keyboard focus goes when the offer of last year's answers (and its buttons) goes away:
  // moved once React has drawn the change, so the target exists.
  const noticeRef = useRef<HTMLDivElement>(null);
  const surveyFrame = useRef<HTMLDivElement>(null);
  // The sticky save bar: whatever scrolls into view clears it, however many lines it has.
  const surveyBar = useRef<HTMLDivElement>(null);
  useBarClearance(surveyBar);
  const [focusTarget, setFocusTarget] = useState<
    'notice' | 'survey' | 'afterConflict' | 'errors' | 'saveStatus' | 'lossNotice' | null
  >(null);
  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget === 'errors') {
      // After the confirm dialog (if any) has handed focus back: the summary takes it (GOV.UK).
      requestAnimationFrame(() => {
        errorSummary.current?.focus({ preventScroll: true });
        errorSummary.current?.scrollIntoView({ block: 'start' });
      });
    } else if (focusTarget === 'afterConflict') {
      // Dialog has handed focus back to the control used before it; if that has gone, the save status.
      if (!document.activeElement || document.activeElement === document.body) statusRef.current?.focus();
    } else if (focusTarget === 'saveStatus') {
      // After the dialog about leaving has handed focus back: "Försök nu" where shown, else the status.
      (retryRef.current ?? statusRef.current)?.focus();
    } else if (focusTarget === 'lossNotice') {
      lossNotice.current?.focus();
    } else (focusTarget === 'notice' ? noticeRef : surveyFrame).current?.focus();
    setFocusTarget(null);
  }, [focusTarget]);
  // A save that went through again has nothing left to correct.
  useEffect(() => {
    if (saveState.kind !== 'saved') return;
    setSaveErrors([]);
    for (const { question, error } of saveErrorMarks.current) question.removeError(error);
    saveErrorMarks.current = [];
  }, [saveState.kind]);
  const saverRef = useRef<Autosaver | null>(null);
  // Signed in again in another tab after the session ended here: save what waited, at once.
  const { state: session } = useSession();
  useEffect(() => {
    if (session.status === 'signed-in' && session.resumed) saverRef.current?.retryNow();
  }, [session]);
  const pageKey = `kk.page.${campaign.year}`;

  /** After the person changes page: focus the new page's heading, so screen readers announce it. */
  const focusPageHeading = useCallback((page: PageModel) => {
    retryEachFrame(
      () => {
        const heading = document.getElementById(page.ariaTitleId);
        if (!heading || !surveyFrame.current?.contains(heading)) return false;
        heading.tabIndex = -1;
        heading.focus();
        return true;
      },
      { giveUp: () => surveyFrame.current?.focus() },
    );
  }, []);

  // survey-core keeps no error state per page, nor a survey event for a question's errors: watch
  // each question's `errors`, to draw the table of contents' marks and the summary's lines again
  // and take corrected answers off it (once a frame, however many changed).
  const [, setErrorsSeen] = useState(0);
  const errorsChanged = useRef<() => void>(() => {});
  useEffect(() => {
    const redraw = oncePerFrame(() => {
      setErrorsSeen((n) => n + 1);
      setSubmitErrors((listed) => withoutCorrected(listed, (key) => errorTextsOf(model, key)));
    });
    const changed = redraw.schedule;
    errorsChanged.current = changed;
    const questions = model.getAllQuestions();
    for (const question of questions) question.registerPropertyChangedHandlers(['errors'], changed, ERRORS_WATCH);
    // A number field's value, recorded or not (out of range), decides whether the bar says "saved".
    const numbers = numberQuestions(model);
    for (const question of numbers) question.registerPropertyChangedHandlers(['value'], changed, ERRORS_WATCH);
    return () => {
      redraw.cancel();
      errorsChanged.current = () => {};
      for (const question of questions) question.unregisterPropertyChangedHandlers(['errors'], ERRORS_WATCH);
      for (const question of numbers) question.unregisterPropertyChangedHandlers(['value'], ERRORS_WATCH);
    };
  }, [model]);

  // Number fields: a decimal comma is read as one, and the bar says a number being typed is saved
  // when the field is left.
  const [typingNumber, setTypingNumber] = useState(false);
  useEffect(() => {
    const frame = surveyFrame.current;
    if (!frame) return;
    const stopComma = acceptDecimalComma(frame, () => langRef.current);
    const stopWatch = watchNumberTyping(frame, setTypingNumber);
    return () => {
      stopComma();
      stopWatch();
    };
  }, []);

  // The page unmounted with the focus still in a field (the browser's Back, where the guard below
  // did not get to record it first), and React sends no blur for what it removes (links take the
  // focus when clicked): record what the field shows, as leaving it would, before the autosaver's
  // clean-up, a passive effect's, stores it.
  useLayoutEffect(() => {
    const frame = surveyFrame.current;
    return () => {
      const active = document.activeElement;
      if (!frame || !(active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) return;
      if (frame.contains(active)) recordFieldValue(model, active, langRef.current);
    };
  }, [model]);

  /**
   * The stored answers replaced the person's on `keys` (all, without): the errors those questions
   * showed were about answers no longer there, and a refused save's list with them.
   */
  const clearStaleErrors = useCallback(
    (keys?: readonly string[]) => {
      const questions = keys
        ? keys.map((key) => questionOfKey(model, key)).filter((q): q is Question => q !== null)
        : model.getAllQuestions();
      for (const question of questions) if (question.errors.length > 0) question.errors = [];
      const cleared = new Set(questions);
      saveErrorMarks.current = saveErrorMarks.current.filter(({ question }) => !cleared.has(question));
      setSaveErrors((listed) =>
        listed.filter((problem) => {
          const question = questionOfKey(model, problem.question);
          return question !== null && !cleared.has(question);
        }),
      );
    },
    [model],
  );

  const applyMerged = useCallback(
    (merged: Answers, current: ConflictState['current']) => {
      const before = snapshot(model);
      // A number out of range stays in its field, still "Inte sparat", not replaced by the stored one.
      const apply = () =>
        keepingUnrecorded(model, () => {
          model.data = merged;
        });
      // A number being typed (recorded when its field is left) keeps what the person typed: it wins
      // over the stored answer once recorded, as their own change to any other question does. The
      // fields are drawn at once (flushSync), while that one is kept from being written to.
      const field = focusedNumberField(surveyFrame.current);
      if (field && questionTypedIn(model, field)) keepingTypedText(field, () => flushSync(apply));
      else apply();
      // An error shown on an answer that was replaced was about an answer no longer there (a number
      // out of range kept in its field keeps its own).
      const kept = new Set(unrecordedAnswers(model));
      clearStaleErrors(changedQuestions(before, snapshot(model)).filter((key) => !kept.has(key)));
      saverRef.current?.resolve(snapshot(model), current);
    },
    [model, clearStaleErrors],
  );

  /**
   * After a lock: reads what is stored and shows it in the fields, and finds which of the person's
   * changes since their last save (`base`) it does not hold. Unreadable, the fields keep what the
   * person typed, and the notice says so and offers to read again.
   */
  const showStored = useCallback(
    async (base: Answers, mine: Answers) => {
      const order = surveyOrder(model);
      // Prefilled and read-only questions: nothing the person typed (their own flag, not the survey's lock).
      const canEdit = (key: string) => !questionOfKey(model, key)?.readOnly;
      setLoss((shown) => ({ keys: [], mine, ...shown, state: shown ? 'reloading' : 'loading' }));
      try {
        const fresh = await apiClient.response(campaign.year);
        const stored = knownAnswers(model, fresh.data);
        const keys = lostEdits(base, mine, stored, order, canEdit);
        model.data = fresh.data;
        clearStaleErrors();
        setLoss({
          state: 'loaded',
          keys,
          mine,
          ...(fresh.status === 'submitted' ? { submittedAt: fresh.submittedAt, submittedBy: fresh.submittedBy } : {}),
        });
      } catch {
        const keys = inSurveyOrder(changedQuestions(base, mine).filter(canEdit), order);
        setLoss({ state: 'failed', keys, mine });
      }
    },
    [model, campaign.year, clearStaleErrors],
  );

  /** A closed or submitted survey, or a non-member's, becomes read-only for good; answers whether this error was such. */
  // Depends on nothing the language changes: the autosaver is built with it, and rebuilding that on
  // a language switch would start it again from the version the page loaded (a false conflict).
  const lockFor = useCallback(
    (reason: LockReason) => {
      // Once: a save refused after a read found the lock (or the other way round) changes nothing more.
      if (lockedRef.current) return;
      lockedRef.current = reason;
      setRefreshed(null);
      // What the person sees counts as typed: the field they are in (a number is recorded only
      // when left) and a number out of range, which the answers never held.
      const active = document.activeElement;
      const frame = surveyFrame.current;
      if (frame && (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)) {
        if (frame.contains(active)) recordFieldValue(model, active, langRef.current);
      }
      const mine = { ...snapshot(model), ...unrecordedValues(model) };
      model.readOnly = true;
      setLocked(reason);
      // Refused, the request's answers are not stored; neither is anything typed since. The page
      // shows what is, and says what was lost (the other contact's submission wins over it).
      lossInput.current = { base: saverRef.current?.stored ?? knownAnswers(model, response.data), mine };
      void showStored(lossInput.current.base, mine);
    },
    [model, response, showStored],
  );
  const lock = useCallback(
    (error: ApiError): boolean => {
      const reason = lockReasonOf(error, campaign.opensAt);
      if (reason) lockFor(reason);
      return !!reason;
    },
    [campaign.opensAt, lockFor],
  );

  useEffect(() => {
    const saver = new Autosaver({
      version: response.version,
      base: knownAnswers(model, response.data),
      save: (data, version) => apiClient.saveDraft(campaign.year, data, version),
      saveOnLeave: (data, version) => apiClient.saveDraftOnLeave(campaign.year, data, version),
      onState: setSaveState,
      onConflict: ({ current: stored, mine, base }) => {
        // What the server holds may still answer questions the survey no longer has.
        const current = { ...stored, data: knownAnswers(model, stored.data) };
        const analysis = analyseConflict(base, mine, current.data);
        if (analysis.conflicts.length === 0) {
          // Only one side touched each question: merge without asking, and say so when anything
          // of theirs came in (both making the same change is nothing to tell).
          const merged = mergeAnswers(base, mine, current.data, {});
          applyMerged(merged, current);
          if (analysis.takenFromTheirs.length > 0) {
            setNotice(
              tRef.current('conflict.autoMerged', {
                name: current.updatedBy?.name ?? tRef.current('conflict.someone'),
                count: analysis.takenFromTheirs.length,
              }),
            );
          }
          return;
        }
        setConflict({ current, mine, base });
      },
      onFailure: (error) => {
        if (lock(error)) return;
        if (error.status === 422 && error.questionErrors.length > 0) {
          // Say which answers and why, beside each question too; focus stays where the person types.
          setSaveErrors(error.questionErrors);
          for (const problem of error.questionErrors) {
            const question = model.getQuestionByName(problem.question);
            if (question) saveErrorMarks.current.push({ question, error: markProblem(model, question, problem) });
          }
        }
      },
    });
    saverRef.current = saver;
    const onChange = (_: SurveyModel, options: { question?: Question | null }) => {
      saver.change(snapshot(model));
      // A question showing an error is checked again as it is answered, so the error goes away
      // (and with it the question's line in the summary and its page's mark).
      const changed = options.question;
      if (changed && changed.errors.length > 0) changed.validate(true);
    };
    model.onValueChanged.add(onChange);
    // "Skicka in" checks here instead of in survey-core's own completion, which (with pages free
    // to switch) opens the first gap's page and shows one error. The same survey-core rules the
    // server applies, on every page; the person stays where they are, and a summary lists every
    // question to correct, by page, each a way to that question.
    const checkBeforeSubmit = () => {
      setSubmitMessage(null);
      quietPageChange.current++;
      try {
        if (!model.validate(true, false)) {
          setSubmitErrors(problemsOf(model));
          setFocusTarget('errors');
          return;
        }
      } finally {
        quietPageChange.current--;
      }
      setSubmitErrors([]);
      setConfirmOpen(true);
    };
    const completeAction = model.navigationBar.getActionById('sv-nav-complete');
    const ownComplete = completeAction?.action;
    if (completeAction) completeAction.action = checkBeforeSubmit;
    // Should anything else complete the survey: never locally; submitting is the API's.
    const onCompleting = (_: SurveyModel, options: { allow: boolean }) => {
      options.allow = false;
      checkBeforeSubmit();
    };
    model.onCompleting.add(onCompleting);
    const onPage = (_: SurveyModel, options: { newCurrentPage: PageModel }) => {
      writeStored('local', pageKey, model.currentPage?.name ?? '');
      if (quietPageChange.current === 0) focusPageHeading(options.newCurrentPage);
    };
    model.onCurrentPageChanged.add(onPage);
    // Leaving (closing, reloading) or hiding the tab (switching app on a phone, where the page may
    // never come back): send what is pending now, with a request that outlives the page.
    const leave = () => {
      commitTyping(surveyFrame.current);
      saver.leave();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') leave();
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      // Locked: nothing is being saved (what was refused stays unsaved), but the text "Visa det du
      // skrev" lists lives only on this page.
      if (lockedRef.current) {
        if (copyShownRef.current) event.preventDefault();
        return;
      }
      commitTyping(surveyFrame.current);
      if (saver.hasUnsaved) {
        saver.leave();
        // Warn anyway: the save may not land before the page goes (or be too large to outlive it).
        event.preventDefault();
      }
      // A number out of range is shown but cannot be saved: leaving loses it.
      if (unrecordedAnswers(model).length > 0) event.preventDefault();
    };
    // "Logga ut" waits for this before it ends the session (a save after it would be refused).
    const unregisterPendingSave = registerPendingSave(async () => {
      // Locked: there is nothing to save, so "Logga ut" must not say the latest answers are not saved.
      if (lockedRef.current) return;
      commitTyping(surveyFrame.current);
      // Everything else is stored first, so that "Logga ut ändå" loses only the number out of range.
      let failed = false;
      if (saver.hasUnsaved)
        await saver.flush().catch(() => {
          failed = true;
        });
      // Out of range: saving again cannot help. "Logga ut" names them; "Stanna och rätta" goes to the first.
      const toCorrect = unrecordedAnswers(model);
      const answers =
        toCorrect.length === 0
          ? undefined
          : {
              questions: () => toCorrect.map((key) => labelOf(model, key, tRef.current).title),
              correct: () => focusQuestion(model, toCorrect[0] ?? '', quietPageChange, surveyFrame),
            };
      // A failed save and a number out of range: "Logga ut" says both.
      if (failed) throw new PendingSaveFailed(answers);
      return answers;
    });
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      unregisterPendingSave();
      model.onValueChanged.remove(onChange);
      model.onCompleting.remove(onCompleting);
      if (completeAction) completeAction.action = ownComplete;
      model.onCurrentPageChanged.remove(onPage);
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', onVisibility);
      // The page is gone (left inside the app after the guard below, or by a Back it could not stop):
      // send what is pending once more, then stop. No retries from a page that is gone.
      if (saver.hasUnsaved) void saver.flush().catch(() => {});
      saver.dispose();
    };
  }, [model, campaign.year, response, applyMerged, lock, pageKey, focusPageHeading]);

  // Leaving inside the app (a link to another page, the browser's Back or Forward): whatever is being
  // typed is recorded first, as leaving the field would, and what is pending is stored, as "Logga
  // ut" does. Then the page goes, unless something would be lost without a word, as closing the tab
  // warns: answers that could not be stored (failing, retrying, a conflict, offline), or a number
  // out of range. A read-only survey has nothing to lose.
  const [leaving, setLeaving] = useState<LeaveAsked | null>(null);
  useEffect(
    () =>
      guardInAppLeaving({
        wouldLose: () => {
          commitTyping(surveyFrame.current);
          // Locked, nothing is saved any more: only the text listed under "Visa det du skrev" is lost.
          if (lockedRef.current) return copyShownRef.current;
          const saver = saverRef.current;
          if (!saver?.hasUnsaved) return unrecordedAnswers(model).length > 0;
          return storedBeforeLeaving(saver).then((stored) => !stored || unrecordedAnswers(model).length > 0);
        },
        ask: (leave) => {
          const questions = unrecordedAnswers(model);
          const unsaved = saverRef.current?.hasUnsaved ?? false;
          if (lockedRef.current) {
            if (copyShownRef.current) setLeaving({ questions: [], unsaved: false, copyLost: true, leave });
            else leave();
          }
          // Stored just after the wait ended.
          else if (questions.length === 0 && !unsaved) leave();
          else setLeaving({ questions, unsaved, leave });
        },
      }),
    [model],
  );

  // What the other contact stores shows here without waiting for this page's next save: read when the
  // tab is shown again and every FRESHNESS_POLL_MS while it is shown (freshness.ts decides). Not
  // while hidden, signed out or locked; nothing after the page has gone.
  const signedInRef = useRef(false);
  signedInRef.current = session.status === 'signed-in';
  useEffect(() => {
    if (locked) return;
    let reading = false;
    let lastReadAt: number | null = null;
    let gone = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const read = async () => {
      const saver = saverRef.current;
      const visible = document.visibilityState === 'visible';
      const signedIn = signedInRef.current;
      if (
        !saver ||
        !shouldRead({ visible, signedIn, locked: !!lockedRef.current, reading, lastReadAt, now: Date.now() })
      )
        return;
      reading = true;
      lastReadAt = Date.now();
      try {
        const fresh = await responseVersion(campaign.year, saver.currentVersion);
        if (gone || lockedRef.current) return;
        // A comment box may hold text survey-core records only when it is left: record it (focus and
        // the caret stay), so that it counts as unsaved and is merged, not written over. A number
        // being typed is kept by applyMerged instead (leaving would read "1." as 1).
        if (document.activeElement instanceof HTMLTextAreaElement) commitTyping(surveyFrame.current);
        const action = freshnessAction(fresh, {
          version: saver.currentVersion,
          unsaved: saver.hasUnsaved,
          save: saver.state.kind,
        });
        // Newer than the version asked about, so the read carried the answers.
        const data = fresh.data;
        if (action === 'lock') {
          lockFor(
            fresh.notAMember && fresh.status !== 'submitted'
              ? { kind: 'not_a_member', notMember: fresh.notAMember }
              : { kind: 'submitted' },
          );
        } else if (action === 'conflict' && data) {
          // As a save refused by a version conflict: merged without asking, or the conflict dialog.
          saver.conflictWith(storedStateOf({ ...fresh, data }), snapshot(model));
        } else if (action === 'load' && data) {
          const shown = snapshot(model);
          const stored = knownAnswers(model, data);
          // Nothing of the person's is unsaved: the same merge as a conflict's keeps only what was
          // never stored (prefilled values), and a number out of range or being typed stays in its field.
          applyMerged(mergeAnswers(saver.stored, shown, stored, {}), storedStateOf({ ...fresh, data: stored }));
          if (changedQuestions(shown, snapshot(model)).length > 0) setRefreshed(refreshedBy(fresh));
        }
      } catch {
        // Tried again when the tab is next shown or the timer comes round; a 401 has ended the session.
      } finally {
        reading = false;
      }
    };
    const stop = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const start = () => {
      stop();
      if (document.visibilityState === 'visible') timer = setInterval(read, FRESHNESS_POLL_MS);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void read();
      start();
    };
    const onFocus = () => void read();
    start();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocus);
    return () => {
      gone = true;
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', onFocus);
    };
  }, [locked, model, campaign.year, applyMerged, lockFor]);

  // A retry went through while the dialog about leaving says the answers are not saved: it says they
  // are now (`leaveAskedAfterStore`). "Sparat" comes before the request counts as ended, so wait for that.
  const leavingUnsaved = leaving?.unsaved ?? false;
  useEffect(() => {
    const saver = saverRef.current;
    if (!leavingUnsaved || saveState.kind !== 'saved' || !saver) return;
    let current = true;
    saver.flush().then(
      () => {
        if (current) setLeaving((asked) => asked && leaveAskedAfterStore(asked, unrecordedAnswers(model)));
      },
      () => {},
    );
    return () => {
      current = false;
    };
  }, [leavingUnsaved, saveState, model]);

  // Back to the page where this browser left off.
  useEffect(() => {
    const name = readStored('local', pageKey);
    const page = name ? model.getPageByName(name) : null;
    if (!page?.isVisible) return;
    quietPageChange.current++;
    try {
      model.currentPage = page;
    } finally {
      quietPageChange.current--;
    }
  }, [model, pageKey]);

  useEffect(() => {
    applyLanguage(model, lang, t);
    applyPrefill(model, response, t);
    // survey-core has worded the errors it shows again, in the new language: so do the lists.
    errorsChanged.current();
  }, [model, lang, response, t]);

  /**
   * "Stanna och rätta": the dialog about leaving closes, and the first answer to correct takes focus.
   * "Stanna kvar" (answers not stored): the save status takes it, with "Försök nu" and, for a number
   * out of range too, "Gå till svaret" beside it; over the conflict dialog, focus goes back into it.
   */
  const stay = () => {
    const current = leaving;
    setLeaving(null);
    // Back to the notice whose "Visa det du skrev" holds the text to copy.
    if (current?.copyLost) setFocusTarget('lossNotice');
    else if (current?.unsaved) {
      if (!conflict) setFocusTarget('saveStatus');
    } else if (current?.questions[0]) goToQuestion(current.questions[0]);
  };

  const goToQuestion = (name: string) => focusQuestion(model, name, quietPageChange, surveyFrame);

  /** The server refused the submit (422): the same summary as the browser's own check. */
  const showSubmitErrors = (problems: QuestionProblem[]) => {
    for (const problem of problems) {
      const question = questionOfKey(model, problem.question);
      if (question) markProblem(model, question, problem);
    }
    setSubmitErrors(problems);
    setFocusTarget('errors');
  };

  /**
   * Someone saved first: let the person choose, as for an autosave, on top of what the 409 says is
   * stored (or, if it says nothing, what a fresh read finds).
   */
  const conflictWithStored = async (saver: Autosaver, error: ApiError) => {
    try {
      const current = error.conflictCurrent ?? (await apiClient.response(campaign.year));
      saver.conflictWith(storedStateOf(current), snapshot(model));
    } catch {
      // The message already asks them to try again; the next autosave meets the conflict itself.
    }
  };

  // The confirm dialog makes the page behind it inert, which would keep the route change from
  // focusing #main (focus would end on <body>): it is closed first, then the receipt opened.
  const toReceipt = () => {
    flushSync(() => setConfirmOpen(false));
    navigate('/kvitto');
  };

  const submit = async () => {
    const saver = saverRef.current;
    if (!saver) return;
    setSubmitting(true);
    setSubmitErrors([]);
    setSubmitMessage(null);
    try {
      try {
        await saver.flush();
      } catch {
        setConfirmOpen(false);
        if (saver.state.kind !== 'conflict') setSubmitMessage(t('survey.saveBeforeSubmit'));
        return;
      }
      await apiClient.submit(campaign.year, saver.currentVersion);
      saver.dispose();
      toReceipt();
    } catch (error) {
      setConfirmOpen(false);
      if (!(error instanceof ApiError)) {
        setSubmitMessage(t('app.error.generic'));
        return;
      }
      if (error.status === 422 && error.questionErrors.length > 0) {
        showSubmitErrors(error.questionErrors);
      } else if (error.code === 'already_submitted') {
        toReceipt();
      } else if (error.code === 'version_conflict') {
        setSubmitMessage(t('survey.submitConflict'));
        await conflictWithStored(saver, error);
      } else {
        lock(error);
        setSubmitMessage(error.message || t('app.error.generic'));
      }
    } finally {
      setSubmitting(false);
    }
  };

  // Store what is typed first, then let the server fill only what the stored draft leaves unanswered.
  // The form is read-only meanwhile, so nothing typed during the request can be overwritten.
  const carryOver = async () => {
    const saver = saverRef.current;
    if (!saver || !offer || carrying) return;
    setCarrying(true);
    setCarryMessage(null);
    const wasReadOnly = model.readOnly;
    model.readOnly = true;
    let locked = false;
    try {
      try {
        await saver.flush();
      } catch {
        if (saver.state.kind !== 'conflict') setCarryMessage(t('survey.carryOver.saveFirst'));
        return;
      }
      const result = await apiClient.carryOver(campaign.year, saver.currentVersion);
      if (Object.keys(result.values).length > 0) {
        applyMerged(
          { ...snapshot(model), ...result.values },
          {
            data: { ...saver.stored, ...result.values },
            version: result.version,
            updatedAt: result.updatedAt,
            updatedBy: result.updatedBy,
          },
        );
      }
      setOffer(null);
      setNotice(
        result.answers > 0
          ? t('survey.carryOver.done', { count: result.answers, year: result.fromYear })
          : t('survey.carryOver.nothing', { year: result.fromYear }),
      );
      setFocusTarget('notice');
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setCarryMessage(t('app.error.generic'));
      } else if (error.code === 'version_conflict') {
        setCarryMessage(t('survey.carryOver.conflict'));
        await conflictWithStored(saver, error);
      } else {
        setCarryMessage(error.message || t('app.error.generic'));
        // A locked survey shows why in its bar and no longer offers anything.
        locked = lock(error);
      }
    } finally {
      // lock() has made a closed or submitted survey read-only for good.
      if (!locked) model.readOnly = wasReadOnly;
      setCarrying(false);
    }
  };

  const deadline = effectiveDeadline(campaign);
  const freshText = (shown: Refreshed) => {
    const { key, values } = refreshedMessage(shown, (iso) => formatTime(iso, lang));
    return t(key, values);
  };
  const lookup = keyLookup(model, t);
  const shownSubmitErrors = currentProblems(submitErrors, (key) => errorTextsOf(model, key), lang);
  const errorCounts = pageErrorCounts(model);
  const unrecorded = lockedReason ? [] : unrecordedAnswers(model);
  // The bar says that answers were lost (or may be: the stored ones could not be read).
  const lostShown = !!loss && loss.state !== 'loading' && loss.keys.length > 0;
  return (
    <>
      <div className="survey-head">
        <BackLink />
        <h1>{campaign.title}</h1>
        <p className="muted">
          {my.organisation.name} · {t('survey.deadline', { date: formatDateTime(deadline, lang) })}
        </p>
      </div>
      <div className="survey-bar" ref={surveyBar}>
        {lockedReason ? (
          <p className="save-status">
            {/* A live region, so that a survey that stops taking answers mid-way says so. */}
            <span role="status">
              {lockedReason}
              {lostShown && ` ${t('survey.lost.bar', { count: loss?.keys.length ?? 0 })}`}
            </span>
            {/* The notice saying which is above the survey, out of sight when the person is far down. */}
            {lostShown && (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  lossNotice.current?.focus({ preventScroll: true });
                  lossNotice.current?.scrollIntoView({ block: 'start' });
                }}
              >
                {t('survey.lost.barShow')}
              </button>
            )}
          </p>
        ) : (
          <SaveStatus
            state={saveState}
            unrecorded={unrecorded.length}
            typingNumber={typingNumber}
            onRetry={() => saverRef.current?.retryNow()}
            onShowUnrecorded={() => unrecorded[0] && goToQuestion(unrecorded[0])}
            statusRef={statusRef}
            retryRef={retryRef}
          />
        )}
      </div>
      {locked && loss && loss.state !== 'loading' ? (
        <LockLossNotice
          reason={locked}
          reasonText={lockedReason ?? ''}
          loss={loss}
          describe={describeWith(model, t)}
          onLoad={() => {
            const input = lossInput.current;
            // The button goes once the answers are read: focus stays in the notice, which says what now.
            if (input) void showStored(input.base, input.mine).then(() => lossNotice.current?.focus());
          }}
          noticeRef={lossNotice}
          t={t}
          lang={lang}
        />
      ) : (
        locked?.kind === 'submitted' && (
          <p>
            <Link href="/kvitto">{t('survey.toReceipt')}</Link>
          </p>
        )
      )}
      <KansliMessages
        fromKansli={response.fromKansli}
        status={locked?.kind === 'submitted' ? 'submitted' : response.status}
        published={campaign.status === 'published'}
        deadline={deadline}
        headingLevel={2}
        t={t}
        lang={lang}
      />
      {offer && !lockedReason && (
        <section className="notice notice-info carry-over" aria-labelledby="carry-over-title">
          <h2 id="carry-over-title">{t('survey.carryOver.title', { year: offer.year })}</h2>
          <p>{t('survey.carryOver.body', { year: offer.year, count: offer.answers })}</p>
          {carryMessage && (
            <p className="carry-over-error" role="alert">
              {carryMessage}
            </p>
          )}
          <div className="button-row">
            <button type="button" className="button" onClick={carryOver} aria-disabled={carrying}>
              {carrying ? t('survey.carryOver.filling') : t('survey.carryOver.fill', { year: offer.year })}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                if (carrying) return;
                writeStored('session', dismissedKey, '1');
                setOffer(null);
                setFocusTarget('survey');
              }}
              aria-disabled={carrying}
            >
              {t('survey.carryOver.dismiss')}
            </button>
          </div>
        </section>
      )}
      {/* Always there, so that a quiet update is read out politely; focus and the caret stay put. */}
      <div role="status" className="fresh-status">
        {refreshed && !lockedReason && <p className="notice notice-info">{freshText(refreshed)}</p>}
      </div>
      {notice && (
        <div className="notice notice-info" role="status" tabIndex={-1} ref={noticeRef}>
          <p>{notice}</p>
        </div>
      )}
      {submitMessage && (
        <div className="notice notice-error" role="alert">
          <p>{submitMessage}</p>
        </div>
      )}
      {shownSubmitErrors.length > 0 && (
        <div
          className="notice notice-error error-summary submit-error-summary"
          role="alert"
          aria-labelledby="submit-errors-title"
          tabIndex={-1}
          ref={errorSummary}
        >
          <h2 id="submit-errors-title">{t('survey.submitErrors.title')}</h2>
          <p>{t('survey.submitErrors.intro')}</p>
          {groupProblems(shownSubmitErrors, (name) => placeOf(model, name)).map((group) => (
            <div key={group.page ?? ''} className="error-summary-group" data-page={group.page ?? undefined}>
              <h3>
                {group.page ? t('survey.context.page', { page: group.pageTitle }) : t('survey.submitErrors.other')}
              </h3>
              <ul>
                {group.problems.map((problem) => (
                  <ErrorLine
                    key={`${problem.question}:${problem.message}`}
                    entry={summaryEntry(problem, lookup, t)}
                    onOpen={goToQuestion}
                  />
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {saveErrors.length > 0 && !lockedReason && (
        <div className="notice notice-error error-summary" role="alert">
          <h2>{t('survey.saveErrors.title')}</h2>
          <p>{t('survey.saveErrors.body')}</p>
          <ul>
            {saveErrors.map((problem) => (
              <ErrorLine
                key={`${problem.question}:${problem.message}`}
                entry={saveEntry(problemText(problem, lang), lookup, t)}
                onOpen={goToQuestion}
              />
            ))}
          </ul>
        </div>
      )}
      <PageErrorCounts.Provider value={errorCounts}>
        <div
          className={errorCounts.size > 0 ? 'survey-frame has-page-errors' : 'survey-frame'}
          tabIndex={-1}
          ref={surveyFrame}
        >
          <SurveyView model={model} />
        </div>
      </PageErrorCounts.Provider>

      <Dialog
        open={confirmOpen}
        title={t('survey.confirm.title')}
        onCancel={() => !submitting && setConfirmOpen(false)}
        initialFocus=".button-secondary"
      >
        <p>{t('survey.confirm.body', { organisation: my.organisation.name })}</p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={submit} disabled={submitting}>
            {submitting ? t('survey.submitting') : t('survey.confirm.submit')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setConfirmOpen(false)}
            disabled={submitting}
          >
            {t('survey.confirm.cancel')}
          </button>
        </div>
      </Dialog>

      <Dialog
        open={leaving !== null}
        title={
          leaving?.copyLost
            ? t('survey.leave.copyTitle')
            : leaving?.storedSince
              ? t('survey.leave.storedTitle')
              : leaving?.unsaved
                ? t('survey.leave.unsavedTitle')
                : t('survey.leave.title', { count: leaving?.questions.length ?? 0 })
        }
        onCancel={stay}
        initialFocus=".button-secondary"
      >
        {/* A status: when a retry stores the answers while the dialog is open, the new text is read out. */}
        <div role="status">
          {leaving?.copyLost ? (
            <p>{t('survey.leave.copyBody')}</p>
          ) : leaving?.storedSince ? (
            <p>{t('survey.leave.storedBody')}</p>
          ) : leaving?.unsaved ? (
            <>
              <p>{t('survey.leave.unsavedBody')}</p>
              {/* Both at once: one dialog, the number out of range said beside the failed save. */}
              {leaving.questions.length > 0 && (
                <p>
                  {leaving.questions.length === 1
                    ? t('survey.leave.alsoNamed', { question: labelOf(model, leaving.questions[0] ?? '', t).title })
                    : t('survey.leave.also', { count: leaving.questions.length })}
                </p>
              )}
            </>
          ) : (
            <p>
              {leaving?.questions.length === 1
                ? t('survey.leave.bodyNamed', { question: labelOf(model, leaving.questions[0] ?? '', t).title })
                : t('survey.leave.body')}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              const leave = leaving?.leave;
              setLeaving(null);
              leave?.();
            }}
          >
            {leaving?.storedSince ? t('survey.leave.go') : t('survey.leave.anyway')}
          </button>
          <button type="button" className="button button-secondary" onClick={stay}>
            {leaving?.unsaved || leaving?.storedSince || leaving?.copyLost
              ? t('survey.leave.stayUnsaved')
              : t('survey.leave.stay')}
          </button>
        </div>
      </Dialog>

      {conflict && (
        <ConflictDialog
          current={conflict.current}
          analysis={analyseConflict(conflict.base, conflict.mine, conflict.current.data, surveyOrder(model))}
          describe={describeWith(model, t)}
          onResolve={(choices: Record<string, Choice>) => {
            const merged = mergeAnswers(conflict.base, conflict.mine, conflict.current.data, choices);
            setConflict(null);
            applyMerged(merged, conflict.current);
            setFocusTarget('afterConflict');
          }}
        />
      )}
    </>
  );
}

export default function SurveyPage() {
  const t = useT();
  usePageTitle(t('survey.title'));
  const [state, reload] = useAsync(async () => {
    const [overview] = await Promise.all([loadMemberOverview(), loadSurveyCss()]);
    return overview;
  }, []);
  if (state.status === 'loading') return <Loading label={t('survey.loading')} />;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const { my, campaign, response } = state.value;
  if (!campaign || !response) {
    return (
      <>
        <h1>{t('survey.title')}</h1>
        <p>{t('survey.noCampaign')}</p>
        <Link href="/">{t('survey.back')}</Link>
      </>
    );
  }
  return <SurveyEditor campaign={campaign} response={response} my={my} />;
}
