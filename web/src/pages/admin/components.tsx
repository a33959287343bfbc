import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { useLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { adminApi, type CampaignSummary, defaultCampaign, type EmailState, type ProgressStatus } from './api';
import { type AdminKey, useAdminT } from './i18n';
import { errorMessage } from './lib/field-errors';
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

interface FieldProps {
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
  className?: string;
}

/** A labelled control with its hint and its error, wired up with aria-describedby and aria-invalid. */
export function Field({ label, hint, error, children, className }: FieldProps) {
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
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
    </div>
  );
}

/** A sortable column header: a button inside the th, with aria-sort on the th. */
export function SortHeader<K extends string>({
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
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

/** Thrown from a FormDialog's onSubmit when fields carry their own inline errors: focus goes to the first. */
export class FieldsInvalid extends Error {}

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
}) {
  const t = useAdminT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) setError('');
  }, [open]);
  return (
    <Dialog open={open} title={title} onCancel={busy ? undefined : onCancel} className={className}>
      <form
        noValidate
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          setBusy(true);
          setError('');
          try {
            await onSubmit();
          } catch (err) {
            if (err instanceof FieldsInvalid) {
              setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
              return;
            }
            setError(errorMessage(err, t('error.generic')));
            setTimeout(() => errorRef.current?.focus(), 0);
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
          <button type="submit" className={`button ${danger ? 'button-danger' : ''}`} disabled={busy} aria-busy={busy}>
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
