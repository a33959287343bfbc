import { describe, expect, it } from 'vitest';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { buildScorecard, networkLive } from '../../shared/klimatlaget/index';
import { CHANGE_5Y_STEPS, CHANGE_SINCE_1990_STEPS, PER_INHABITANT_STEPS } from '../../shared/scoring/emission-outcome';
import { score } from '../../shared/scoring/score';
import { sv } from '../../web/src/i18n/sv';
import {
  bandRange,
  gateExplanation,
  lostSummary,
  missingKey,
  missingOutcome,
  outcomeScale,
  sectionsSummary,
} from '../../web/src/pages/scorecard/scorecard-model';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { siteT } from '../helpers/translators';

/** Lund's scorecard for the given answers, built as the API builds it. */
function card(data: Record<string, unknown>) {
  const survey = DEFAULT_SURVEYS.kommun;
  const own = score(survey, data);
  return buildScorecard({
    year: 2026,
    organisationId: '1281',
    organisationName: 'Lund',
    organisationType: 'kommun',
    survey,
    data,
    score: own,
    network: networkLive(survey, [own]),
  });
}

describe('scorecard: why there is no band', () => {
  it('names the basic requirements not met in the page language, and the band the points would have given', () => {
    // Arrange: full answers except B2 answered no and B3 left out
    const answers: Record<string, unknown> = { ...completeKommunAnswers(), B2: false };
    delete answers.B3;
    const scorecard = card(answers);
    // Act
    const sv = gateExplanation(scorecard, 'sv');
    const en = gateExplanation(scorecard, 'en');
    // Assert
    expect(scorecard.band).toBeNull();
    expect(sv?.failed.map((f) => [f.name, f.title.text, f.answered])).toEqual([
      ['B2', 'Finns beslutade utsläppsmål?', true],
      ['B3', 'Finns en beslutad handlingsplan med åtgärder för att minska utsläppen?', false],
    ]);
    expect(en?.failed.map((f) => [f.title.text, f.title.lang])).toEqual([
      ['Are there decided emission targets?', undefined],
      ['Is there a decided action plan with measures to cut emissions?', undefined],
    ]);
    // The points are the same as with every requirement met, so the band is the one that score() gives then.
    const met = score(DEFAULT_SURVEYS.kommun, completeKommunAnswers());
    expect(sv?.band).toEqual({
      label: met.band,
      minShare: scorecard.scoreBands.find((b) => b.label === met.band)?.minShare,
    });
  });

  it('falls back to Swedish, marked so, for a requirement without an English title', () => {
    const scorecard = card({ ...completeKommunAnswers(), B1: false });
    delete scorecard.failedGates[0]!.titleEn;
    expect(gateExplanation(scorecard, 'en')?.failed[0]?.title).toEqual({
      text: 'Finns ett politiskt beslut om att kontinuerligt inventera växthusgasutsläppen?',
      lang: 'sv',
    });
  });

  it('promises a comparison with the network only when its figures are shown (a region among too few)', () => {
    // Arrange: the same answers among one respondent (withheld) and among three (shown)
    const data = { ...completeKommunAnswers(), B1: false };
    const alone = card(data);
    const own = score(DEFAULT_SURVEYS.kommun, data);
    const among = { ...alone, network: networkLive(DEFAULT_SURVEYS.kommun, [own, own, own]) };
    // Act and assert
    expect(alone.network.total).toBeNull();
    expect(gateExplanation(alone, 'sv')?.compared).toBe(false);
    expect(gateExplanation(among, 'sv')?.compared).toBe(true);
    // The text without the network names no comparison.
    expect(sv['scorecard.gateFailedOwn']).not.toMatch(/nätverket|jämförs/);
  });

  it('explains nothing when every basic requirement is met', () => {
    expect(gateExplanation(card(completeKommunAnswers()), 'sv')).toBeNull();
  });
});

