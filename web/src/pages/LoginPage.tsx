import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { ApiError, apiClient } from '../api/client';
import { Loading } from '../components/Feedback';
import { type MessageKey, useLang, useT } from '../i18n';
import { isEmailShaped } from '../lib/email';
import { formatDate } from '../lib/format';
import { signInLinkParams } from '../lib/sign-in-link';
import { useLocationHash } from '../lib/use-location-hash';
import { usePageTitle } from '../lib/use-page-title';
import { useSession } from '../session';

// not_a_member: the link was good, but the organisation has left (or not joined); a new one won't come.
const TOKEN_ERRORS = new Set(['token_used', 'token_expired', 'token_unknown', 'not_a_member']);

function isLocal(): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
}

/** Where a signed-in person starts. */
function home(role: string | undefined): string {
  return role === 'admin' ? '/admin' : '/';
}

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null | undefined): string | undefined {
  return next?.startsWith('/') && !next.startsWith('//') ? next : undefined;
}

function EmailForm({
  initialEmail,
  next,
  onSent,
  submitLabel,
}: {
  initialEmail?: string;
  next?: string;
  onSent: (email: string) => void;
  submitLabel: string;
}) {
  const t = useT();
  const [email, setEmail] = useState(initialEmail ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = email.trim();
    if (!isEmailShaped(value)) {
      setError(t('login.error.invalidEmail'));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await apiClient.requestLoginLink(value, next);
      onSent(value);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'rate_limited') setError(t('login.error.rate_limited'));
      else if (err instanceof ApiError && err.status === 400) setError(t('login.error.invalidEmail'));
      else setError(err instanceof ApiError && err.status ? err.message : t('app.error.generic'));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form card" onSubmit={submit} noValidate>
      <div className={`field${error ? ' field-error' : ''}`}>
        <label htmlFor={inputId}>{t('login.email')}</label>
        <p className="hint" id={`${inputId}-hint`}>
          {t('login.emailHint')}
        </p>
        {error && (
          <p className="error-message" id={`${inputId}-error`}>
            <span className="visually-hidden">{t('app.errorPrefix')} </span>
            {error}
          </p>
        )}
        <input
          ref={input}
          id={inputId}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-hint${error ? ` ${inputId}-error` : ''}`}
        />
      </div>
      <button type="submit" className="button button-large" disabled={busy}>
        {busy ? t('login.sending') : submitLabel}
      </button>
    </form>
  );
}

function Sent({ email, onAgain }: { email: string; onAgain: () => void }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="card card-success" role="status">
      <h2 ref={heading} tabIndex={-1}>
        {t('login.sent.title')}
      </h2>
      <p>{t('login.sent.body', { email })}</p>
      {isLocal() && (
        <p className="dev-hint">
          {t('login.sent.local')} <a href="/dev/outbox">{t('login.sent.localLink')}</a>
        </p>
      )}
      <p>
        <button type="button" className="link-button" onClick={onAgain}>
          {t('login.sent.again')}
        </button>
      </p>
    </div>
  );
}

/**
 * The page a sign-in link opens. It redeems the single-use token only when the person presses the
 * button: mail security scanners (e.g. Microsoft Defender Safe Links) open links in a real browser,
 * and would otherwise spend the token before the person gets there.
 */
function RedeemButton({ onRedeem }: { onRedeem: () => void }) {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className="narrow">
      <h1>{t('login.title')}</h1>
      <p className="lead">{t('login.token.lead')}</p>
      <p>
        <button ref={button} type="button" className="button button-large" onClick={onRedeem}>
          {t('login.token.button')}
        </button>
      </p>
    </div>
  );
}

export function LoginPage() {
  const t = useT();
  const [lang] = useLang();
  usePageTitle(t('login.title'));
  const link = signInLinkParams(useSearch(), useLocationHash());
  const token = link.token;
  const next = safeNext(link.next);
  const [, navigate] = useLocation();
  const { setMe, state } = useSession();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [tokenError, setTokenError] = useState<{ code: string; email?: string; memberUntil?: string } | null>(null);
  const [redeeming, setRedeeming] = useState(false);
  const redeemed = useRef<string | null>(null);

  // A new link pasted into this tab changes only the fragment, and the page stays: it starts over,
  // leaving behind the error or "check your email" of the link before.
  useEffect(() => {
    if (!token) return;
    setTokenError(null);
    setSentTo(null);
  }, [token]);

  const redeem = () => {
    if (!token || redeemed.current === token) return;
    redeemed.current = token;
    setRedeeming(true);
    apiClient.redeem(token).then(
      ({ user, next: serverNext }) => {
        setMe(user);
        navigate(safeNext(serverNext) ?? next ?? home(user.role), { replace: true });
      },
      (error: unknown) => {
        const code = error instanceof ApiError && TOKEN_ERRORS.has(error.code) ? error.code : 'token_unknown';
        const details =
          error instanceof ApiError
            ? (error.details as { email?: string; reason?: string; memberUntil?: string | null } | undefined)
            : undefined;
        setTokenError({
          code,
          email: typeof details?.email === 'string' ? details.email : undefined,
          // not_a_member: the day the membership ended, when that is the reason.
          memberUntil: details?.reason === 'ended' && details.memberUntil ? details.memberUntil : undefined,
        });
        setRedeeming(false);
        // The token is spent or bad; keep it out of the address bar and history.
        window.history.replaceState(null, '', '/login');
      },
    );
  };

  // Someone already signed in who opens /login without a token goes home; so does someone signed in
  // who opens an old (used or expired) link: the session they have is what they came for.
  useEffect(() => {
    if (state.status !== 'signed-in' || sentTo) return;
    if (!token && !tokenError) navigate(home(state.me.role), { replace: true });
    else if (tokenError) navigate(next ?? home(state.me.role), { replace: true });
  }, [token, state, sentTo, tokenError, next, navigate]);

  // The "Logga in" button that had focus is gone once the link is refused: focus goes to the new
  // heading ("Begär en ny länk"), not to the top of the page, and the alert under it is read.
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (tokenError) title.current?.focus();
  }, [tokenError]);

  if (redeeming) return <Loading label={t('login.redeeming')} />;
  if (token && !tokenError) return <RedeemButton onRedeem={redeem} />;
  if (tokenError && state.status === 'signed-in') return <Loading />;

  // A session that ended during use: say so, with the address filled in.
  const ended = state.status === 'signed-out' ? state.ended : state.status === 'ended' ? state.me : undefined;
  const notMember = tokenError?.code === 'not_a_member';
  return (
    <div className="narrow">
      <h1 ref={title} tabIndex={-1}>
        {tokenError && !notMember ? t('login.newLink.title') : t('login.title')}
      </h1>
      {tokenError && !sentTo && (
        <div className="notice notice-error" role="alert">
          <p>
            {notMember && tokenError.memberUntil
              ? t('login.error.not_a_member.ended', { date: formatDate(tokenError.memberUntil, lang) })
              : t(`login.error.${tokenError.code}` as MessageKey)}
          </p>
        </div>
      )}
      {ended && !tokenError && !sentTo && (
        <div className="notice notice-info">
          <p>{t('session.ended.login')}</p>
        </div>
      )}
      {sentTo ? (
        <Sent email={sentTo} onAgain={() => setSentTo(null)} />
      ) : (
        <>
          {/* The link was good, only the organisation is not a member: the form is for another address. */}
          <p className="lead">{notMember ? t('login.notMember.otherAddress') : t('login.intro')}</p>
          <EmailForm
            initialEmail={tokenError?.email ?? ended?.email}
            next={next}
            onSent={setSentTo}
            submitLabel={tokenError && !notMember ? t('login.newLink.title') : t('login.submit')}
          />
        </>
      )}
    </div>
  );
}
