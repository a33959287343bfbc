import { type RefObject, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { adminApi } from './api';
import { Announcer, BackLink, Field, FormDialog, useAnnouncer } from './components';
import { useAdminT } from './i18n';
import {
  type AddressErasureOutcome,
  type AddressErasureStep,
  addressErasureCountItems,
  addressErasureStep,
  addressError,
  ERASURE_STEPS,
  erasedAnything,
  erasedOrganisations,
} from './lib/erasure';
import './i18n/erasure';
import './i18n/former-contact';

/**
 * "Radera uppgifter om en tidigare kontakt" (Organisationer): GDPR erasure by the address of a
 * person no longer in the register (POST /api/admin/contacts/erase). A confirmation lists what
 * happens; the answer is shown in counts, `erasure_incomplete` offers "Fortsätt radera" (the same
 * request again), and an address still in the register links to the organisations where the
 * contact is erased instead. After each answer focus goes to its heading (its section holds the
 * counts); a failure of "Fortsätt radera" is shown and announced with focus left on that button.
 */
export function FormerContactErasurePage() {
  const t = useAdminT();
  usePageTitle(t('former.title'));
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<AddressErasureOutcome | null>(null);
  const [continuing, setContinuing] = useState(false);
  // The guard against a second press: the button stays enabled (aria-disabled) so it keeps focus.
  const continuingNow = useRef(false);
  const [announcement, announce] = useAnnouncer();
  const field = useRef<HTMLInputElement>(null);
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  // Bumped for each place focus must go. Runs after the dialog's own effect has handed focus back
  // to the button that opened it (a child's effects run before its parent's).
  const [focusRequest, setFocusRequest] = useState<{ to: 'field' | 'outcome'; round: number } | null>(null);
  useEffect(() => {
    if (focusRequest?.to === 'outcome') outcomeHeading.current?.focus();
    if (focusRequest?.to === 'field') field.current?.focus();
  }, [focusRequest]);
  const focus = (to: 'field' | 'outcome') => setFocusRequest((r) => ({ to, round: (r?.round ?? 0) + 1 }));

  /** Sends the erasure; an answer the page shows is shown, anything else is thrown to the caller. */
  const erase = async (address: string, via: 'dialog' | 'continue') => {
    let step: AddressErasureStep;
    try {
      step = addressErasureStep(address, { result: await adminApi.eraseAddress({ email: address }) }, via, t);
    } catch (error) {
      const stop = addressErasureStep(address, { error }, via, t);
      if (!stop) throw error;
      step = stop;
    }
    setOutcome(step.outcome);
    if (step.outcome?.kind === 'done') setEmail('');
    if (step.focus === 'field') setFieldError(step.fieldError);
    if (step.focus === 'button') announce(step.announce, 'error');
    else focus(step.focus);
  };

  const continueErasing = async (address: string) => {
    if (continuingNow.current) return;
    continuingNow.current = true;
    setContinuing(true);
    try {
      await erase(address, 'continue');
    } finally {
      continuingNow.current = false;
      setContinuing(false);
    }
  };

  return (
    <>
      <BackLink href="/organisationer">{t('org.title')}</BackLink>
      <h1>{t('former.title')}</h1>
      <p className="lead">{t('former.intro')}</p>
      <p>{t('former.inRegisterHint')}</p>
      <form
        className="card erase-address-form"
        aria-label={t('former.formLabel')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problem = addressError(email, t);
          setFieldError(problem);
          if (problem) {
            field.current?.focus();
            return;
          }
          setConfirming(email.trim().toLowerCase());
        }}
      >
        <Field label={t('former.email')} hint={t('former.emailHint')} error={fieldError}>
          {(props) => (
            <input
              {...props}
              ref={field}
              type="email"
              // Someone else's address: the browser would offer the kansli's own.
              autoComplete="off"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-danger" disabled={continuing}>
          {t('former.submit')}
        </button>
      </form>

      <div className="visually-hidden">
        <Announcer message={announcement.message} tone={announcement.tone} />
      </div>
      {outcome && (
        <ErasureOutcome
          outcome={outcome}
          headingRef={outcomeHeading}
          continuing={continuing}
          onContinue={() => void continueErasing(outcome.email)}
        />
      )}

      <FormDialog
        open={confirming !== null}
        title={t('former.confirmTitle', { email: confirming ?? '' })}
        submitLabel={t('former.confirm')}
        danger
        onCancel={() => setConfirming(null)}
        onSubmit={async () => {
          if (confirming === null) return;
          await erase(confirming, 'dialog');
          setConfirming(null);
        }}
      >
        <p>
          <strong>{t('former.confirmLead', { email: confirming ?? '' })}</strong>
        </p>
        <ul>
          {ERASURE_STEPS.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
          <li>{t('former.eraseRecords')}</li>
        </ul>
        <p>{t('former.eraseAudit')}</p>
      </FormDialog>
    </>
  );
}

/** The answer to an erasure: the counts, "Fortsätt radera", or where the contact is erased instead. */
function ErasureOutcome({
  outcome,
  headingRef,
  continuing,
  onContinue,
}: {
  outcome: AddressErasureOutcome;
  headingRef: RefObject<HTMLHeadingElement | null>;
  continuing: boolean;
  onContinue: () => void;
}) {
  const t = useAdminT();
  const heading = (text: string) => (
    <h2 id="erase-outcome-heading" tabIndex={-1} ref={headingRef}>
      {text}
    </h2>
  );

  if (outcome.kind === 'incomplete') {
    return (
      <section className="notice notice-warning erase-outcome" aria-labelledby="erase-outcome-heading">
        {heading(t('former.incompleteTitle', { email: outcome.email }))}
        <p>{t('former.incompleteBody')}</p>
        {outcome.failure && (
          <p id="erase-outcome-failure" className="erase-outcome-failure">
            {outcome.failure}
          </p>
        )}
        {/* aria-disabled, not disabled: the button keeps focus while the request runs and after it fails. */}
        <button
          type="button"
          className="button"
          onClick={onContinue}
          aria-disabled={continuing || undefined}
          aria-busy={continuing}
          aria-describedby={outcome.failure ? 'erase-outcome-failure' : undefined}
        >
          {continuing ? t('common.working') : t('privacy.continue')}
        </button>
      </section>
    );
  }

  if (outcome.kind === 'in-register') {
    return (
      <section className="notice notice-error erase-outcome" aria-labelledby="erase-outcome-heading">
        {heading(t('former.inRegisterTitle', { email: outcome.email }))}
        <p>{t('former.inRegisterBody')}</p>
        {outcome.contacts.length > 0 && (
          <>
            <p className="erase-outcome-label">{t('former.inRegisterList')}</p>
            <ul>
              {outcome.contacts.map((c) => (
                <li key={c.contactId}>
                  <OrganisationLink code={c.organisationId} contactId={c.contactId} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    );
  }

  const { result } = outcome;
  if (!erasedAnything(result)) {
    return (
      <section className="notice notice-info erase-outcome" aria-labelledby="erase-outcome-heading">
        {heading(t('former.nothingTitle', { email: outcome.email }))}
        <p>{t('former.nothingBody')}</p>
      </section>
    );
  }
  const organisations = erasedOrganisations(result.contacts);
  return (
    <section className="notice notice-success erase-outcome" aria-labelledby="erase-outcome-heading">
      {heading(t('former.doneTitle', { email: outcome.email }))}
      <dl className="erase-counts">
        {addressErasureCountItems(result, t).map((item) => (
          <div key={item.key}>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        ))}
      </dl>
      {organisations.length > 0 && (
        <>
          <p className="erase-outcome-label">{t('former.records')}</p>
          <ul>
            {organisations.map((code) => (
              <li key={code}>
                <OrganisationLink code={code} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A link to an organisation's page, named once loaded ("Forshaga (1763)"), with the contact's name when given. */
function OrganisationLink({ code, contactId }: { code: string; contactId?: string }) {
  const t = useAdminT();
  const [state] = useAsync(() => adminApi.organisation(code), [code]);
  const organisation = state.status === 'ready' ? state.value : undefined;
  const label = organisation
    ? t('former.organisation', { name: organisation.name, code })
    : t('former.organisationCode', { code });
  const holder = contactId ? organisation?.contacts.find((c) => c.id === contactId) : undefined;
  return (
    <Link href={`/organisationer/${code}`}>
      {holder ? t('former.holder', { name: holder.name, organisation: label }) : label}
    </Link>
  );
}
