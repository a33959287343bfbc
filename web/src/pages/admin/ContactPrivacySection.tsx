import { useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../api/client';
import { downloadJson } from '../../lib/download';
import { adminApi, type Contact, type ErasureResult } from './api';
import { ActionsCell, Announcer, DataTable, FormDialog, RowButton, useAnnouncer, useRunAction } from './components';
import { useAdminT } from './i18n';
import { contactExportFileName } from './lib/contact-export';
import { contactErasedMessage, ERASURE_STEPS } from './lib/erasure';
import './i18n/erasure';
import './i18n/organisation';

/**
 * "Personuppgifter" on an organisation's page: per contact, download everything stored about them
 * (GET /api/admin/contacts/{id}/export) and erase them (POST …/erase) after a confirmation that
 * says what the erasure does (functions/features/privacy/privacy.service.ts). Results are
 * announced in this section's live region; after an erasure the list is reloaded and focus moves
 * to the section's heading, since the row that had it is gone. A 409 `erasure_incomplete` keeps the
 * dialog open with its message, and its button says "Fortsätt radera": pressing it continues.
 * A person no longer in the register is erased by address (FormerContactErasure.tsx), linked here.
 */
export function ContactPrivacySection({
  contacts,
  organisationName,
  onErased,
}: {
  contacts: Contact[];
  organisationName: string;
  onErased: () => void;
}) {
  const t = useAdminT();
  const [announcement, announce] = useAnnouncer();
  const [busy, run] = useRunAction(announce);
  const [erasing, setErasing] = useState<Contact | null>(null);
  const [incomplete, setIncomplete] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusHeadingWhenGone = useRef<string | null>(null);

  // After an erasure the reloaded list no longer has the contact: then focus goes to the heading.
  useEffect(() => {
    const gone = focusHeadingWhenGone.current;
    if (gone && !contacts.some((c) => c.id === gone)) {
      focusHeadingWhenGone.current = null;
      heading.current?.focus();
    }
  }, [contacts]);

  const exportContact = (contact: Contact) =>
    run(async () => {
      announce(t('privacy.exporting', { name: contact.name }), 'info');
      const data = await adminApi.exportContact(contact.id);
      const fileName = contactExportFileName(contact.name, data.exportedAt || new Date(), contact.id);
      downloadJson(`${JSON.stringify(data, null, 2)}\n`, fileName);
      announce(t('privacy.exported', { name: contact.name, file: fileName }));
    });

  return (
    <section aria-labelledby="privacy-heading">
      <div className="section-head">
        <h2 id="privacy-heading" tabIndex={-1} ref={heading}>
          {t('privacy.heading')}
        </h2>
      </div>
      <p className="muted">{t('privacy.intro')}</p>
      <p>
        {t('privacy.former')} <Link href="/organisationer/radera-tidigare-kontakt">{t('former.title')}</Link>
      </p>
      <Announcer message={announcement.message} tone={announcement.tone} />
      {contacts.length === 0 ? (
        <p className="muted">{t('contact.none')}</p>
      ) : (
        <DataTable
          label={t('privacy.caption', { name: organisationName })}
          caption={t('privacy.caption', { name: organisationName })}
          captionHidden
          columns={[t('contact.name'), t('progress.col.actions')]}
        >
          {contacts.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.name}</th>
              <ActionsCell>
                <RowButton
                  onClick={() => exportContact(c)}
                  disabled={busy}
                  name={t('privacy.exportFor', { name: c.name })}
                >
                  {t('privacy.export')}
                </RowButton>
                <RowButton
                  danger
                  onClick={() => {
                    setIncomplete(false);
                    setErasing(c);
                  }}
                  name={t('privacy.eraseFor', { name: c.name })}
                >
                  {t('privacy.erase')}
                </RowButton>
              </ActionsCell>
            </tr>
          ))}
        </DataTable>
      )}

      <FormDialog
        open={erasing !== null}
        title={erasing ? t('privacy.eraseTitle', { name: erasing.name }) : ''}
        submitLabel={incomplete ? t('privacy.continue') : t('privacy.eraseConfirm')}
        danger
        onCancel={() => setErasing(null)}
        onSubmit={async () => {
          if (!erasing) return;
          let result: ErasureResult;
          try {
            result = await adminApi.eraseContact(erasing.id);
          } catch (error) {
            // The dialog shows the API's "erase again to continue"; the button then says so too.
            if (error instanceof ApiError && error.code === 'erasure_incomplete') setIncomplete(true);
            throw error;
          }
          focusHeadingWhenGone.current = erasing.id;
          setErasing(null);
          announce(contactErasedMessage(erasing.name, result, t));
          onErased();
        }}
      >
        {erasing && (
          <>
            <p>
              <strong>{t('privacy.eraseLead', { name: erasing.name, email: erasing.email })}</strong>
            </p>
            <ul>
              {ERASURE_STEPS.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
              <li>{t('privacy.eraseContact')}</li>
            </ul>
            <p>{t('privacy.eraseAudit')}</p>
          </>
        )}
      </FormDialog>
    </section>
  );
}
