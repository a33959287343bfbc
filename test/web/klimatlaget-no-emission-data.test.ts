import { describe, expect, it } from 'vitest';
import { type AggregateResponse, aggregateKlimatlaget } from '../../shared/klimatlaget/index';
import { score } from '../../shared/scoring/score';
import { noEmissionDataText } from '../../web/src/pages/klimatlaget/report-model';
import { makeSurvey } from '../helpers/make-survey';
import { siteT } from '../helpers/translators';

const survey = makeSurvey();
const PASS = { G1: true, G2: true };

function submitted(id: string, type: 'kommun' | 'region'): AggregateResponse {
  return { organisationId: id, organisationType: type, status: 'submitted', data: PASS, score: score(survey, PASS) };
}

describe('report page: types that answered without emission figures', () => {
  it('says the four kommuner have no emissions data, not only that the one region is too few', () => {
    // Arrange: four kommuner without emissions, one region with them (withheld)
    const responses = [...['11', '12', '13', '14'].map((id) => submitted(id, 'kommun')), submitted('21', 'region')];
    const emissions = { '21': [{ year: 2023, sector: 'transporter', tonnesCO2e: 40_000, population: 10_000 }] };
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys: { kommun: survey, region: survey },
      responses,
      emissions,
    });
    // Act
    const types = report.emissions?.typesWithoutData;
    // Assert
    expect(noEmissionDataText(types, siteT('sv'), 'sv')).toBe('Inga utsläppsdata för kommunerna som svarade');
    expect(noEmissionDataText(types, siteT('en'), 'en')).toBe('No emissions data for the municipalities that answered');
  });

  it('says nothing when every type that answered has figures', () => {
    expect(noEmissionDataText(undefined, siteT('sv'), 'sv')).toBe('');
  });
});
