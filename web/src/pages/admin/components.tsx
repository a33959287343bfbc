import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { VISIBLE_TEXT_MESSAGES } from '../../../../shared/i18n/visible-text-messages';
import { visibleTextProblem } from '../../../../shared/schemas/visible-text';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { LoadError, Loading } from '../../components/Feedback';
import { getLang, useLang, useT } from '../../i18n';
import { isEmailShaped } from '../../lib/email';
import { formatDateTime } from '../../lib/format';
import type { AsyncState } from '../../lib/use-async';
import {
  adminApi,
  type CampaignSummary,
  defaultCampaign,
  type EmailState,
  type ProgressRow,
  type ProgressStatus,
} from './api';
import { type AdminKey, type AdminT, useAdminT } from './i18n';
import { errorMessage, fieldErrors, isNotFound } from './lib/field-errors';
import { isoToStockholmInput } from './lib/stockholm-time';

/** A status with a symbol and text, never colour alone. */
const STATUS_SYMBOL: Record<ProgressStatus, string> = { not_started: '○', draft: '◐', submitted: '●', excused: '–' };

export function ProgressStatusTag({ status }: { status: ProgressStatus }) {
  const t = useAdminT();
  return (
    <span className={`tag tag-${status}`}>
      <span aria-hidden="true">{STATUS_SYMBOL[status]} </span>
      {t(`status.${status}` as AdminKey)}
    </span>
  );
}

export function EmailStateTag({ state }: { state: EmailState }) {
  const t = useAdminT();
  return (
    <span className={`tag ${state === 'ok' ? 'tag-ok' : 'tag-problem'}`}>
      <span aria-hidden="true">{state === 'ok' ? '✓ ' : '! '}</span>
      {t(`emailState.${state}` as AdminKey)}
    </span>
  );
}

export function CampaignStatusTag({ status }: { status: CampaignSummary['status'] }) {
  const t = useAdminT();
  return <span className={`tag tag-campaign-${status}`}>{t(`campaignStatus.${status}` as AdminKey)}</span>;
}

/** A share as a bar with its number beside it; the bar is decoration, the text carries it. */
export function ShareBar({ share, label }: { share: number; label?: string }) {
  const percent = Math.round(share * 100);
  return (
    <span className="share">
      <span className="share-track" aria-hidden="true">
        <span className="share-fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="share-text">{label ?? `${percent} %`}</span>
    </span>
  );
}

/** A date and time in Swedish time; `compact` ("2026-11-22 18:00") for dense tables. */
export function DateTime({ iso, compact }: { iso?: string | null; compact?: boolean }) {
  const [lang] = useLang();
  if (!iso) return <span className="muted">–</span>;
  return (
    <time dateTime={iso} className={compact ? 'nowrap' : undefined}>
      {compact ? isoToStockholmInput(iso).replace('T', ' ') : formatDateTime(iso, lang)}
    </time>
  );
}

/** A polite live region that announces results of actions (saved, sent, failed). */
export function Announcer({ message, tone = 'info' }: { message: string; tone?: 'info' | 'error' | 'success' }) {
  return (
    <div
      className={`announce ${message ? `announce-${tone}` : ''}`}
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
      {message}
    </div>
  );
}

export function useAnnouncer(): [
  { message: string; tone: 'info' | 'error' | 'success' },
  (message: string, tone?: 'info' | 'error' | 'success') => void,
] {
  const [state, setState] = useState<{ message: string; tone: 'info' | 'error' | 'success' }>({
    message: '',
    tone: 'info',
  });
  const announce = useCallback((message: string, tone: 'info' | 'error' | 'success' = 'success') => {
    // Clear first so the same message twice is announced twice.
    setState({ message: '', tone });
    setTimeout(() => setState({ message, tone }), 30);
  }, []);
  return [state, announce];
}

type Announce = (message: string, tone?: 'info' | 'error' | 'success') => void;

