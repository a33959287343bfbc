import { useEffect, useId, useMemo, useState } from 'react';
import { useLang } from '../../i18n';
import { formatDate } from '../../lib/format';
import { adminApi, type Contact, type ContactRole, type OrganisationRow } from './api';
import { Field, FieldsInvalid, FormDialog } from './components';
import { useAdminT } from './i18n';
import { moveConsequences, searchOrganisations, stockholmToday, targetMembership } from './lib/contact-move';
import './i18n/organisation';

/** At most this many matches are listed; typing more narrows them. */
const SHOWN = 8;

/**
 * "Flytta": moves a contact to another organisation (PATCH with `organisationId`), keeping the
 * name and address. The organisation is found by typing part of its name or code, then chosen
 * among native radio buttons (what screen readers and keyboards handle everywhere, unlike a
 * datalist); a polite status says how many match. The role at the new organisation can be
 * changed on the way, and the dialog says when the new organisation has someone in that role
 * already (the API allows it and warns only for a missing role) or the old one is left without.
 */
export function MoveContactDialog({
  contact,
  from,
  onCancel,
  onMoved,
}: {
  /** The contact to move; the dialog is open while it is set. */
  contact: Contact | null;
  from: { id: string; name: string; contacts: Contact[] };
  onCancel: () => void;
  onMoved: (message: string, tone?: 'info') => void;
}) {
  const t = useAdminT();
  const [lang] = useLang();
  const open = contact !== null;
  const [organisations, setOrganisations] = useState<OrganisationRow[] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [targetId, setTargetId] = useState<string | null>(null);
  const [role, setRole] = useState<ContactRole>('official');
  const [error, setError] = useState('');
  const resultsId = useId();

  useEffect(() => {
    if (!contact) return;
    setQuery('');
    setTargetId(null);
    setRole(contact.role);
    setError('');
    setLoadFailed(false);
    let live = true;
    adminApi.organisations().then(
      (list) => live && setOrganisations(list),
      () => live && setLoadFailed(true),
    );
    return () => {
      live = false;
    };
  }, [contact]);

  const others = useMemo(() => (organisations ?? []).filter((o) => o.id !== from.id), [organisations, from.id]);
  const matches = useMemo(() => searchOrganisations(others, query), [others, query]);
  const shown = matches.slice(0, SHOWN);
  const target = others.find((o) => o.id === targetId);
  // A choice the list no longer shows stays listed first, so it is never chosen out of sight.
  const listed = target && !shown.includes(target) ? [target, ...shown] : shown;
  const consequences = contact ? moveConsequences(contact, from, target ?? { contacts: [] }, role) : undefined;
  const roleName = (r: ContactRole) => t(`role.${r}`).toLowerCase();
  // Former (and future) members are listed, marked, and warned about when chosen: the move is the
  // kansli's to make, but its contact then has no access.
  const today = useMemo(() => stockholmToday(), []);
  const membershipOf = (o: OrganisationRow) => targetMembership(o, today);
  const targetState = target ? membershipOf(target) : null;
  const membershipText = (state: NonNullable<ReturnType<typeof membershipOf>>) =>
    t(state.state === 'ended' ? 'contact.moveListEnded' : 'contact.moveListNotYet', {
      date: formatDate(state.date, lang),
    });

  const count = matches.length;
  const status =
    query.trim() === '' || !organisations
      ? ''
      : count === 0
        ? t('contact.moveNoMatch')
        : count > SHOWN
          ? t('contact.moveMatchesMore', { count, shown: SHOWN })
          : t('contact.moveMatches', { count });

  return (
    <FormDialog
      open={open}
      title={contact ? t('contact.moveTitle', { name: contact.name }) : ''}
      submitLabel={t('contact.moveSubmit')}
      onCancel={onCancel}
      // Nothing to choose from until the list has loaded: "Flytta" then could only refuse a field
      // that is not on the page yet, and its focus would be lost.
      submitDisabled={!organisations}
      onSubmit={async () => {
        if (!contact) return;
        if (!target) {
          setError(t('contact.moveChoose'));
          throw new FieldsInvalid();
        }
        setError('');
        const result = await adminApi.moveContact(contact.id, {
          organisationId: target.id,
          ...(role !== contact.role ? { role } : {}),
        });
        const invitation = invitationNotice(t, result.invited, contact.email);
        onMoved(
          `${t('contact.moved', { name: contact.name, target: `${target.name} (${target.id})` })}${invitation.text}`,
          invitation.tone,
        );
      }}
    >
      {contact && (
        <>
          <p>{t('contact.moveIntro', { name: contact.name, from: from.name })}</p>
          {loadFailed ? (
            <p className="notice notice-error" role="alert">
              {t('contact.moveLoadError')}
            </p>
          ) : !organisations ? (
            <p className="muted" role="status">
              {t('contact.moveLoading')}
            </p>
          ) : (
            <>
              <Field label={t('contact.moveSearch')} hint={t('contact.moveSearchHint')} error={error}>
                {(props) => (
                  <input
                    {...props}
                    type="search"
                    autoComplete="off"
                    aria-controls={resultsId}
                    value={query}
                    onChange={(e) => {
                      setQuery(e.target.value);
                      setError('');
                    }}
                  />
                )}
              </Field>
              <p className="small muted" role="status" aria-live="polite">
                {status}
              </p>
              <fieldset className="afield" id={resultsId} hidden={listed.length === 0}>
                <legend>{t('contact.moveResults')}</legend>
                <ul className="plain-list">
                  {listed.map((o) => (
                    <li key={o.id}>
                      <label className="check-inline">
                        <input
                          type="radio"
                          name="move-target"
                          checked={o.id === targetId}
                          onChange={() => {
                            setTargetId(o.id);
                            setError('');
                          }}
                        />
                        {/* One text, so a phone wraps it as words, not as two columns. */}
                        <span>
                          {o.name} ({o.id})
                          {membershipOf(o) && (
                            <span className="muted">
                              {' – '}
                              {membershipText(membershipOf(o)!)}
                            </span>
                          )}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <fieldset className="afield radio-group">
                <legend>{t('contact.moveRole')}</legend>
                {(['politician', 'official'] as const).map((r) => (
                  <label key={r} className="check-inline">
                    <input type="radio" name="move-role" checked={role === r} onChange={() => setRole(r)} />
                    {t(`role.${r}`)}
                  </label>
                ))}
              </fieldset>
              {target && targetState && (
                <p className="notice notice-warning">
                  {t(targetState.state === 'ended' ? 'contact.moveTargetEnded' : 'contact.moveTargetNotYet', {
                    target: target.name,
                    date: formatDate(targetState.date, lang),
                    name: contact.name,
                  })}
                </p>
              )}
              {target && consequences && consequences.holders.length > 0 && (
                <p className="notice notice-warning">
                  {t('contact.moveRoleTaken', {
                    target: target.name,
                    names: consequences.holders.map((holder) => holder.name).join(', '),
                    role: roleName(role),
                  })}
                </p>
              )}
              {consequences?.leavesGap && (
                <p className="notice notice-warning">
                  {t('contact.moveLeavesGap', { from: from.name, role: roleName(contact.role) })}
                </p>
              )}
            </>
          )}
        </>
      )}
    </FormDialog>
  );
}

/**
 * What the organisation page adds to its message about an e-mail a change sent: that it went to the
 * address, or that it could not be sent (then in the info tone). Nothing when none was due.
 */
export function mailNotice(
  t: ReturnType<typeof useAdminT>,
  sent: boolean | undefined,
  email: string,
  keys: { sent: 'contact.invited' | 'contact.notified'; notSent: 'contact.notInvited' | 'contact.notNotified' },
): { text: string; tone?: 'info' } {
  if (sent === undefined) return { text: '' };
  if (sent) return { text: ` ${t(keys.sent, { email })}` };
  return { text: ` ${t(keys.notSent, { email })}`, tone: 'info' };
}

/**
 * When a contact was added, moved or given a new address while a campaign is open: the invitation
 * went, or goes with the next reminder run.
 */
export function invitationNotice(t: ReturnType<typeof useAdminT>, invited: boolean | undefined, email: string) {
  return mailNotice(t, invited, email, { sent: 'contact.invited', notSent: 'contact.notInvited' });
}
