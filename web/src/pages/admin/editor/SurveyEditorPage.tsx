import 'survey-core/i18n/swedish';
import '../i18n/editor';
// The survey JSON carries the scoring properties; survey-core must know them before a Model is made.
import '../../../../../shared/scoring/scoring-properties';
import type { Diagnostic } from '@codemirror/lint';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Model, type SurveyModel, settings, surveyLocalization } from 'survey-core';
import { Survey } from 'survey-react-ui';
import { Link } from 'wouter';
import { ApiError } from '../../../api/client';
import { LoadError, Loading } from '../../../components/Feedback';
import { type Lang, useLang } from '../../../i18n';
import { downloadJson } from '../../../lib/download';
import { formatNumber, formatTime } from '../../../lib/format';
import { useAsync } from '../../../lib/use-async';
import { usePageTitle } from '../../../lib/use-page-title';
import { SURVEY_THEME } from '../../survey/survey-theme';
import { adminApi, type Campaign, type ScoreResult } from '../api';
import { Announcer, BackLink, CampaignStatusTag, DataTable, useAnnouncer } from '../components';
import { useAdminT } from '../i18n';
import { errorMessage } from '../lib/field-errors';
import { JsonEditor, type JsonEditorHandle } from './JsonEditor';
import { LeaveGuard } from './LeaveGuard';
import { type PendingRemoval, RemovalConfirm } from './RemovalConfirm';
import { conflictCampaign, SaveConflict, type SaveConflictState, sameSurvey } from './SaveConflict';
import { ScoringHelp } from './ScoringHelp';
import { StaleScoresNotice, staleScoresMessage } from './StaleScores';
import { CHECKED, checkAfterFailure, retryDelayMs, type ScoreCheck } from './score-check';
import { propertyCompletions } from './scoring-help';
import {
  bestAnswers,
  type EditorProblem,
  type ModelJsonError,
  pageTitles,
  questionIndex,
  questionsRemovedIn,
  removedQuestions,
  schemaProblems,
  scoringProblem,
  structureProblems,
} from './survey-tools';

surveyLocalization.defaultLocale = 'sv';
settings.titleTags.page = 'h3';
settings.titleTags.panel = 'h4';
settings.titleTags.question = 'h4';

type SurveyType = 'kommun' | 'region';

const PARSE_DELAY_MS = 350;
const SCORE_DELAY_MS = 250;

function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

export default function SurveyEditorPage({ year, type }: { year: number; type: SurveyType }) {
  const t = useAdminT();
  // Loaded again for each survey type: an editor starts from what is stored now, never from the
  // copy loaded for the other type before that type was saved.
  const [state, reload] = useAsync(async () => ({ year, type, campaign: await adminApi.campaign(year) }), [year, type]);
  usePageTitle(t('editor.pageTitle', { type: t(`type.${type}`), year }));
  if (state.status === 'error') {
    return (
      <>
        <BackLink href={`/kampanjer/${year}`}>{t('campaign.title')}</BackLink>
        <LoadError error={state.error} onRetry={reload} />
      </>
    );
  }
  // Until the load for this year and type has answered (the render after a switch still holds the last one).
  if (state.status === 'loading' || state.value.year !== year || state.value.type !== type) return <Loading />;
  return <Editor key={`${year}-${type}`} campaign={state.value.campaign} type={type} />;
}

interface Parsed {
  text: string;
  value: unknown;
  ok: boolean;
  error?: string;
}

function parse(text: string): Parsed {
  try {
    return { text, value: JSON.parse(text), ok: true };
  } catch (error) {
    return { text, value: null, ok: false, error: (error as Error).message };
  }
}

