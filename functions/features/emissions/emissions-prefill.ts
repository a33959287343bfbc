import type { EmissionValue } from '../../../shared/emissions-import/import.schema';
import type { Prefill } from '../../../shared/schemas/response.schema';
import { prefilledQuestionsOf, withPrefilledAnswers } from '../../../shared/survey-validation/register-answers';
import type { PrefillSource } from '../responses/response.service';
import type { EmissionRepository } from './emission.repository';

/** Prefill keys a question may declare with the custom `prefill` property. */
export const EMISSION_PREFILL_KEYS = ['emissions.perInhabitant', 'emissions.total', 'emissions.year'] as const;
export type EmissionPrefillKey = (typeof EMISSION_PREFILL_KEYS)[number];

/** International transport is outside the territorial total, as in the national emissions database. */
const OUTSIDE_TERRITORIAL_TOTAL = new Set<string>(['utrikes-transporter']);

const questionCache = new WeakMap<object, Array<{ name: string; key: EmissionPrefillKey }>>();

/** The questions of a survey that take an emissions prefill, read once per survey object. */
export function emissionPrefillQuestions(survey: object): Array<{ name: string; key: EmissionPrefillKey }> {
  const cached = questionCache.get(survey);
  if (cached) return cached;
  const found = prefilledQuestionsOf(survey).filter((entry): entry is { name: string; key: EmissionPrefillKey } =>
    EMISSION_PREFILL_KEYS.includes(entry.key as EmissionPrefillKey),
  );
  questionCache.set(survey, found);
  return found;
}

/** What the prefill reads of an emission figure; a stored row's sector is a plain string. */
type EmissionFigure = Pick<EmissionValue, 'year' | 'tonnesCO2e' | 'population'> & { sector: string };

/**
 * The prefill values from an organisation's emissions: the latest year up to the campaign year
 * (per inhabitant: the latest with a population), territorial total without international transport.
 */
export function emissionPrefill(
  values: readonly EmissionFigure[],
  questions: ReadonlyArray<{ name: string; key: EmissionPrefillKey }>,
  campaignYear: number,
): Prefill {
  const byYear = new Map<number, { tonnes: number; population: number | undefined }>();
  for (const value of values) {
    if (value.year > campaignYear || OUTSIDE_TERRITORIAL_TOTAL.has(value.sector)) continue;
    const entry = byYear.get(value.year) ?? { tonnes: 0, population: undefined };
    entry.tonnes += value.tonnesCO2e;
    if (value.population !== undefined && value.population > 0) {
      entry.population = Math.max(entry.population ?? 0, value.population);
    }
    byYear.set(value.year, entry);
  }
  const years = [...byYear.keys()].sort((a, b) => b - a);
  const latest = years[0];
  const latestWithPopulation = years.find((year) => byYear.get(year)?.population !== undefined);
  const result: Prefill = { values: {}, sources: {} };
  for (const { name, key } of questions) {
    const year = key === 'emissions.perInhabitant' ? latestWithPopulation : latest;
    const figure = year === undefined ? undefined : byYear.get(year);
    if (year === undefined || !figure) continue;
    const value =
      key === 'emissions.perInhabitant'
        ? round(figure.tonnes / (figure.population ?? 1), 2)
        : key === 'emissions.total'
          ? round(figure.tonnes, 1)
          : year;
    result.values[name] = value;
    result.sources[name] = `Från Sustainable Advantage, ${year}`;
  }
  return result;
}

/**
 * Prefills survey questions that declare `"prefill": "emissions.…"` from the organisation's imported
 * emissions: one query, and none at all for a survey without such questions. Read only when a
 * response is shown (GET), never on autosave.
 */
export class EmissionsPrefillSource implements PrefillSource {
  constructor(private readonly emissions: EmissionRepository) {}

  async prefillFor(organisationId: string, year: number, survey: object): Promise<Prefill> {
    const questions = emissionPrefillQuestions(survey);
    if (questions.length === 0) return { values: {}, sources: {} };
    return emissionPrefill(await this.emissions.ofOrganisation(organisationId), questions, year);
  }
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * The answers as the kansli is shown them (review page, export): each prefilled question (M0) with
 * the value the imported emissions give for `year`, as the member's page is given it, not the one
 * the draft stored (a caller of the API can store any number there); none without a figure.
 */
export function answersWithEmissionPrefill(
  survey: object,
  data: Record<string, unknown>,
  emissions: readonly EmissionFigure[],
  year: number,
): Record<string, unknown> {
  return withPrefilledAnswers(survey, data, emissionPrefill(emissions, emissionPrefillQuestions(survey), year).values);
}
