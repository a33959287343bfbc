import { useEffect, useState } from 'react';
import { adminApi, type OrganisationRow, type OrganisationType } from './api';
import { Field, FormDialog, showFieldErrors, withFieldErrors } from './components';
import { useAdminT } from './i18n';
import { organisationPatch } from './lib/organisation-patch';

interface Values {
  type: OrganisationType;
  id: string;
  name: string;
  population: string;
  memberSince: string;
  memberUntil: string;
}

const empty: Values = { type: 'kommun', id: '', name: '', population: '', memberSince: '', memberUntil: '' };

/** A quick check before the API's: the shape of the code for the chosen type. The API checks the real länskod. */
export function codeShapeError(type: OrganisationType, id: string): 'kommun' | 'region' | null {
  if (type === 'kommun' && !/^\d{4}$/.test(id)) return 'kommun';
  if (type === 'region' && !/^\d{2}$/.test(id)) return 'region';
  return null;
}

/** Add an organisation (no `existing`) or edit one; the API's field errors appear beside their fields. */
export function OrganisationFormDialog({
  open,
  existing,
  onCancel,
  onSaved,
}: {
  open: boolean;
  existing?: OrganisationRow;
  onCancel: () => void;
  onSaved: (organisation: OrganisationRow) => void;
}) {
  const t = useAdminT();
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!open) return;
    setErrors({});
    setValues(
      existing
        ? {
            type: existing.type,
            id: existing.id,
            name: existing.name,
            population: existing.population === undefined ? '' : String(existing.population),
            memberSince: existing.memberSince ?? '',
            memberUntil: existing.memberUntil ?? '',
          }
        : empty,
    );
  }, [open, existing]);
  const set = (key: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <FormDialog
      open={open}
      title={existing ? t('org.editTitle', { name: existing.name }) : t('org.addTitle')}
      submitLabel={existing ? t('common.save') : t('org.add')}
      onCancel={onCancel}
      onSubmit={async () => {
        const local: Record<string, string> = {};
        const id = values.id.trim();
        if (!existing) {
          const shape = codeShapeError(values.type, id);
          if (shape) local.id = t(shape === 'kommun' ? 'org.error.kommunCode' : 'org.error.regionCode');
        }
        if (!values.name.trim()) local.name = t('error.required');
        const population = values.population.trim() === '' ? null : Number(values.population.replace(/\s/g, ''));
        if (population !== null && (!Number.isInteger(population) || population < 0))
          local.population = t('org.error.population');
        showFieldErrors(local, setErrors);
        const body = {
          name: values.name.trim(),
          population,
          memberSince: values.memberSince || null,
          memberUntil: values.memberUntil || null,
        };
        const saved = await withFieldErrors(
          () =>
            existing
              ? adminApi.updateOrganisation(existing.id, organisationPatch(body, existing))
              : adminApi.createOrganisation({
                  id,
                  type: values.type,
                  name: body.name,
                  ...(population === null ? {} : { population }),
                  ...(body.memberSince ? { memberSince: body.memberSince } : {}),
                  ...(body.memberUntil ? { memberUntil: body.memberUntil } : {}),
                }),
          setErrors,
          'id',
        );
        onSaved(saved);
      }}
    >
      {!existing && (
        <fieldset className="afield radio-group">
          <legend>{t('org.type')}</legend>
          {(['kommun', 'region'] as const).map((type) => (
            <label key={type} className="check-inline">
              <input
                type="radio"
                name="org-type"
                value={type}
                checked={values.type === type}
                onChange={() => setValues((v) => ({ ...v, type }))}
              />
              {t(`type.${type}`)}
            </label>
          ))}
        </fieldset>
      )}
      {!existing && (
        <Field
          label={t('org.code')}
          hint={values.type === 'kommun' ? t('org.codeHintKommun') : t('org.codeHintRegion')}
          error={errors.id}
        >
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              autoComplete="off"
              maxLength={4}
              className="input-short"
              value={values.id}
              onChange={set('id')}
            />
          )}
        </Field>
      )}
      <Field label={t('org.name')} error={errors.name}>
        {(props) => <input {...props} value={values.name} onChange={set('name')} maxLength={200} />}
      </Field>
      <Field label={t('org.population')} hint={t('common.optional')} error={errors.population}>
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            className="input-short"
            value={values.population}
            onChange={set('population')}
          />
        )}
      </Field>
      <div className="field-row">
        <Field label={t('org.memberSince')} error={errors.memberSince}>
          {(props) => <input {...props} type="date" value={values.memberSince} onChange={set('memberSince')} />}
        </Field>
        <Field label={t('org.memberUntil')} hint={t('org.memberUntilHint')} error={errors.memberUntil}>
          {(props) => <input {...props} type="date" value={values.memberUntil} onChange={set('memberUntil')} />}
        </Field>
      </div>
    </FormDialog>
  );
}
