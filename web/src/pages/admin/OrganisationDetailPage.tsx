import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { EmailHolderDetails } from '../../../../shared/schemas/contact.schema';
import { ApiError } from '../../api/client';
import { Loading } from '../../components/Feedback';
import { useLang } from '../../i18n';
import { formatDate, formatNumber } from '../../lib/format';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { adminApi, type Contact, type ContactRole, type ContactWarning, type OrganisationRow } from './api';
import { ContactPrivacySection } from './ContactPrivacySection';
import {
  ActionsCell,
  Announcer,
  BackLink,
  DataTable,
  DetailLoadError,
  EmailStateTag,
  FieldsInvalid,
  FormDialog,
  PersonFields,
  ProgressStatusTag,
  personErrors,
  RowButton,
  showFieldErrors,
  useAnnouncer,
  useRunAction,
  withFieldErrors,
} from './components';
import { EmissionsSection } from './EmissionsSection';
import { type AdminKey, useAdminT } from './i18n';
import { invitationNotice, MoveContactDialog, mailNotice } from './MoveContactDialog';
import { OrganisationFormDialog } from './OrganisationForm';
import './i18n/organisation';

type ContactDialog =
  | { kind: 'add' }
  | { kind: 'edit'; contact: Contact }
  | { kind: 'move'; contact: Contact }
  | { kind: 'remove'; contact: Contact };

