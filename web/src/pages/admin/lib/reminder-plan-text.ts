import type { ReminderPlan, ReminderScheduleStep } from '../../../../../shared/schemas/campaign.schema';
import type { Lang } from '../../../i18n';
import { TIME_ZONE } from '../../../lib/format';
import type { AdminT } from '../i18n';
import { stepLabel } from './step-label';
import '../i18n/reminders';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

/** "lördag 26 december" / "Saturday 26 December": a step's day, in the campaign's own weeks (no year). */
function dayText(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
}

/** "måndag 28 december kl. 08:00" / "Monday 28 December at 08:00". */
function dayTimeText(iso: string, lang: Lang): string {
  const time = new Intl.DateTimeFormat(LOCALES[lang], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(new Date(iso));
  return `${dayText(iso, lang)} ${lang === 'sv' ? 'kl.' : 'at'} ${time}`;
}

/** Where a moved step nominally falls, with the holiday that moved it: "lördag 26 december, annandag jul". */
function nominalText(step: ReminderScheduleStep, lang: Lang): string {
  const day = dayText(step.nominalAt, lang);
  if (!step.holiday) return day;
  return `${day}, ${lang === 'sv' ? step.holiday.name : step.holiday.nameEn}`;
}

/** A step named in running text: "påminnelsen 2 dagar före" / "the reminder 2 days before". */
function stepPhrase(stepId: string, t: AdminT): string {
  if (stepId === 'invitation') return t('schedule.phrase.invitation');
  if (stepId === 'last-day') return t('schedule.phrase.lastDay');
  const days = /^d(\d+)$/.exec(stepId)?.[1];
  return days ? t('schedule.phrase.days', { days }) : stepId;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Why a step is not sent: the send window moves it onto another step's instant and only that one
 * goes out. "Påminnelsen 2 dagar före (lördag 26 december, annandag jul) flyttas till måndag 28
 * december kl. 08:00, samma tid som påminnelsen sista dagen, och skickas inte."
 */
export function supersededText(step: ReminderScheduleStep, t: AdminT, lang: Lang): string {
  return t('schedule.superseded', {
    step: capitalised(stepPhrase(step.stepId, t)),
    nominal: nominalText(step, lang),
    due: dayTimeText(step.dueAt, lang),
    later: stepPhrase(step.supersededBy ?? '', t),
  });
}

/** One line of the schedule: when the step goes out, where it moved from, or that it is not sent. */
export function scheduleLine(step: ReminderScheduleStep, t: AdminT, lang: Lang): string {
  const label = stepLabel(step.stepId, t);
  if (step.supersededBy) {
    return t('schedule.lineSuperseded', {
      step: label,
      nominal: nominalText(step, lang),
      later: stepLabel(step.supersededBy, t),
    });
  }
  if (step.dueAt !== step.nominalAt) {
    return t('schedule.lineMoved', {
      step: label,
      due: dayTimeText(step.dueAt, lang),
      nominal: nominalText(step, lang),
    });
  }
  return t('schedule.line', { step: label, due: dayTimeText(step.dueAt, lang) });
}

/**
 * The policy's warnings on the campaign's dates, in the reader's language: a step the send window
 * moves onto another's instant is worded from the schedule (its day, the holiday, when it would go
 * out); the others as the API words them (`message`, `messageEn`).
 */
export function policyWarningLines(plan: Partial<ReminderPlan>, t: AdminT, lang: Lang): string[] {
  const schedule = plan.reminderSchedule ?? [];
  const superseded = schedule.filter((step) => step.supersededBy);
  const worded = new Set(superseded.length > 0 ? ['step_superseded'] : []);
  return [
    ...superseded.map((step) => supersededText(step, t, lang)),
    ...(plan.reminderWarnings ?? [])
      .filter((warning) => !worded.has(warning.code))
      .map((warning) => (lang === 'en' ? warning.messageEn : warning.message)),
  ];
}
