import type { AdminT } from '../i18n';

/** A reminder step's name as the console writes it: the reminders panel and the audit page. */
export function stepLabel(stepId: string, t: AdminT): string {
  if (stepId === 'invitation') return t('step.invitation');
  if (stepId === 'last-day') return t('step.lastDay');
  const days = /^d(\d+)$/.exec(stepId)?.[1];
  if (days) return t('step.days', { days });
  const date = /^manual-(\d{4}-\d{2}-\d{2})$/.exec(stepId)?.[1];
  return date ? t('step.manual', { date }) : stepId;
}