export function OrganisationDetailPage({ code }: { code: string }) {
  const t = useAdminT();
  const [lang] = useLang();
  const [state, reload] = useAsync(() => adminApi.organisation(code), [code]);
  const organisation = state.status === 'ready' ? state.value : undefined;
  // While a change reloads the organisation, the page keeps showing what it had: no spinner in
  // place of the page, so focus, open sections and the live regions stay where they are.
  const shown = useRef<typeof organisation>(undefined);
  if (organisation) shown.current = organisation;
  else if (state.status === 'error' || shown.current?.id !== code) shown.current = undefined;
  usePageTitle(organisation?.name ?? t('org.title'));
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<ContactDialog | null>(null);
  const [announcement, announce] = useAnnouncer();
  const [, run] = useRunAction(announce);
  const [warnings, setWarnings] = useState<ContactWarning[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a reloaded organisation brings its own warnings.
  useEffect(() => setWarnings(null), [organisation]);

  if (state.status === 'loading' && !shown.current) return <Loading />;
  if (state.status === 'error') {
    return (
      <DetailLoadError
        back={{ href: '/organisationer', label: t('org.title') }}
        error={state.error}
        onRetry={reload}
        notFound={() => <h1>{t('org.notFound', { code })}</h1>}
      />
    );
  }
  const o = shown.current as NonNullable<typeof organisation>;
  const currentWarnings = warnings ?? o.warnings;
  const afterChange = (message: string, nextWarnings?: ContactWarning[], tone?: 'info' | 'success') => {
    setDialog(null);
    announce(message, tone);
    if (nextWarnings) setWarnings(nextWarnings);
    reload();
  };

  const reactivate = (contact: Contact) =>
    run(async () => {
      const result = await adminApi.updateContact(contact.id, { emailState: 'ok' });
      afterChange(t('contact.reactivated', { name: contact.name }), result.warnings);
    });

  return (
    <>
      <BackLink href="/organisationer">{t('org.title')}</BackLink>
      <div className="page-head">
        <div>
          <p className="eyebrow">
            {t(`type.${o.type}` as AdminKey)} · {o.id}
          </p>
          <h1>{o.name}</h1>
        </div>
        <div className="page-head-actions">
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
            {t('org.edit')}
          </button>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('org.population')}</dt>
          <dd>{o.population === undefined ? '–' : formatNumber(o.population, lang)}</dd>
        </div>
        <div>
          <dt>{t('org.memberSince')}</dt>
          <dd>{o.memberSince ? formatDate(o.memberSince, lang) : '–'}</dd>
        </div>
        <div>
          <dt>{t('org.memberUntil')}</dt>
          <dd>{o.memberUntil ? formatDate(o.memberUntil, lang) : t('org.ongoing')}</dd>
        </div>
        <div>
          <dt>
            {o.currentCampaign
              ? t('org.campaignStatusYear', { year: o.currentCampaign.year })
              : t('org.campaignStatus')}
          </dt>
          <dd>{o.currentCampaign ? <CampaignStatus organisation={o} campaign={o.currentCampaign} /> : '–'}</dd>
        </div>
      </dl>
      <p>
        <Link href={`/logg?organisation=${o.id}`}>{t('org.auditLink')}</Link>
      </p>

      <section aria-labelledby="contacts-heading">
        <div className="section-head">
          <h2 id="contacts-heading">{t('org.contacts')}</h2>
          <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })}>
            {t('contact.add')}
          </button>
        </div>
        {currentWarnings.length > 0 && (
          <div className="notice notice-warning">
            <p>
              <strong>{t('contact.statutesTitle')}</strong>
            </p>
            <ul>
              {currentWarnings.map((w) => (
                <li key={w.code}>{t(`problem.${w.code}` as AdminKey)}</li>
              ))}
            </ul>
          </div>
        )}
        <Announcer message={announcement.message} tone={announcement.tone} />
        {o.contacts.length === 0 ? (
          <p className="muted">{t('contact.none')}</p>
        ) : (
          <DataTable
            label={t('org.contacts')}
            caption={t('contact.caption', { name: o.name })}
            captionHidden
            columns={[
              t('contact.name'),
              { label: t('contact.email'), minWidth: '12rem' },
              t('contact.role'),
              t('contact.emailState'),
              t('progress.col.actions'),
            ]}
          >
            {o.contacts.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.name}</th>
                <td className="break">{c.email}</td>
                <td>{t(`role.${c.role}` as AdminKey)}</td>
                <td>
                  <EmailStateTag state={c.emailState} />
                </td>
                <ActionsCell>
                  {c.emailState !== 'ok' && (
                    <RowButton onClick={() => reactivate(c)} name={t('contact.reactivateFor', { name: c.name })}>
                      {t('contact.reactivate')}
                    </RowButton>
                  )}
                  <RowButton
                    onClick={() => setDialog({ kind: 'edit', contact: c })}
                    name={t('contact.editFor', { name: c.name })}
                  >
                    {t('common.edit')}
                  </RowButton>
                  <RowButton
                    onClick={() => setDialog({ kind: 'move', contact: c })}
                    name={t('contact.moveFor', { name: c.name })}
                  >
                    {t('contact.move')}
                  </RowButton>
                  <RowButton
                    danger
                    onClick={() => setDialog({ kind: 'remove', contact: c })}
                    name={t('contact.removeFor', { name: c.name })}
                  >
                    {t('common.remove')}
                  </RowButton>
                </ActionsCell>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <ContactPrivacySection contacts={o.contacts} organisationName={o.name} onErased={reload} />

      <EmissionsSection code={o.id} name={o.name} />

      <OrganisationFormDialog
        open={editing}
        existing={o}
        onCancel={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          announce(t('common.saved'));
          reload();
        }}
      />
      <ContactFormDialog
        code={o.id}
        contact={dialog?.kind === 'edit' ? dialog.contact : undefined}
        open={dialog?.kind === 'add' || dialog?.kind === 'edit'}
        onCancel={() => setDialog(null)}
        onSaved={(message, w, tone) => afterChange(message, w, tone)}
      />
      <MoveContactDialog
        contact={dialog?.kind === 'move' ? dialog.contact : null}
        from={o}
        onCancel={() => setDialog(null)}
        // The page reloads: its own contacts and warnings after the contact has gone.
        onMoved={(message, tone) => afterChange(message, undefined, tone)}
      />
      <FormDialog
        open={dialog?.kind === 'remove'}
        title={dialog?.kind === 'remove' ? t('contact.removeTitle', { name: dialog.contact.name }) : ''}
        submitLabel={t('common.remove')}
        danger
        onCancel={() => setDialog(null)}
        onSubmit={async () => {
          if (dialog?.kind !== 'remove') return;
          const result = await adminApi.removeContact(dialog.contact.id);
          const notice = accessNotice(t, result.notified, dialog.contact.email);
          afterChange(
            `${t('contact.removed', { name: dialog.contact.name })}${notice.text}`,
            result.warnings,
            notice.tone,
          );
        }}
      >
        <p>{t('contact.removeBody')}</p>
      </FormDialog>
    </>
  );
}

/**
 * The organisation's status in the current campaign. One outside it (the campaign's membership
 * rule, `inCampaign`) was never asked: the page says why rather than "Ej påbörjad", and offers the
 * review only when a response item exists all the same (it stands, docs/membership).
 */
