import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type AggregateResponse, aggregateKlimatlaget } from '../../shared/klimatlaget/index';
import { score } from '../../shared/scoring/score';
import { I18nProvider } from '../../web/src/i18n';
import { Summary } from '../../web/src/pages/klimatlaget/KlimatlagetPage';
import { maxChangeText, unmatchedChangeText } from '../../web/src/pages/klimatlaget/report-model';
import { makeSurvey } from '../helpers/make-survey';
import { siteT } from '../helpers/translators';

/** The fixture survey has 10 points; `max` stands in for another year's survey. */
const survey = makeSurvey();
const surveys = { kommun: survey, region: survey };

function submitted(id: string, data: Record<string, unknown>, max = 10): AggregateResponse {
  return {
    organisationId: id,
    organisationType: 'kommun',
    status: 'submitted',
    data,
    score: { ...score(survey, data), max },
  };
}

const ids = Array.from({ length: 13 }, (_, i) => String(1000 + i));
const better = { G1: true, G2: true, q1: 'ja', q2: true };
const worse = { G1: true, G2: true };

describe('Klimatläget: the change since last year as readers meet it', () => {
  it('says why the change is withheld when one newcomer could be worked out, and keeps the counts', () => {
    // Arrange: 13 kommuner answered both years (6 better, 7 the same), and one newcomer this year
    const previous = ids.map((id) => submitted(id, worse));
    const responses = [...ids.map((id, i) => submitted(id, i < 6 ? better : worse)), submitted('1999', better)];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    expect(report.yearOnYear).toMatchObject({ organisations: 13, change: null, unmatched: true });
    // Act
    const sv = unmatchedChangeText(report.yearOnYear, siteT('sv'), 'sv');
    const en = unmatchedChangeText(report.yearOnYear, siteT('en'), 'en');
    // Assert
    expect(sv).toBe(
      'Förändringen visas inte: resultatet för en medlem som svarade bara ett av åren skulle gå att räkna ut ur den. ' +
        '13 svarade båda åren: 6 förbättrade, 7 oförändrade, 0 försämrade.',
    );
    expect(en).toBe(
      'The change is not shown: the result of a member that answered in only one of the years could be worked out from it. ' +
        '13 answered both years: 6 improved, 7 unchanged, 0 declined.',
    );
  });

  it('gives no such text when the change is shown or withheld for too few pairs', () => {
    const previous = ids.map((id) => submitted(id, worse));
    const shown = aggregateKlimatlaget({ year: 2026, surveys, responses: previous, previous: { responses: previous } });
    expect(shown.yearOnYear?.change).not.toBeNull();
    expect(unmatchedChangeText(shown.yearOnYear, siteT('sv'), 'sv')).toBeNull();
    const few = ids.slice(0, 2).map((id) => submitted(id, worse));
    const tooFew = aggregateKlimatlaget({ year: 2026, surveys, responses: few, previous: { responses: few } });
    expect(unmatchedChangeText(tooFew.yearOnYear, siteT('sv'), 'sv')).toBeNull();
  });

  it("names a change in the survey's maximum beside the change, which compares shares of different maxima", () => {
    // Arrange: last year's survey had 8 points, this year's 10
    const previous = ids.map((id) => submitted(id, worse, 8));
    const responses = ids.map((id) => submitted(id, better));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    // Act
    const sv = maxChangeText(report, ['kommun'], siteT('sv'), 'sv');
    const en = maxChangeText(report, ['kommun'], siteT('en'), 'en');
    // Assert
    expect(sv).toBe('Enkäten ändrades: högsta möjliga poäng 8 → 10; förändringen jämför andelar av max.');
    expect(en).toBe('The survey changed: highest possible score 8 → 10; the change compares shares of the maximum.');
  });

  it('says nothing of the maximum when it stayed, or when an older snapshot did not store it', () => {
    const previous = ids.map((id) => submitted(id, worse));
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses: previous,
      previous: { responses: previous },
    });
    expect(maxChangeText(report, ['kommun'], siteT('sv'), 'sv')).toBe('');
    const { previousMax: _, ...older } = report.byType.kommun.yearOnYear!;
    const stored = {
      ...report,
      byType: { ...report.byType, kommun: { ...report.byType.kommun, max: 12, yearOnYear: older } },
    };
    expect(maxChangeText(stored, ['kommun'], siteT('sv'), 'sv')).toBe('');
  });

  it('keeps the note on a changed maximum beside the improved and declined counts when the change is withheld', () => {
    // Arrange: last year's survey had 8 points, this year's 10; 13 answered both years and one only this year
    const previous = ids.map((id) => submitted(id, worse, 8));
    const responses = [...ids.map((id, i) => submitted(id, i < 6 ? better : worse)), submitted('1999', better)];
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    expect(report.yearOnYear).toMatchObject({ organisations: 13, change: null, unmatched: true, improved: 6 });
    // Act
    const sv = maxChangeText(report, ['kommun'], siteT('sv'), 'sv');
    const en = maxChangeText(report, ['kommun'], siteT('en'), 'en');
    const html = renderToStaticMarkup(
      createElement(I18nProvider, null, createElement(Summary, { report, year: 2026, types: ['kommun'] })),
    );
    // Assert: the counts compare shares of 8 and 10 points, and the key figure says so beside them
    expect(sv).toBe('Enkäten ändrades: högsta möjliga poäng 8 → 10; förbättrade och försämrade jämför andelar av max.');
    expect(en).toBe(
      'The survey changed: highest possible score 8 → 10; improved and declined compare shares of the maximum.',
    );
    expect(html).toContain('13 svarade båda åren: 6 förbättrade, 7 oförändrade, 0 försämrade.');
    expect(html).toContain(`<span class="kl-small">${sv}</span>`);
  });

  it('says the survey changed beside a shown change in the key figure', () => {
    const previous = ids.map((id) => submitted(id, worse, 8));
    const responses = ids.map((id) => submitted(id, better));
    const report = aggregateKlimatlaget({ year: 2026, surveys, responses, previous: { responses: previous } });
    const html = renderToStaticMarkup(
      createElement(I18nProvider, null, createElement(Summary, { report, year: 2026, types: ['kommun'] })),
    );
    expect(html).toContain('Enkäten ändrades: högsta möjliga poäng 8 → 10; förändringen jämför andelar av max.');
  });

  it('gives no note on the maximum when too few answered both years to show any of it', () => {
    const two = ids.slice(0, 2);
    const report = aggregateKlimatlaget({
      year: 2026,
      surveys,
      responses: two.map((id) => submitted(id, better)),
      previous: { responses: two.map((id) => submitted(id, worse, 8)) },
    });
    expect(report.yearOnYear).toMatchObject({ organisations: 2, suppressed: true, improved: null });
    expect(maxChangeText(report, ['kommun'], siteT('sv'), 'sv')).toBe('');
  });
});