describe('scorecard: what the band, the lost points and Utfall mean', () => {
  it('gives the share of the maximum that the band reached takes, from the survey bands', () => {
    // Arrange
    const best = card(completeKommunAnswers());
    const bands = best.scoreBands;
    // Act and assert: A is open above, D open below, and a scorecard without a band has none
    expect(best.band).toBe('A');
    expect(bandRange(best)).toEqual({ min: 0.8, below: null });
    expect(bandRange({ ...best, band: 'B' })).toEqual({ min: 0.6, below: 0.8 });
    expect(bandRange({ ...best, band: 'D' })).toEqual({ min: null, below: 0.4 });
    expect(bandRange({ ...best, band: null })).toBeNull();
    expect(bands.map((b) => b.label)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('sums the points lost in questions apart from those only the kansli awards, together max − total', () => {
    // Arrange: the best answers leave M7 at 1 of 2 (one framework) and the review point of Samhällsplanering
    const scorecard = card(completeKommunAnswers());
    // Act
    const lost = lostSummary(scorecard);
    // Assert
    expect(lost).toEqual({ questions: 1, questionPoints: 1, reviewPoints: 1 });
    expect(lost.questionPoints + lost.reviewPoints).toBe(scorecard.max - scorecard.total);
  });

  it('states the Utfall scale from the scoring rules themselves, 3 to 1 points per part', () => {
    expect(outcomeScale()).toEqual([
      { part: 'level', steps: PER_INHABITANT_STEPS },
      { part: 'since1990', steps: CHANGE_SINCE_1990_STEPS },
      { part: 'fiveYears', steps: CHANGE_5Y_STEPS },
    ]);
    expect(outcomeScale().map((row) => row.steps.map((s) => s.points))).toEqual([
      [3, 2, 1],
      [3, 2, 1],
      [3, 2, 1],
    ]);
  });

  it('heads the scale’s columns with 3, 2 and 1 point(s) in each language', () => {
    const heads = (lang: 'sv' | 'en') =>
      [3, 2, 1].map((count) => siteT(lang)('scorecard.outcome.pointsColumn', { count }));
    expect(heads('en')).toEqual(['3 points', '2 points', '1 point']);
    expect(heads('sv')).toEqual(['3 poäng', '2 poäng', '1 poäng']);
  });
});

describe('scorecard: what is missing, in words', () => {
  it('says a year without a survey has none, rather than that its result is not published yet', () => {
    expect(missingKey('not_found')).toBe('scorecard.noSurvey');
    expect(missingKey('not_a_year')).toBe('scorecard.notYear');
    expect(missingKey('not_published')).toBe('scorecard.notPublished');
    expect(missingKey('no_submitted_response')).toBe('scorecard.noResponse');
    expect(missingKey('none_published')).toBe('scorecard.nonePublished');
  });

  it('says that no emissions were imported when there is no Utfall, and whether as of the publish', () => {
    // Arrange: card() has no emissions
    const none = card(completeKommunAnswers());
    const published = {
      ...none,
      emissionOutcomeSource: { source: 'published' as const, revision: 1, publishedAt: '2026-05-01T08:00:00.000Z' },
    };
    const live = { ...none, emissionOutcomeSource: { source: 'live' as const } };
    // Act and assert
    expect(none.emissionOutcome).toBeNull();
    expect(missingOutcome(none)).toEqual({ publishedAt: null });
    expect(missingOutcome(live)).toEqual({ publishedAt: null });
    expect(missingOutcome(published)).toEqual({ publishedAt: '2026-05-01T08:00:00.000Z' });
    const outcome = { latestYear: 2023, perInhabitant: 3, changeSince1990: null, change5y: null, points: 2, max: 3 };
    expect(missingOutcome({ ...none, emissionOutcome: outcome as never })).toBeNull();
  });
});

describe('the areas chart’s text alternative on the scorecard', () => {
  const translator = siteT;

  it('names the median only when one is shown, in both languages', () => {
    const withMedian = { compared: true, medians: true, ahead: 3, count: 7 };
    const meanOnly = { ...withMedian, medians: false };
    expect(sectionsSummary(withMedian, translator('sv'), 'sv')).toContain('bredvid nätverkets medelvärde och median.');
    expect(sectionsSummary(meanOnly, translator('sv'), 'sv')).toContain('bredvid nätverkets medelvärde. Ni ligger');
    expect(sectionsSummary(meanOnly, translator('sv'), 'sv')).not.toContain('median');
    expect(sectionsSummary(withMedian, translator('en'), 'en')).toContain("beside the network's mean and median.");
    expect(sectionsSummary(meanOnly, translator('en'), 'en')).toContain("beside the network's mean. You are");
    expect(sectionsSummary(meanOnly, translator('en'), 'en')).not.toContain('median');
  });

  it('leaves the network out when it is withheld', () => {
    const own = sectionsSummary({ compared: false, medians: false, ahead: 0, count: 7 }, translator('sv'), 'sv');
    expect(own).toBe(sv['scorecard.sections.summaryOwn']);
  });
});
