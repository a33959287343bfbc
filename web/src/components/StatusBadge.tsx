import type { ResponseStatus } from '../api/types';
import { useT } from '../i18n';

export function StatusBadge({ status }: { status: ResponseStatus }) {
  const t = useT();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
