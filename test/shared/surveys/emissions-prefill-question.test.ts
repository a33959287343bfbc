import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import type { EmissionRepository } from '../../../functions/features/emissions/emission.repository';
import {
  EmissionsPrefillSource,
  emissionPrefill,
  emissionPrefillQuestions,
} from '../../../functions/features/emissions/emissions-prefill';
import { answeredShare } from '../../../shared/scoring/answered-share';
import { compileScoring, score } from '../../../shared/scoring/index';
import '../../../shared/scoring/scoring-properties';
import kommun from '../../../shared/surveys/kommun.json';
import region from '../../../shared/surveys/region.json';

describe.each([
  ['kommun', kommun, 'mal'],
  ['region', region, 'ledarskap'],
])('the %s survey emissions question', (_name, survey, page) => {
  it('is a read-only number question on the first goals page that takes the emissions prefill', () => {
    // Act
    const json = new Model(survey).toJSON();
    const pageJson = (json.pages as Array<{ name: string; elements: Array<Record<string, unknown>> }>).find(
      (p) => p.name === page,
    );
    // Assert
    expect(pageJson?.elements[0]).toMatchObject({
      name: 'M0_emissions_per_inhabitant',
      type: 'text',
      inputType: 'number',
      readOnly: true,
      prefill: 'emissions.perInhabitant',
    });
    expect(emissionPrefillQuestions(survey)).toEqual([
      { name: 'M0_emissions_per_inhabitant', key: 'emissions.perInhabitant' },
    ]);
  });

  it('gives no points and is not counted as a question to answer', () => {
    // Act
    const plan = compileScoring(survey).byName.get('M0_emissions_per_inhabitant');
    const withValue = score(survey, { M0_emissions_per_inhabitant: 1.2 });
    const without = score(survey, {});
    // Assert
    expect(plan).toMatchObject({ max: 0, answerable: false });
    expect(withValue.total).toBe(without.total);
    expect(answeredShare(survey, { M0_emissions_per_inhabitant: 1.2 }).answered).toBe(0);
  });
});

describe('emissionPrefill', () => {
  const questions = [
    { name: 'per', key: 'emissions.perInhabitant' as const },
    { name: 'total', key: 'emissions.total' as const },
  ];

  it('uses the latest year up to the campaign year, without international transport', () => {
    // Arrange
    const values = [
      { year: 2021, sector: 'transporter' as const, tonnesCO2e: 100, population: 100 },
      { year: 2022, sector: 'transporter' as const, tonnesCO2e: 150, population: 100 },
      { year: 2022, sector: 'avfall' as const, tonnesCO2e: 50.55, population: 100 },
      { year: 2022, sector: 'utrikes-transporter' as const, tonnesCO2e: 999, population: 100 },
      { year: 2027, sector: 'transporter' as const, tonnesCO2e: 1, population: 100 },
    ];
    // Act
    const prefill = emissionPrefill(values, questions, 2026);
    // Assert
    expect(prefill).toEqual({
      values: { per: 2.01, total: 200.6 },
      sources: { per: 'Från Sustainable Advantage, 2022', total: 'Från Sustainable Advantage, 2022' },
    });
  });

  it('takes per inhabitant from the latest year with a population, and prefills nothing without data', () => {
    // Arrange
    const values = [
      { year: 2021, sector: 'jordbruk' as const, tonnesCO2e: 300, population: 150 },
      { year: 2022, sector: 'jordbruk' as const, tonnesCO2e: 200 },
    ];
    // Act
    const prefill = emissionPrefill(values, questions, 2026);
    // Assert
    expect(prefill.values).toEqual({ per: 2, total: 200 });
    expect(prefill.sources.per).toBe('Från Sustainable Advantage, 2021');
    expect(emissionPrefill([], questions, 2026)).toEqual({ values: {}, sources: {} });
  });

  it('does not read storage for a survey without emissions questions', async () => {
    // Arrange
    let reads = 0;
    const repo = {
      ofOrganisation: async () => {
        reads++;
        return [];
      },
    } as unknown as EmissionRepository;
    // Act
    const prefill = await new EmissionsPrefillSource(repo).prefillFor('1281', 2026, { pages: [] });
    // Assert
    expect(prefill).toEqual({ values: {}, sources: {} });
    expect(reads).toBe(0);
  });
});