function Editor({ campaign: loaded, type }: { campaign: Campaign; type: SurveyType }) {
  const t = useAdminT();
  const [lang] = useLang();
  const editor = useRef<JsonEditorHandle>(null);
  const [campaign, setCampaign] = useState(loaded);
  const initialText = useMemo(() => `${JSON.stringify(loaded.surveys[type], null, 2)}\n`, [loaded, type]);
  const [savedText, setSavedText] = useState(initialText);
  const [text, setText] = useState(initialText);
  const debouncedText = useDebounced(text, PARSE_DELAY_MS);
  const parsed = useMemo(() => parse(debouncedText), [debouncedText]);
  const [lastGood, setLastGood] = useState<unknown>(() => loaded.surveys[type]);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [score, setScore] = useState<ScoreResult | null>(null);
  const [scoreCheck, setScoreCheck] = useState<ScoreCheck>(CHECKED);
  // Asks for the preview again (a retry after it could not be checked), with the same survey and answers.
  const [scoreRetry, setScoreRetry] = useState(0);
  const [modelErrors, setModelErrors] = useState<ModelJsonError[]>([]);
  const [syntaxAt, setSyntaxAt] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<SaveConflictState | null>(null);
  const [removal, setRemoval] = useState<PendingRemoval | null>(null);
  // Submitted responses whose stored score the last save left out of date (0 once recomputed).
  const [staleScores, setStaleScores] = useState(0);
  // Where focus goes once the removal dialog has closed: back to the save button, or to the status
  // line after a confirmed save, when the button is disabled. Set explicitly, because the dialog
  // may open after a request during which the button was disabled and focus was lost.
  const [focusAfterRemoval, setFocusAfterRemoval] = useState<'save' | 'status' | null>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const [announcement, announce] = useAnnouncer();
  const statusId = useId();
  const problemsId = useId();
  const problemsRef = useRef<HTMLDivElement>(null);
  const frozen = campaign.status === 'published';
  const dirty = text !== savedText;

  // Syntax: where the parse tree breaks.
  useEffect(() => {
    setSyntaxAt(parsed.ok ? null : (editor.current?.syntaxErrorAt() ?? 0));
    if (parsed.ok) setLastGood(parsed.value);
  }, [parsed]);

  // Points: the score-preview for the survey as typed and the preview's answers, as you type.
  const debouncedData = useDebounced(data, SCORE_DELAY_MS);
  // A failure that says nothing about the survey (network, server) is a notice, asked again on the
  // next change, after a delay, when the browser is back online, or by "Försök igen".
  useEffect(() => {
    if (!parsed.ok) return;
    // Read so the effect runs again on a retry, and on a change of language: the API words a
    // scoring error in the language the request is sent in.
    void scoreRetry;
    void lang;
    const controller = new AbortController();
    adminApi.scorePreview(parsed.value, debouncedData, controller.signal).then(
      (result) => {
        setScore(result);
        setScoreCheck(CHECKED);
      },
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setScoreCheck((previous) => checkAfterFailure(error, previous));
      },
    );
    return () => controller.abort();
  }, [parsed, debouncedData, scoreRetry, lang]);
  // Each failure is a new check, so a timer is set after every one, also at the longest delay.
  useEffect(() => {
    const retryIn = retryDelayMs(scoreCheck);
    if (retryIn === null) return;
    const retry = () => setScoreRetry((n) => n + 1);
    const timer = setTimeout(retry, retryIn);
    window.addEventListener('online', retry);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
    };
  }, [scoreCheck]);

  const questions = useMemo(() => questionIndex(lastGood, lang), [lastGood, lang]);
  const sectionTitles = useMemo(() => pageTitles(lastGood, lang), [lastGood, lang]);
  const completions = useMemo(() => propertyCompletions(t), [t]);

  const problems: EditorProblem[] = useMemo(() => {
    if (!parsed.ok) {
      const at = syntaxAt ?? 0;
      return [{ from: at, to: at, severity: 'error', message: t('editor.syntaxError'), source: 'structure' }];
    }
    return [
      ...structureProblems(parsed.text, parsed.value, {
        noPages: t('editor.noPages'),
        duplicate: t('editor.duplicateName'),
        duplicatePage: t('editor.duplicatePageName'),
      }),
      ...schemaProblems(parsed.text, parsed.value, modelErrors),
      ...(scoreCheck.state === 'invalid'
        ? [scoringProblem(parsed.text, parsed.value, scoreCheck.message, scoreCheck.details)]
        : []),
    ];
  }, [parsed, syntaxAt, modelErrors, scoreCheck, t]);
  const diagnostics: Diagnostic[] = useMemo(
    () =>
      // Positions belong to the parsed text; while typing ahead of the parser they are dropped.
      text === parsed.text
        ? problems.map((p) => ({ from: p.from, to: p.to, severity: p.severity, message: p.message, source: p.source }))
        : [],
    [problems, text, parsed.text],
  );
  const errorCount = problems.filter((p) => p.severity === 'error').length;
  // A survey with errors is never saved: a scoring error would fail every member's autosave.
  const saveBlocked = errorCount > 0;
  // Unsaved work: the editor's text, or the person's own version kept in the conflict panel.
  const unsaved = !frozen && (dirty || Boolean(conflict?.reloaded));

  /**
   * Saves the text as it is now (not as the debounced parser last saw it) as this type's survey
   * only, on the campaign version `basis` that the editor started from: a campaign changed since
   * is refused with 409, and the text stays. A save that removes questions members may have
   * answered asks first (RemovalConfirm): before sending while the campaign is open, and whenever
   * the API refuses it with 409 questions_removed (a closed campaign with responses). `confirmed`
   * names the removed questions the person confirmed; the confirmed save's other errors are thrown
   * to the dialog.
   */
  const save = async (basis: Campaign = campaign, confirmed?: string[]) => {
    const current = parse(text);
    if (!current.ok) {
      announce(t('editor.cannotSave'), 'error');
      return;
    }
    if (!confirmed && basis.status === 'open') {
      const removed = removedQuestions(basis.surveys[type], current.value, lang);
      if (removed.length > 0) {
        setRemoval({ questions: removed, basis });
        return;
      }
    }
    setSaving(true);
    try {
      const updated = await adminApi.updateCampaign(basis.year, {
        surveys: { [type]: current.value } as Partial<Campaign['surveys']>,
        expectedUpdatedAt: basis.updatedAt,
        ...(confirmed ? { confirmRemovedQuestions: { [type]: confirmed } } : {}),
      });
      const { staleScores: stale, ...saved } = updated;
      setCampaign(saved);
      setStaleScores(stale ?? 0);
      setSavedText(current.text);
      setSavedAt(new Date());
      setConflict(null);
      if (confirmed) {
        setRemoval(null);
        setFocusAfterRemoval('status');
      }
      const staleMessage = staleScoresMessage(stale);
      announce(staleMessage ? t(staleMessage.key, { count: staleMessage.count }) : t('editor.saved'));
    } catch (error) {
      const removed = questionsRemovedIn(error, type, basis.surveys[type], lang);
      if (removed && removed.length > 0) {
        setRemoval({ questions: removed, basis });
        // Confirmed, but the API found another set: the person checks the new list.
        if (confirmed) throw new Error(t('editor.removal.changed'));
      } else if (error instanceof ApiError && error.status === 409 && error.code === 'version_conflict') {
        setRemoval(null);
        setConflict({ mine: current.text, stored: conflictCampaign(error.body), reloaded: false });
        announce(t('editor.conflict.announce'), 'error');
      } else if (confirmed) throw error;
      else announce(errorMessage(error, t('error.generic')), 'error');
    } finally {
      setSaving(false);
    }
  };

  // Runs after the dialog's own effect has handed focus back to whatever had it when it opened.
  useEffect(() => {
    if (!focusAfterRemoval || removal) return;
    (focusAfterRemoval === 'save' ? saveRef : statusRef).current?.focus();
    setFocusAfterRemoval(null);
  }, [focusAfterRemoval, removal]);

  const cancelRemoval = () => {
    setRemoval(null);
    setFocusAfterRemoval('save');
    announce(t('editor.removal.cancelled'));
  };

  const onSave = () => {
    if (saveBlocked) {
      announce(t('editor.saveBlockedAnnounce', { count: errorCount }), 'error');
      problemsRef.current?.querySelector<HTMLElement>('.problem-error button')?.focus();
      return;
    }
    void save();
  };

  /** Puts the stored survey in the editor; the person's version stays in the conflict panel. */
  const loadStored = async () => {
    if (!conflict) return;
    setSaving(true);
    try {
      const stored = await adminApi.campaign(campaign.year);
      const storedText = `${JSON.stringify(stored.surveys[type], null, 2)}\n`;
      setCampaign(stored);
      setSavedText(storedText);
      editor.current?.setText(storedText);
      setSavedAt(null);
      setConflict({ ...conflict, stored, reloaded: true });
      announce(t('editor.conflict.reloaded'));
    } catch (error) {
      announce(errorMessage(error, t('editor.conflict.loadFailed')), 'error');
    } finally {
      setSaving(false);
    }
  };

  /** Saves the person's version over the stored one, on the version the 409 reported. */
  const saveMine = async () => {
    const stored = conflict?.stored ?? (await adminApi.campaign(campaign.year).catch(() => null));
    if (!stored) {
      announce(t('editor.conflict.loadFailed'), 'error');
      return;
    }
    await save(stored);
  };

  const downloadText = (content: string, suffix = '') =>
    downloadJson(content, `medlemstest-${campaign.year}-${type}${suffix}.json`);
  const download = () => downloadText(text);

  const upload = async (file: File) => {
    const content = await file.text();
    const reread = parse(content);
    const next = reread.ok ? `${JSON.stringify(reread.value, null, 2)}\n` : content;
    editor.current?.setText(next);
    announce(reread.ok ? t('editor.uploaded', { name: file.name }) : t('editor.uploadedInvalid', { name: file.name }));
  };

  const typeLabel = t(`type.${type}`);
  const other: SurveyType = type === 'kommun' ? 'region' : 'kommun';
  const startedFrom = useMemo(() => parse(savedText), [savedText]);
  const surveyChanged =
    conflict?.stored && startedFrom.ok ? !sameSurvey(conflict.stored.surveys[type], startedFrom.value) : undefined;
  return (
    <div className="editor-page">
      <BackLink href={`/kampanjer/${campaign.year}`}>{campaign.title}</BackLink>
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {campaign.title} · <CampaignStatusTag status={campaign.status} />
          </p>
          <h1>{t('editor.title', { type: typeLabel })}</h1>
        </div>
        <p>
          <Link href={`/kampanjer/${campaign.year}/enkat/${other}`}>
            {t('editor.switchTo', { type: t(`type.${other}`) })}
          </Link>
        </p>
      </div>
      <p className="lead small-lead">{t('editor.intro')}</p>
      <ScoringHelp />
      <div className="editor-toolbar">
        {!frozen && (
          <button
            ref={saveRef}
            type="button"
            className="button"
            onClick={onSave}
            disabled={saving || !dirty}
            // Still focusable while blocked, so the reason (the status) is read out with it.
            aria-disabled={saveBlocked || undefined}
            aria-describedby={statusId}
          >
            {saving ? t('common.working') : t('editor.save')}
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={download}>
          {t('editor.download')}
        </button>
        {!frozen && (
          <label className="button button-secondary file-button">
            {t('editor.upload')}
            <input
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
                e.target.value = '';
              }}
            />
          </label>
        )}
        {!frozen && dirty && (
          <button type="button" className="link-button" onClick={() => editor.current?.setText(savedText)}>
            {t('editor.revert')}
          </button>
        )}
        <p id={statusId} ref={statusRef} tabIndex={-1} className={`editor-status ${errorCount ? 'has-errors' : ''}`}>
          {errorCount > 0
            ? frozen || !dirty
              ? t('editor.errors', { count: errorCount })
              : `${t('editor.errors', { count: errorCount })} – ${t('editor.saveBlocked')}`
            : dirty
              ? t('editor.unsaved')
              : savedAt
                ? t('editor.savedAt', { time: formatTime(savedAt, lang) })
                : t('editor.noChanges')}
        </p>
      </div>
      {frozen && <p className="notice notice-info">{t('editor.frozen')}</p>}
      <Announcer message={announcement.message} tone={announcement.tone} />
      {!frozen && (
        <StaleScoresNotice
          year={campaign.year}
          count={staleScores}
          announce={announce}
          onDone={() => setStaleScores(0)}
        />
      )}
      {/* Before the conflict panel: a confirmed save refused as stale closes the dialog, which hands
          focus back first, and the panel then takes it. */}
      <RemovalConfirm
        removal={removal}
        typeLabel={typeLabel}
        onConfirm={() =>
          removal
            ? save(
                removal.basis,
                removal.questions.map((q) => q.name),
              )
            : Promise.resolve()
        }
        onCancel={cancelRemoval}
      />
      {conflict && (
        <SaveConflict
          conflict={conflict}
          typeLabel={typeLabel}
          surveyChanged={conflict.reloaded ? undefined : surveyChanged}
          busy={saving}
          onReload={() => void loadStored()}
          onSaveMine={() => void saveMine()}
          onDownloadMine={() => downloadText(conflict.mine, `-${t('editor.conflict.fileSuffix')}`)}
          onDismiss={() => setConflict(null)}
          announce={announce}
        />
      )}
      <LeaveGuard active={unsaved} title={t('editor.leave.title')} body={t('editor.leave.body', { type: typeLabel })} />

      <div className="editor-grid">
        <section className="editor-pane" aria-labelledby="json-heading">
          <h2 id="json-heading">{t('editor.json')}</h2>
          <JsonEditor
            ref={editor}
            initialText={initialText}
            onChange={setText}
            diagnostics={diagnostics}
            label={t('editor.jsonLabel', { type: typeLabel })}
            describedBy={`${statusId} ${problemsId}`}
            readOnly={frozen}
            completions={completions}
          />
          <div id={problemsId} aria-live="polite" ref={problemsRef}>
            {problems.length > 0 && (
              <div className="problem-panel">
                <h3>{t('editor.problems', { count: problems.length })}</h3>
                <ul>
                  {problems.map((p) => (
                    <li key={`${p.source}-${p.from}-${p.message}`} className={`problem-${p.severity}`}>
                      <button type="button" className="link-button" onClick={() => editor.current?.goTo(p.from)}>
                        {t('editor.line', { line: editor.current?.lineOf(p.from) ?? 1 })}
                      </button>{' '}
                      <span className="problem-kind">
                        {t(p.severity === 'error' ? 'editor.error' : 'editor.warning')}:
                      </span>{' '}
                      {p.message}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </section>
        <section className="preview-pane" aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t('editor.preview')}</h2>
          <ScoreSummary score={score} stale={!parsed.ok || scoreCheck.state !== 'checked'} />
          {parsed.ok && scoreCheck.state === 'unchecked' && (
            <div className="notice notice-warning score-unchecked" role="status">
              <p>{t('editor.scoreUnchecked')}</p>
              <button
                type="button"
                className="button button-secondary small"
                onClick={() => setScoreRetry((n) => n + 1)}
              >
                {t('editor.scoreRetry')}
              </button>
            </div>
          )}
          <div className="button-row">
            <button
              type="button"
              className="button button-secondary small"
              onClick={() => setData(bestAnswers(lastGood))}
            >
              {t('editor.fillBest')}
            </button>
            <button type="button" className="button button-secondary small" onClick={() => setData({})}>
              {t('editor.clearAnswers')}
            </button>
          </div>
          <Preview survey={lastGood} data={data} onData={setData} onJsonErrors={setModelErrors} lang={lang} />
        </section>
      </div>
      <PointsTable score={score} questions={questions} sectionTitles={sectionTitles} />
    </div>
  );
}

function ScoreSummary({ score, stale }: { score: ScoreResult | null; stale: boolean }) {
  const t = useAdminT();
  const [lang] = useLang();
  if (!score) return <p className="muted">{t('editor.scoring')}</p>;
  return (
    <p className={`score-summary ${stale ? 'stale' : ''}`} data-testid="score-summary">
      <strong>
        {t('editor.total', { points: formatNumber(score.total, lang), max: formatNumber(score.max, lang) })}
      </strong>
      {score.band && ` · ${t('review.band', { band: score.band })}`}
      {!score.gatePassed && ` · ${t('review.gateFailed')}`}
      {stale && ` · ${t('editor.stale')}`}
    </p>
  );
}

function PointsTable({
  score,
  questions,
  sectionTitles,
}: {
  score: ScoreResult | null;
  questions: Map<string, { title: string; pageTitle: string; page: string }>;
  /** Page titles in the page's language: the preview's section titles are Swedish. */
  sectionTitles: Map<string, string>;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  if (!score) return null;
  const rows = score.questions.filter((q) => q.max > 0);
  return (
    <section aria-labelledby="points-heading" className="points-section">
      <h2 id="points-heading">{t('editor.points')}</h2>
      <p className="hint">{t('editor.pointsHint')}</p>
      <DataTable
        label={t('editor.points')}
        caption={t('editor.pointsCaption')}
        captionHidden
        className="compact points-table"
        columns={[
          t('review.section'),
          t('review.question'),
          { label: t('editor.maxPoints'), numeric: true },
          { label: t('editor.previewPoints'), numeric: true },
        ]}
        foot={
          <>
            {score.sections.map((s) => (
              <TotalRow
                key={s.name}
                label={t('editor.sectionTotal', { section: sectionTitles.get(s.name) ?? s.title })}
                max={s.max}
                points={s.total}
              />
            ))}
            <TotalRow label={t('editor.surveyTotal')} max={score.max} points={score.total} overall />
          </>
        }
      >
        {rows.map((q) => {
          const info = questions.get(q.name);
          return (
            <tr key={q.name} data-question={q.name}>
              <td>{info?.pageTitle ?? ''}</td>
              <th scope="row">
                {info?.title ?? q.name}
                <span className="cell-sub mono">{q.name}</span>
              </th>
              <td className="num" data-cell="max">
                {formatNumber(q.max, lang)}
              </td>
              <td className="num" data-cell="points">
                {formatNumber(q.points, lang)}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}

/** A sum under the points table: a section's, or with `overall` the survey's. */
function TotalRow({ label, max, points, overall }: { label: string; max: number; points: number; overall?: boolean }) {
  const [lang] = useLang();
  return (
    <tr className={overall ? 'total-row' : undefined}>
      <th scope="row" colSpan={2}>
        {label}
      </th>
      <td className="num" data-cell={overall ? 'total-max' : undefined}>
        {formatNumber(max, lang)}
      </td>
      <td className="num" data-cell={overall ? 'total-points' : undefined}>
        {formatNumber(points, lang)}
      </td>
    </tr>
  );
}

/** The live SurveyJS preview. The model is rebuilt when the JSON changes; answers and page survive. */
function Preview({
  survey,
  data,
  onData,
  onJsonErrors,
  lang,
}: {
  survey: unknown;
  data: Record<string, unknown>;
  onData: (data: Record<string, unknown>) => void;
  onJsonErrors: (errors: ModelJsonError[]) => void;
  lang: Lang;
}) {
  const t = useAdminT();
  const pageNo = useRef(0);
  const dataRef = useRef(data);
  dataRef.current = data;
  // The last answers the model itself reported; only other answers (examples, clearing) are pushed into it.
  const fromModel = useRef<Record<string, unknown> | null>(null);
  const onDataRef = useRef(onData);
  onDataRef.current = onData;
  const built = useMemo((): { model: SurveyModel | null; failure: string | null; errors: ModelJsonError[] } => {
    try {
      const m = new Model(survey as object);
      const errors = (m.jsonErrors ?? []).map((e) => ({
        message: e.message,
        jsonObj: e.jsonObj,
        propertyName: (e as { propertyName?: string }).propertyName,
      }));
      m.applyTheme(SURVEY_THEME);
      m.locale = lang === 'en' ? 'en' : 'sv';
      m.showTitle = false;
      m.showCompletePage = false;
      m.validationAllowSwitchPages = true;
      m.checkErrorsMode = 'onComplete';
      m.autoFocusFirstQuestion = false;
      m.showTOC = false;
      m.data = dataRef.current;
      if (pageNo.current < m.visiblePageCount) m.currentPageNo = pageNo.current;
      m.onCurrentPageChanged.add((sender) => {
        pageNo.current = sender.currentPageNo;
      });
      m.onValueChanged.add((sender) => {
        const snapshot = JSON.parse(JSON.stringify(sender.data ?? {})) as Record<string, unknown>;
        fromModel.current = snapshot;
        onDataRef.current(snapshot);
      });
      // The preview never submits.
      m.onCompleting.add((_, options) => {
        options.allow = false;
      });
      return { model: m, failure: null, errors };
    } catch (error) {
      return { model: null, failure: (error as Error).message, errors: [] };
    }
  }, [survey, lang]);
  const { model, failure } = built;
  useEffect(() => onJsonErrors(built.errors), [built, onJsonErrors]);

  // Answers set from outside (example answers, clear) reach the model without rebuilding it.
  useEffect(() => {
    if (model && data !== fromModel.current) model.data = data;
  }, [model, data]);

  if (failure) return <p className="notice notice-error">{t('editor.previewFailed', { message: failure })}</p>;
  if (!model) return null;
  return (
    <div className="survey-preview" data-testid="survey-preview">
      <Survey model={model} />
    </div>
  );
}
