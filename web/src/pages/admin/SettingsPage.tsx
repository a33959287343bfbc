import { useState } from 'react';
import { ApiError } from '../../api/client';
import { LoadError, Loading } from '../../components/Feedback';
import { useAsync } from '../../lib/use-async';
import { usePageTitle } from '../../lib/use-page-title';
import { useSession } from '../../session';
import { type AdminListEntry, adminApi } from './api';
import { Announcer, DateTime, Field, FieldsInvalid, FormDialog, TableScroll, useAnnouncer } from './components';
import { useAdminT } from './i18n';
import { fieldErrors } from './lib/field-errors';

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
        {state.status === 'loading' && <Loading />}
        {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
        {state.status === 'ready' && (
          <TableScroll label={t('settings.admins')}>
            <table className="data-table">
              <caption className="visually-hidden">{t('settings.admins')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('contact.name')}</th>
                  <th scope="col">{t('contact.email')}</th>
                  <th scope="col">{t('settings.addedAt')}</th>
                  <th scope="col">{t('progress.col.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {state.value.map((a) => (
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
                    <td>
                      <button
                        type="button"
                        className="small-button small-danger"
                        onClick={() => setRemoving(a)}
                        aria-label={t('settings.removeFor', { name: a.name })}
                      >
                        {t('common.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        <p className="muted small">{t('settings.configHint')}</p>
      </section>

      <FormDialog
        open={adding}
        title={t('settings.addTitle')}
        submitLabel={t('settings.add')}
        onCancel={() => setAdding(false)}
        onSubmit={async () => {
          const local: Record<string, string> = {};
          if (!name.trim()) local.name = t('error.required');
          if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) local.email = t('error.email');
          setErrors(local);
          if (Object.keys(local).length) throw new FieldsInvalid();
          try {
            await adminApi.addAdmin({ name: name.trim(), email: email.trim() });
          } catch (error) {
            const fromApi = fieldErrors(error);
            if (error instanceof ApiError && error.status === 409) fromApi.email = error.message;
            if (Object.keys(fromApi).length) {
              setErrors(fromApi);
              throw new FieldsInvalid();
            }
            throw error;
          }
          setAdding(false);
          announce(t('settings.added', { name: name.trim() }));
          reload();
        }}
      >
        <p>{t('settings.addBody')}</p>
        <Field label={t('contact.name')} error={errors.name}>
          {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('contact.email')} error={errors.email}>
          {(props) => <input {...props} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
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
