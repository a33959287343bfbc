import { Link } from 'wouter';
import { useT } from '../i18n';

/** The link back to the member's start page, above a member page's heading; left off paper. */
export function BackLink() {
  const t = useT();
  return (
    <p className="back-link no-print">
      <Link href="/">
        <span aria-hidden="true">← </span>
        {t('survey.back')}
      </Link>
    </p>
  );
}
