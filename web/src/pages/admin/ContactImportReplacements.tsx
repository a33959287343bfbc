import type { ContactImportPlannedRow } from './api';
import { useAdminT } from './i18n';
import './i18n/organisations';

/**
 * The rows of a contacts import whose role its organisation's contacts hold now (after an
 * election: Lund's new politician). Replacing is the default, as the statutes give each member one
 * politician and one official; "behåll båda" keeps the old contact. `keep` holds those rows.
 */
export function replaceRowsOf(rows: ReadonlyArray<ContactImportPlannedRow>, keep: ReadonlySet<number>): number[] {
  return rows.filter((row) => row.replaces && !keep.has(row.row)).map((row) => row.row);
}

/**
 * Above the table (so it is in view on a phone, where the table scrolls sideways): how many old
 * contacts will go, and per replacement row a radio group "Ersätt" / "Behåll båda" whose legend
 * names the row, the new contact and the one holding the role now.
 */
export function ReplacementChoices({
  rows,
  keep,
  disabled,
  onChange,
}: {
  rows: ReadonlyArray<ContactImportPlannedRow>;
  keep: ReadonlySet<number>;
  disabled: boolean;
  onChange: (row: number, keep: boolean) => void;
}) {
  const t = useAdminT();
  const candidates = rows.filter((row) => row.replaces && row.replaces.length > 0);
  if (candidates.length === 0) return null;
  const replacing = replaceRowsOf(rows, keep).length;
  return (
    <section className="notice notice-warning" aria-labelledby="replacements-heading">
      <h3 id="replacements-heading">{t('contactImport.replaceNoticeTitle', { count: replacing })}</h3>
      <p>{t('contactImport.replaceNotice')}</p>
      {candidates.map((row) => {
        const names = (row.replaces ?? []).map((holder) => holder.name).join(', ');
        const holders = (row.replaces ?? []).map((holder) => `${holder.name} (${holder.email})`).join(', ');
        const group = `replace-row-${row.row}`;
        const kept = keep.has(row.row);
        return (
          <fieldset key={row.row} className="plain-fieldset" disabled={disabled}>
            <legend>{t('contactImport.replaceLegend', { row: row.row, new: row.name, name: holders })}</legend>
            <label className="check-inline">
              <input type="radio" name={group} checked={!kept} onChange={() => onChange(row.row, false)} />
              {t('contactImport.replaceOption', { name: names })}
            </label>
            <label className="check-inline">
              <input type="radio" name={group} checked={kept} onChange={() => onChange(row.row, true)} />
              {t('contactImport.keepBothOption')}
            </label>
          </fieldset>
        );
      })}
    </section>
  );
}

/** The table cell's note on a replacement row: "Ersätter {name}" (or "Behåller även"), and the holder's address. */
export function ReplacementTag({ row, keep }: { row: ContactImportPlannedRow; keep: boolean }) {
  const t = useAdminT();
  const holders = row.replaces ?? [];
  if (holders.length === 0) return null;
  const names = holders.map((holder) => holder.name).join(', ');
  return (
    <>
      {' '}
      <span className={`tag ${keep ? 'tag-not_started' : 'tag-draft'}`}>
        {keep ? t('contactImport.keepsBoth', { name: names }) : t('contactImport.replaces', { name: names })}
      </span>
      <span className="cell-sub">
        {t('contactImport.currentHolder')} {holders.map((holder) => `${holder.name}, ${holder.email}`).join('; ')}
      </span>
    </>
  );
}
