/**
 * What a person loses when the survey locks under them (the other contact submitted, the campaign
 * closed): the page shows what is stored instead of what they typed, and says which answers did
 * not make it. Pure, so it is unit-tested without survey-core.
 */
import type { Answers } from '../../api/types';
import type { Lang } from '../../i18n';
import { changedQuestions, inSurveyOrder, sameAnswer } from './conflict-merge';

/**
 * The data keys whose value this page changed since the version it last knew to be stored (`base`)
 * and that the stored response (`stored`, read after the lock) does not hold: an answer the other
 * contact changed meanwhile that this person never touched is not theirs to lose, and one both
 * gave alike is not lost. `canEdit` leaves out what the person could not have typed (prefilled,
 * read-only questions). In the survey's order (`order`, see `inSurveyOrder`).
 */
export function lostEdits(
  base: Answers,
  mine: Answers,
  stored: Answers,
  order: readonly string[],
  canEdit: (key: string) => boolean = () => true,
): string[] {
  const lost = changedQuestions(base, mine).filter((key) => canEdit(key) && !sameAnswer(mine[key], stored[key]));
  return inSurveyOrder(lost, order);
}

/** How many names a sentence lists before it says "och N till". */
export const NAMED_AT_MOST = 5;

/**
 * Names in a sentence, each quoted: "”A”, ”B” och ”C”"; past `max`, the first `max` and how many
 * more, in the page's language ("”A”, … ”E” och 3 till" / "“A”, … “E” and 3 more").
 */
export function namedList(
  names: readonly string[],
  lang: Lang,
  more: (count: number) => string,
  max = NAMED_AT_MOST,
): string {
  const [open, close] = lang === 'sv' ? ['\u201d', '\u201d'] : ['\u201c', '\u201d'];
  const shown = names.length > max ? names.slice(0, max) : names;
  const parts = shown.map((name) => `${open}${name}${close}`);
  if (names.length > shown.length) parts.push(more(names.length - shown.length));
  return new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { type: 'conjunction' }).format(parts);
}
