import type { HomeStatus } from '../api/member';
import { useT } from '../i18n';

export function StatusBadge({ status }: { status: HomeStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
