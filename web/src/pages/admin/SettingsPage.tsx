import { useState } from 'react';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { useSession } from '../../session';
import { type AdminListEntry, adminApi } from './api';
import {
  ActionsCell,
  Announcer,
  AsyncContent,
  DataTable,
  DateTime,
  FormDialog,
  PersonFields,
  personErrors,
  RowButton,
  showFieldErrors,
  useAnnouncer,
  withFieldErrors,
} from './components';
import { useAdminT } from './i18n';
import './i18n/settings';

export function SettingsPage() {
  const t = useAdminT();
  usePageTitle(t('settings.title'));
  const { state: session } = useSession();
  const me = session.status === 'signed-in' ? session.me.email : undefined;
  const [state, reload] = useAsync(() => adminApi.admins(), []);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<AdminListEntry | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announcement, announce] = useAnnouncer();

  return (
    <>
      <h1>{t('settings.title')}</h1>
      <section aria-labelledby="admins-heading">
        <div className="section-head">
          <h2 id="admins-heading">{t('settings.admins')}</h2>
          <button
            type="button"
            className="button"
            onClick={() => {
              setName('');
              setEmail('');
              setErrors({});
              setAdding(true);
            }}
          >
            {t('settings.add')}
          </button>
        </div>
        <p>{t('settings.intro')}</p>
        <Announcer message={announcement.message} tone={announcement.tone} />
        <AsyncContent state={state} onRetry={reload}>
          {(admins) => (
            <DataTable
              label={t('settings.admins')}
              captionHidden
              columns={[
                t('contact.name'),
                { label: t('contact.email'), minWidth: '12rem' },
                t('settings.addedAt'),
                t('progress.col.actions'),
              ]}
            >
              {admins.map((a) => (
                <tr key={a.email}>
                  <th scope="row">
                    {a.name}
                    {a.email === me && <span className="cell-sub">{t('settings.you')}</span>}
                  </th>
                  <td className="break">{a.email}</td>
                  <td>
                    {a.fromConfig ? (
                      <span className="tag">{t('settings.fromConfig')}</span>
                    ) : (
                      <>
                        <DateTime iso={a.addedAt} />
                        {a.addedBy && <span className="cell-sub">{t('settings.addedBy', { by: a.addedBy })}</span>}
                      </>
                    )}
                  </td>
                  <ActionsCell>
                    {a.fromConfig ? (
                      // The API refuses to remove a configured admin (admin_from_config): say where it is done instead.
                      <span className="muted small">{t('settings.removedInConfig')}</span>
                    ) : (
                      <RowButton danger onClick={() => setRemoving(a)} name={t('settings.removeFor', { name: a.name })}>
                        {t('common.remove')}
                      </RowButton>
                    )}
                  </ActionsCell>
                </tr>
              ))}
            </DataTable>
          )}
        </AsyncContent>
        <p className="muted small">{t('settings.configHint')}</p>
      </section>

      <FormDialog
        open={adding}
        title={t('settings.addTitle')}
        submitLabel={t('settings.add')}
        onCancel={() => setAdding(false)}
        onSubmit={async () => {
          showFieldErrors(personErrors(name, email, t), setErrors);
          const added = await withFieldErrors(
            () => adminApi.addAdmin({ name: name.trim(), email: email.trim() }),
            setErrors,
            'email',
          );
          setAdding(false);
          // The new admin is emailed where to sign in; a failed send leaves them added, to be told otherwise.
          const notice = t(added.notified === false ? 'settings.notNotified' : 'settings.notified', {
            email: added.email,
          });
          announce(
            `${t('settings.added', { name: name.trim() })} ${notice}`,
            added.notified === false ? 'info' : 'success',
          );
          reload();
        }}
      >
        <p>{t('settings.addBody')}</p>
        <PersonFields name={name} email={email} onName={setName} onEmail={setEmail} errors={errors} />
      </FormDialog>
      <FormDialog
        open={removing !== null}
        title={t('settings.removeTitle', { name: removing?.name ?? '' })}
        submitLabel={t('common.remove')}
        danger
        onCancel={() => setRemoving(null)}
        onSubmit={async () => {
          if (!removing) return;
          await adminApi.removeAdmin(removing.email);
          setRemoving(null);
          announce(t('settings.removed', { name: removing.name }));
          reload();
        }}
      >
        <p>{removing?.email === me ? t('settings.removeSelf') : t('settings.removeBody')}</p>
      </FormDialog>
    </>
  );
}
