import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';

type Element = Record<string, unknown> & { name: string; type: string };

/**
 * A complete, valid kommun answer that submit accepts: the gate passed and every required question
 * given its best choice. Shared by the tests and the benchmarks (bench/).
 */
export function completeKommunAnswers(): Record<string, unknown> {
  const answers: Record<string, unknown> = { respondent_name: 'Erik Nilsson', respondent_role: 'tjansteperson' };
  const survey = DEFAULT_SURVEYS.kommun as unknown as { pages: Array<{ elements?: Element[] }> };
  for (const page of survey.pages.slice(1)) {
    for (const element of page.elements ?? []) {
      const name = element.name;
      if (element.requiredIf && element.inputType === 'url') answers[name] = 'https://www.lund.se/klimat';
      if (!element.isRequired || name in answers) continue;
      if (element.type === 'boolean') answers[name] = true;
      else if (element.type === 'radiogroup' || element.type === 'dropdown') {
        const choices = element.choices as Array<{ value: unknown; score?: number }>;
        answers[name] = [...choices].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0]?.value;
      } else if (element.type === 'checkbox') {
        answers[name] = [(element.choices as Array<{ value: unknown }>)[0]?.value];
      } else if (element.inputType === 'number') answers[name] = 100;
      else answers[name] = 'Ja';
    }
  }
  return answers;
}
