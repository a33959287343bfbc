import '../i18n/editor';
import { useAdminT } from '../i18n';
import { SCORING_HELP, type ScoringPropertyHelp } from './scoring-help';

/**
 * "Så sätts poäng": each scoring property of the survey JSON, where it goes and a line of JSON
 * showing it. A native <details>, so it opens with Enter or Space and screen readers say whether
 * it is open; closed at first, so the editor stays near the top.
 */
export function ScoringHelp() {
  const t = useAdminT();
  const scoring = SCORING_HELP.filter((help) => !help.other);
  const other = SCORING_HELP.filter((help) => help.other);
  return (
    <details className="scoring-help">
      <summary>{t('editor.help.summary')}</summary>
      <p>{t('editor.help.intro')}</p>
      <h3>{t('editor.help.listLabel')}</h3>
      <dl>
        {scoring.map((help) => (
          <Property key={help.id} help={help} />
        ))}
      </dl>
      <h3>{t('editor.help.otherHeading')}</h3>
      <dl>
        {other.map((help) => (
          <Property key={help.id} help={help} />
        ))}
      </dl>
    </details>
  );
}

function Property({ help }: { help: ScoringPropertyHelp }) {
  const t = useAdminT();
  return (
    <div>
      <dt>
        {help.names.map((name, i) => (
          <span key={name}>
            {i > 0 && ', '}
            <code>{name}</code>
          </span>
        ))}
        <span className="scoring-help-where"> – {t(help.where)}</span>
      </dt>
      <dd>
        {t(help.what)}
        <pre>
          <span className="visually-hidden">{t('editor.help.example')}: </span>
          <code>{help.example}</code>
        </pre>
      </dd>
    </div>
  );
}
