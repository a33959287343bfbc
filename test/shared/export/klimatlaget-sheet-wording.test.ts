import { describe, expect, it } from 'vitest';
import { aggregateRows } from '../../../shared/export/response-table';
import { type AggregateResponse, aggregateKlimatlaget } from '../../../shared/klimatlaget/index';
import { score } from '../../../shared/scoring/score';
import { maxChangeText } from '../../../web/src/pages/klimatlaget/report-model';
import { makeSurvey } from '../../helpers/make-survey';
import { siteT } from '../../helpers/translators';

const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };

/** `max` stands in for another year's survey (the fixture survey has 10 points). */
function submitted(id: string, data: Record<string, unknown>, max = 10): AggregateResponse {
  return {
    organisationId: id,
    organisationType: 'kommun',
    status: 'submitted',
    data,
    score: { ...score(survey, data), max },
  };
}

/** The change block's rows by group ("Alla", "Kommuner"), each with its "Anmärkning". */
function changeNotes(rows: ReturnType<typeof aggregateRows>): Record<string, unknown> {
  const header = rows.find((row) => row.includes('Organisationer båda åren'))!;
  const notes: Record<string, unknown> = {};
  for (const row of rows.slice(rows.indexOf(header) + 1)) {
    if (row.length === 0) break;
    notes[String(row[0])] = row[header.indexOf('Anmärkning')];
  }
  return notes;
}

const ids = Array.from({ length: 13 }, (_, i) => String(1000 + i));

describe('the "Klimatläget" sheet words a withheld change as the public page does', () => {
  it("gives the page's reason when the change is withheld because a newcomer could be worked out", () => {
    // Arrange: 13 kommuner answered both years and one answered only this year
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

  it("says the survey's maximum changed beside the change, in the page's words", () => {
    // Arrange: last year's survey had 8 points, this year's 10
    const answers = { G1: true, G2: true };
    const previous = ids.map((id) => submitted(id, answers, 8));
    const responses = ids.map((id, i) => submitted(id, i < 5 ? { ...answers, q1: 'ja' } : answers));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    expect(report.yearOnYear?.change).not.toBeNull();
    // Act
    const notes = changeNotes(aggregateRows(report));
    // Assert: the network's row and the kommuner's, as the page's sentence (the sheet has no final stop)
    const page = maxChangeText(report, ['kommun'], siteT('sv'), 'sv');
    expect(page).toBe('Enkäten ändrades: högsta möjliga poäng 8 → 10; förändringen jämför andelar av max.');
    expect(notes).toEqual({ Alla: page.slice(0, -1), Kommuner: page.slice(0, -1) });
  });

  it('says so beside the improved and declined counts when the change itself is withheld', () => {
    // Arrange: as above, and one kommun answered only this year
    const answers = { G1: true, G2: true };
    const previous = ids.map((id) => submitted(id, answers, 8));
    const responses = [...ids.map((id) => submitted(id, answers)), submitted('1999', answers)];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    expect(report.yearOnYear).toMatchObject({ change: null, unmatched: true });
    // Act
    const notes = changeNotes(aggregateRows(report));
    // Assert
    const note = `${siteT('sv')('report.fig.changeUnmatched')} ${maxChangeText(report, ['kommun'], siteT('sv'), 'sv')}`;
    expect(note).toContain('förbättrade och försämrade jämför andelar av max');
    expect(`${notes.Alla}.`).toBe(note);
    expect(`${notes.Kommuner}.`).toBe(note);
  });

  it('adds nothing when the maximum stayed', () => {
    const answers = { G1: true, G2: true };
    const previous = ids.map((id) => submitted(id, answers));
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses: previous,
      previous: { responses: previous },
    });
    expect(changeNotes(aggregateRows(report))).toEqual({ Alla: null, Kommuner: null });
  });
});