function CampaignStatus({
  organisation,
  campaign,
}: {
  organisation: OrganisationRow;
  campaign: NonNullable<OrganisationRow['currentCampaign']>;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const status = (
    <>
      <ProgressStatusTag status={campaign.status} />{' '}
      <Link href={`/granskning/${campaign.year}/${organisation.id}`}>{t('org.review')}</Link>
    </>
  );
  if (campaign.inCampaign) return status;
  const ended = campaign.membership === 'ended';
  const date = formatDate((ended ? organisation.memberUntil : organisation.memberSince) ?? undefined, lang);
  const hasResponse = campaign.status !== 'not_started';
  return (
    <>
      {t(ended ? 'org.notInCampaignEnded' : 'org.notInCampaignNotYet', { year: campaign.year, date })}
      {hasResponse && (
        <span className="cell-sub">
          {t('org.answeredOutside', { year: campaign.year })} {status}
        </span>
      )}
    </>
  );
}

function ContactFormDialog({
  code,
  contact,
  open,
  onCancel,
  onSaved,
}: {
  code: string;
  contact?: Contact;
  open: boolean;
  onCancel: () => void;
  onSaved: (message: string, warnings: ContactWarning[], tone?: 'info' | 'success') => void;
}) {
  const t = useAdminT();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ContactRole>('official');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The contact of another organisation that has the address asked for (409 already_exists).
  const [holder, setHolder] = useState<EmailHolderDetails | null>(null);
  useEffect(() => {
    if (!open) return;
    setName(contact?.name ?? '');
    setEmail(contact?.email ?? '');
    setRole(contact?.role ?? 'official');
    setErrors({});
    setHolder(null);
  }, [open, contact]);
  const holderName = holder ? `${holder.organisationName ?? holder.organisationId} (${holder.organisationId})` : '';
  return (
    <FormDialog
      open={open}
      title={contact ? t('contact.editTitle', { name: contact.name }) : t('contact.addTitle')}
      submitLabel={contact ? t('common.save') : t('contact.add')}
      onCancel={onCancel}
      onSubmit={async () => {
        setHolder(null);
        showFieldErrors(personErrors(name, email, t), setErrors);
        const body = { name: name.trim(), email: email.trim(), role };
        const result = await withFieldErrors(
          () =>
            (contact ? adminApi.updateContact(contact.id, body) : adminApi.addContact(code, body)).catch(
              (error: unknown) => {
                const found = emailHolder(error);
                if (!found) throw error;
                // Said in the reader's language, naming the organisation; the link below goes there.
                setErrors({
                  email: t('contact.emailInUse', {
                    organisation: `${found.organisationName ?? found.organisationId} (${found.organisationId})`,
                  }),
                });
                setHolder(found);
                throw new FieldsInvalid();
              },
            ),
          setErrors,
          'email',
        );
        // An address change tells the old address; the notice names it (the kansli typed it before).
        const notice = accessNotice(t, (result as { notified?: boolean }).notified, contact?.email ?? '');
        // A new contact, or the new address, gets the open campaign's invitation at once.
        const invitation = invitationNotice(t, result.invited, body.email);
        onSaved(
          `${t(contact ? 'contact.saved' : 'contact.added', { name: body.name })}${notice.text}${invitation.text}`,
          result.warnings,
          notice.tone ?? invitation.tone,
        );
      }}
    >
      <PersonFields
        name={name}
        email={email}
        onName={setName}
        onEmail={setEmail}
        errors={errors}
        emailHint={contact ? t('contact.emailChangeHint') : undefined}
      />
      {holder && holder.organisationId !== code && (
        <p className="hint">
          {t('contact.emailInUseHelp')}{' '}
          <Link href={`/organisationer/${holder.organisationId}`} onClick={onCancel}>
            {t('contact.emailInUseOpen', { organisation: holderName })}
          </Link>
        </p>
      )}
      <fieldset className="afield radio-group">
        <legend>{t('contact.role')}</legend>
        {(['politician', 'official'] as const).map((r) => (
          <label key={r} className="check-inline">
            <input type="radio" name="contact-role" checked={role === r} onChange={() => setRole(r)} />
            {t(`role.${r}`)}
          </label>
        ))}
      </fieldset>
    </FormDialog>
  );
}

/** The other contact that has the address, from a 409 already_exists that names it. */
function emailHolder(error: unknown): EmailHolderDetails | undefined {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'already_exists') return undefined;
  const details = error.details as Partial<EmailHolderDetails> | undefined;
  if (typeof details?.organisationId !== 'string' || typeof details.contactId !== 'string') return undefined;
  return {
    contactId: details.contactId,
    organisationId: details.organisationId,
    ...(typeof details.organisationName === 'string' ? { organisationName: details.organisationName } : {}),
  };
}

/** When a change took someone's access away: the e-mail telling them went, or could not be sent. */
function accessNotice(t: ReturnType<typeof useAdminT>, notified: boolean | undefined, email: string) {
  return mailNotice(t, notified, email, { sent: 'contact.notified', notSent: 'contact.notNotified' });
}