/**
 * A ref to put on a heading or notice (with `tabIndex={-1}`) that takes focus each time `key`
 * becomes something new and not null: when an action's result replaces the button that was pressed
 * (or a busy button lost focus), focus goes to the result instead of falling to the page's body.
 */
export function useFocusOnResult<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (key !== null && key !== undefined && key !== 0) ref.current?.focus();
  }, [key]);
  return ref;
}

/** Runs an action with `busy` set meanwhile; a failure is announced as an error, in words. */
export function useRunAction(announce: Announce): [boolean, (action: () => Promise<void>) => Promise<void>] {
  const t = useAdminT();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      try {
        await action();
      } catch (error) {
        announce(errorMessage(error, t('error.generic')), 'error');
      } finally {
        setBusy(false);
      }
    },
    [announce, t],
  );
  return [busy, run];
}

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
  className?: string;
}

/** A labelled control with its hint and its error, wired up with aria-describedby and aria-invalid. */
export function Field({ label, hint, error, children, className }: FieldProps) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`afield ${error ? 'afield-error' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={errorId}>
          <span className="visually-hidden">{t('app.errorPrefix')} </span>
          {error}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

/** The reason a change is logged with, which the audit trail shows; the API takes up to 1 000 characters. */
export function ReasonField({
  value,
  onChange,
  error,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}) {
  const t = useAdminT();
  return (
    <Field label={t('common.reason')} hint={hint ?? t('common.reasonHint')} error={error}>
      {(props) => (
        <textarea {...props} rows={3} maxLength={1000} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

/** "Skriv en motivering" unless the reason has `minLength` characters; the API's own limits. */
export function reasonError(reason: string, t: AdminT, minLength = 3): string | undefined {
  return (
    visibleTextError(reason.trim(), true) ?? (reason.trim().length < minLength ? t('error.reasonRequired') : undefined)
  );
}

/** The API's own refusal of control characters or invisible-only text, said before it is asked. */
export function visibleTextError(text: string, multiline = false): string | undefined {
  const problem = visibleTextProblem(text, multiline);
  if (!problem) return undefined;
  const { sv, en } = VISIBLE_TEXT_MESSAGES[problem];
  return getLang() === 'en' ? en : sv;
}

/** A person the platform writes to (a contact, an administrator): name and e-mail address. */
export function PersonFields({
  name,
  email,
  onName,
  onEmail,
  errors,
  emailHint,
}: {
  name: string;
  email: string;
  onName: (name: string) => void;
  onEmail: (email: string) => void;
  errors: { name?: string; email?: string };
  emailHint?: string;
}) {
  const t = useAdminT();
  // Someone else's name and address: the browser's autofill would offer the kansli's own.
  return (
    <>
      <Field label={t('contact.name')} error={errors.name}>
        {(props) => <input {...props} autoComplete="off" value={name} onChange={(e) => onName(e.target.value)} />}
      </Field>
      <Field label={t('contact.email')} error={errors.email} hint={emailHint}>
        {(props) => (
          <input {...props} type="email" autoComplete="off" value={email} onChange={(e) => onEmail(e.target.value)} />
        )}
      </Field>
    </>
  );
}

/** What is wrong with a person's name and address before the API is asked. */
export function personErrors(name: string, email: string, t: AdminT): { name?: string; email?: string } {
  const nameError = name.trim() ? visibleTextError(name.trim()) : t('error.required');
  return {
    ...(nameError ? { name: nameError } : {}),
    ...(isEmailShaped(email.trim()) ? {} : { email: t('error.email') }),
  };
}

/** A sortable column header: a button inside the th, with aria-sort on the th. */
function SortHeader<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
  className,
}: {
  label: string;
  sortKey: K;
  sort: { key: K; direction: 'ascending' | 'descending' };
  onSort: (key: K) => void;
  className?: string;
}) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span className="sort-icon" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** A scrollable table wrapper that keyboard users can scroll too. */
function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

/**
 * A column head: its text, or with `numeric` right-aligned over numbers, or with `sortKey` a sort
 * button. `minWidth` for addresses and file names, which would otherwise break letter by letter on
 * a phone: the table scrolls sideways instead.
 */
export type Column<K extends string = string> =
  | string
  | { label: string; numeric?: boolean; className?: string; minWidth?: string; sortKey?: K };

/**
 * The console's table: scrollable by keyboard, with a caption (`captionHidden` for screen readers
 * only, where a heading above says it), column heads and, when `empty` is given, one row that
 * says so. `columns` may hold `false` for a column that is left out.
 */
export function DataTable<K extends string = string>({
  label,
  caption = label,
  captionHidden,
  className,
  columns,
  sort,
  onSort,
  empty,
  foot,
  children,
}: {
  /** Names the scrollable region. */
  label: string;
  caption?: ReactNode;
  captionHidden?: boolean;
  /** Added to `data-table`: `compact`, or the table's own class. */
  className?: string;
  columns: Array<Column<K> | false>;
  sort?: { key: K; direction: 'ascending' | 'descending' };
  onSort?: (key: K) => void;
  empty?: string | false;
  foot?: ReactNode;
  children: ReactNode;
}) {
  const shown = columns
    .filter((c): c is Column<K> => c !== false)
    .map((c) => (typeof c === 'string' ? { label: c } : c));
  return (
    <TableScroll label={label}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {shown.map((column) => {
              const headClass = [column.numeric ? 'num' : '', column.className ?? ''].join(' ').trim() || undefined;
              return column.sortKey !== undefined && sort && onSort ? (
                <SortHeader
                  key={column.label}
                  label={column.label}
                  sortKey={column.sortKey}
                  sort={sort}
                  onSort={onSort}
                  className={headClass}
                />
              ) : (
                <th
                  key={column.label}
                  scope="col"
                  className={headClass}
                  style={column.minWidth ? { minWidth: column.minWidth } : undefined}
                >
                  {column.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {empty && (
            <tr>
              <td colSpan={shown.length} className="empty-row">
                {empty}
              </td>
            </tr>
          )}
          {children}
        </tbody>
        {foot && <tfoot>{foot}</tfoot>}
      </table>
    </TableScroll>
  );
}

/** A row's buttons, which wrap in a narrow column rather than widen the table. */
export function ActionsCell({ children }: { children: ReactNode }) {
  return (
    <td>
      <div className="row-actions">{children}</div>
    </td>
  );
}

/**
 * A small button in a table row. `name` is what a screen reader says ("Ta bort Anna Andersson"):
 * heard on its own, "Ta bort" would not say which row.
 */
export function RowButton({
  name,
  danger,
  onClick,
  disabled,
  children,
}: {
  name?: string;
  danger?: boolean;
  onClick: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={danger ? 'small-button small-danger' : 'small-button'}
      aria-label={name}
      onClick={onClick}
      disabled={disabled}
    >
      {children}
    </button>
  );
}

// Whether the browser sizes text by its container (cqi); where it cannot, a wide value wraps as before.
const SIZES_BY_CONTAINER = typeof CSS !== 'undefined' && CSS.supports('font-size', 'min(100%, 1cqi)');

/**
 * One count in a row of stat boxes; `tone` marks a count that needs a look. `fit` keeps a wide
 * value such as a year range on one line, its text smaller where the box is narrow (a phone).
 */
export function Stat({
  value,
  label,
  tone,
  fit,
}: {
  value: ReactNode;
  label: string;
  tone?: 'error' | 'warn' | false;
  fit?: boolean;
}) {
  const fitting = fit && SIZES_BY_CONTAINER;
  return (
    <li className={tone ? `stat stat-${tone}` : 'stat'} style={fitting ? { containerType: 'inline-size' } : undefined}>
      <span className="stat-number">
        {/* In bold "2015–2022" is about 6 em wide: an em of 16 % of the box keeps it inside. */}
        {fitting ? <span style={{ whiteSpace: 'nowrap', fontSize: 'min(100%, 16cqi)' }}>{value}</span> : value}
      </span>
      <span className="stat-label">{label}</span>
    </li>
  );
}

/** The way back from a detail page to its list. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="back-link">
      <Link href={href}>← {children}</Link>
    </p>
  );
}

/** A detail page that could not be loaded: the way back, then what `notFound` says for a 404, else the error. */
export function DetailLoadError({
  back,
  error,
  onRetry,
  notFound,
}: {
  back: { href: string; label: string };
  error: unknown;
  onRetry: () => void;
  notFound: (error: ApiError) => ReactNode;
}) {
  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      {error instanceof ApiError && error.status === 404 ? (
        notFound(error)
      ) : (
        <LoadError error={error} onRetry={onRetry} />
      )}
    </>
  );
}

/**
 * What a read from the API shows: a spinner, the error with a retry, or `children` with the value.
 * `unavailable` is said instead of an error where the API answers 404 (a feature not set up here),
 * `empty` instead of `children` when the value is an empty list.
 */
export function AsyncContent<T>({
  state,
  onRetry,
  unavailable,
  empty,
  children,
}: {
  state: AsyncState<T>;
  onRetry?: () => void;
  unavailable?: string;
  empty?: string;
  children: (value: T) => ReactNode;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') {
    return unavailable && isNotFound(state.error) ? (
      <p className="muted">{unavailable}</p>
    ) : (
      <LoadError error={state.error} onRetry={onRetry} />
    );
  }
  if (empty && Array.isArray(state.value) && state.value.length === 0) return <p className="muted">{empty}</p>;
  return <>{children(state.value)}</>;
}

/**
 * Filters live in the URL, so a filtered list can be bookmarked and shared. `setFilters` changes
 * several at once ('' removes one) and replaces the history entry: typing a search is not a
 * dozen steps for the Back button.
 */
export function useFilterParams(): [URLSearchParams, (changes: Record<string, string>) => void] {
  const [params, setParams] = useSearchParams();
  const setFilters = (changes: Record<string, string>) =>
    setParams(
      (p) => {
        for (const [name, value] of Object.entries(changes)) {
          if (value) p.set(name, value);
          else p.delete(name);
        }
        return p;
      },
      { replace: true },
    );
  return [params, setFilters];
}

/** The filters above a list. They apply as they change, so Enter in the search box must not submit. */
export function FilterBar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <form className="filters" aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {children}
    </form>
  );
}

/** Search by organisation code or name. */
export function SearchFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useAdminT();
  return (
    <Field label={t('filter.search')} className="afield-inline">
      {(props) => (
        <input
          {...props}
          type="search"
          value={value}
          placeholder={t('filter.searchPlaceholder')}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** Kommuner, regioner or both ('' is both). */
export function TypeFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useAdminT();
  return (
    <Field label={t('filter.type')} className="afield-inline">
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('filter.all')}</option>
          <option value="kommun">{t('type.kommun')}</option>
          <option value="region">{t('type.region')}</option>
        </select>
      )}
    </Field>
  );
}

/** Thrown from a FormDialog's onSubmit when fields carry their own inline errors: focus goes to the first. */
export class FieldsInvalid extends Error {}

/** Puts `errors` beside their fields; if there is any, the FormDialog stays open with focus on the first. */
export function showFieldErrors<E extends Partial<Record<string, string>>>(errors: E, setErrors: (errors: E) => void) {
  setErrors(errors);
  if (Object.values(errors).some(Boolean)) throw new FieldsInvalid();
}

/**
 * Calls the API from a FormDialog: its field errors, and a 409 (that code or address is taken)
 * under `conflictField`, go beside the fields; any other error to the dialog's own error box.
 */
export async function withFieldErrors<T>(
  call: () => Promise<T>,
  setErrors: (errors: Record<string, string>) => void,
  conflictField?: string,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const fromApi = fieldErrors(error);
    if (conflictField && error instanceof ApiError && error.status === 409) fromApi[conflictField] = error.message;
    if (Object.keys(fromApi).length > 0) {
      setErrors(fromApi);
      throw new FieldsInvalid();
    }
    throw error;
  }
}

/**
 * A modal form: the Dialog with a form inside, a primary and a cancel button, a busy state and the
 * API's error shown inside the dialog (and announced).
 */
export function FormDialog({
  open,
  title,
  submitLabel,
  onCancel,
  onSubmit,
  children,
  danger,
  className,
  submitDisabled,
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  onCancel: () => void;
  /** Throw to keep the dialog open; the error's message is shown. Return to close. */
  onSubmit: () => Promise<void>;
  children?: ReactNode;
  danger?: boolean;
  className?: string;
  /** The action cannot be confirmed yet (what it would do is still being read) or at all; the body says why. */
  submitDisabled?: boolean;
}) {
  const t = useAdminT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) setError('');
  }, [open]);
  // Focus the error once it is in the page. A timer set beside setError could run before React
  // rendered it, leaving focus on the body (the busy submit button had been disabled under it).
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  // The same for a refused field: focus it once its aria-invalid is rendered (a timer could run first).
  const formRef = useRef<HTMLFormElement>(null);
  const [invalidTries, setInvalidTries] = useState(0);
  useEffect(() => {
    if (invalidTries > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [invalidTries]);
  return (
    <Dialog open={open} title={title} onCancel={busy ? undefined : onCancel} className={className}>
      <form
        ref={formRef}
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          setBusy(true);
          setError('');
          try {
            await onSubmit();
          } catch (err) {
            if (err instanceof FieldsInvalid) {
              setInvalidTries((n) => n + 1);
              return;
            }
            setError(errorMessage(err, t('error.generic')));
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
        {error && (
          <div className="notice notice-error" role="alert" tabIndex={-1} ref={errorRef}>
            <p>{error}</p>
          </div>
        )}
        <div className="dialog-actions">
          <button
            type="submit"
            className={`button ${danger ? 'button-danger' : ''}`}
            disabled={busy || submitDisabled}
            aria-busy={busy}
          >
            {busy ? t('common.working') : submitLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Every campaign, newest first, and the year the console shows by default. */
export function useCampaignList(): {
  campaigns: CampaignSummary[] | null;
  error: unknown;
  defaultYear: number | undefined;
  reload: () => void;
} {
  const [campaigns, setCampaigns] = useState<CampaignSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` triggers a reload.
  useEffect(() => {
    let live = true;
    adminApi.campaigns().then(
      (list) => live && setCampaigns([...list].sort((a, b) => b.year - a.year)),
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [round]);
  return {
    campaigns,
    error,
    defaultYear: campaigns ? defaultCampaign(campaigns)?.year : undefined,
    reload: useCallback(() => setRound((r) => r + 1), []),
  };
}

export function CampaignSelect({
  campaigns,
  year,
  onChange,
  label,
}: {
  campaigns: CampaignSummary[];
  year: number | undefined;
  onChange: (year: number) => void;
  label?: string;
}) {
  const t = useAdminT();
  return (
    <Field label={label ?? t('common.campaign')} className="afield-inline">
      {(props) => (
        <select {...props} value={year ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
          {campaigns.map((c) => (
            <option key={c.year} value={c.year}>
              {c.title} ({t(`campaignStatus.${c.status}` as AdminKey).toLowerCase()})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The dialogs behind a progress row's buttons: open while `row` is set; `onDone` gets what to announce. */
export interface RowActionDialogProps {
  year: number;
  row: ProgressRow | null;
  onCancel: () => void;
  onDone: (message: string, tone?: 'success' | 'error') => void;
}
