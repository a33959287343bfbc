import { describe, expect, it } from 'vitest';
import { aggregateRows } from '../../../shared/export/response-table';
import { type AggregateResponse, aggregateKlimatlaget } from '../../../shared/klimatlaget/index';
import { score } from '../../../shared/scoring/score';
import { makeSurvey } from '../../helpers/make-survey';
import { siteT } from '../../helpers/translators';

const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };

function submitted(id: string, data: Record<string, unknown>): AggregateResponse {
  return { organisationId: id, organisationType: 'kommun', status: 'submitted', data, score: score(survey, data) };
}

describe('the "Klimatläget" sheet words a withheld change as the public page does', () => {
  it("gives the page's reason when the change is withheld because a newcomer could be worked out", () => {
    // Arrange: 13 kommuner answered both years and one answered only this year
    const ids = Array.from({ length: 13 }, (_, i) => String(1000 + i));
    const answers = { G1: true, G2: true };
    const previous = ids.map((id) => submitted(id, answers));
    const responses = [...previous, submitted('1999', { ...answers, q1: 'ja' })];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    expect(report.yearOnYear).toMatchObject({ organisations: 13, change: null, unmatched: true });
    // Act
    const rows = aggregateRows(report);
    // Assert: the note of the network's change row is the page's sentence (the sheet joins notes with ". ")
    const header = rows.find((row) => row.includes('Organisationer båda åren'))!;
    const all = rows[rows.indexOf(header) + 1]!;
    expect(all[0]).toBe('Alla');
    const page = siteT('sv')('report.fig.changeUnmatched');
    expect(`${all[header.indexOf('Anmärkning')]}.`).toBe(page);
  });
});
