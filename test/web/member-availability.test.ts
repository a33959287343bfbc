import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { deadlineLine, effectiveDeadline, homeProgress, surveyAvailability } from '../../web/src/api/member';
import type { CurrentCampaign, SurveyResponse } from '../../web/src/api/types';

const OPENS = '2026-03-01T07:00:00.000Z';
const CLOSES = '2026-04-30T21:59:00.000Z';

function campaign(overrides: Partial<CurrentCampaign> = {}): CurrentCampaign {
  return {
    year: 2026,
    title: 'Medlemstest 2026',
    opensAt: OPENS,
    closesAt: CLOSES,
    closesAtForOrganisation: CLOSES,
    status: 'open',
    survey: {},
    ...overrides,
  };
}
const draft: SurveyResponse = { data: {}, version: 2, status: 'draft' };
const at = (iso: string) => new Date(iso);

describe('what the organisation can do with the survey now', () => {
  it('an open campaign before its opening date is upcoming, not editable', () => {
    expect(surveyAvailability(campaign(), draft, at('2026-02-20T10:00:00Z'))).toEqual({
      kind: 'upcoming',
      opensAt: OPENS,
    });
    expect(surveyAvailability(campaign(), draft, at('2026-02-20T10:00:00Z')).kind === 'editable').toBe(false);
    expect(surveyAvailability(campaign(), draft, at(OPENS)).kind === 'editable').toBe(true);
  });

  it('is editable until the deadline, then closed since the deadline', () => {
    expect(surveyAvailability(campaign(), draft, at('2026-04-01T10:00:00Z'))).toEqual({ kind: 'editable' });
    expect(surveyAvailability(campaign(), draft, at(CLOSES))).toEqual({ kind: 'closed', since: CLOSES });
  });

  it('a campaign closed early by the kansli is closed without claiming the future deadline as its date', () => {
    expect(surveyAvailability(campaign({ status: 'closed' }), draft, at('2026-04-01T10:00:00Z'))).toEqual({
      kind: 'closed',
    });
    expect(surveyAvailability(campaign({ status: 'published' }), draft, at('2026-06-01T10:00:00Z'))).toEqual({
      kind: 'closed',
      since: CLOSES,
    });
  });

  it('an extension of the organisation’s own keeps it editable after the campaign closed', () => {
    const extended = campaign({ status: 'closed', closesAtForOrganisation: '2026-05-15T21:59:00.000Z' });
    expect(surveyAvailability(extended, draft, at('2026-05-10T10:00:00Z'))).toEqual({ kind: 'editable' });
    expect(surveyAvailability(extended, draft, at('2026-05-16T10:00:00Z'))).toEqual({
      kind: 'closed',
      since: '2026-05-15T21:59:00.000Z',
    });
  });

  it('an extension is not honoured once the campaign is published, as the server refuses such a save', () => {
    const published = campaign({ status: 'published', closesAtForOrganisation: '2026-05-15T21:59:00.000Z' });
    expect(surveyAvailability(published, draft, at('2026-05-10T10:00:00Z'))).toEqual({ kind: 'closed' });
    expect(surveyAvailability(published, draft, at('2026-05-16T10:00:00Z'))).toEqual({
      kind: 'closed',
      since: '2026-05-15T21:59:00.000Z',
    });
  });

  it('an extension does not open a campaign still in draft', () => {
    const drafted = campaign({ status: 'draft', closesAtForOrganisation: '2026-05-15T21:59:00.000Z' });
    expect(surveyAvailability(drafted, draft, at('2026-03-20T10:00:00Z'))).toEqual({ kind: 'upcoming' });
  });

  it('the deadline shown is the organisation’s own only when it is later than the campaign’s', () => {
    expect(effectiveDeadline(campaign())).toBe(CLOSES);
    expect(effectiveDeadline(campaign({ closesAtForOrganisation: '2026-05-15T21:59:00.000Z' }))).toBe(
      '2026-05-15T21:59:00.000Z',
    );
    expect(effectiveDeadline(campaign({ closesAtForOrganisation: '2026-04-01T21:59:00.000Z' }))).toBe(CLOSES);
    expect(effectiveDeadline(campaign({ closesAtForOrganisation: undefined }))).toBe(CLOSES);
  });

  it('a draft campaign is upcoming; a submitted response is submitted', () => {
    expect(surveyAvailability(campaign({ status: 'draft' }), draft, at('2026-02-20T10:00:00Z'))).toEqual({
      kind: 'upcoming',
      opensAt: OPENS,
    });
    expect(surveyAvailability(campaign({ status: 'draft' }), draft, at('2026-03-20T10:00:00Z'))).toEqual({
      kind: 'upcoming',
    });
    expect(surveyAvailability(campaign(), { ...draft, status: 'submitted' }, at('2026-04-01T10:00:00Z'))).toEqual({
      kind: 'submitted',
    });
  });
});

describe('the deadline line beside the status on the home page', () => {
  it('says when the survey closes while it takes, or will take, answers, for a submitted organisation too', () => {
    expect(deadlineLine(campaign(), at('2026-04-01T10:00:00Z'))).toEqual({ kind: 'closes', at: CLOSES });
    expect(deadlineLine(campaign(), at('2026-02-20T10:00:00Z'))).toEqual({ kind: 'closes', at: CLOSES });
    const extended = campaign({ status: 'closed', closesAtForOrganisation: '2026-05-15T21:59:00.000Z' });
    expect(deadlineLine(extended, at('2026-05-10T10:00:00Z'))).toEqual({
      kind: 'closes',
      at: '2026-05-15T21:59:00.000Z',
    });
  });

  it('gives no future "closes" date once publishing or the kansli closed the survey before its deadline', () => {
    // Published the day after it opened: the deadline is still ahead but the survey is closed.
    for (const status of ['published', 'closed'] as const) {
      expect(deadlineLine(campaign({ status }), at('2026-03-02T10:00:00Z'))).toEqual({ kind: 'closedEarly' });
    }
  });

  it('says when it closed once the deadline has passed', () => {
    expect(deadlineLine(campaign({ status: 'published' }), at('2026-06-01T10:00:00Z'))).toEqual({
      kind: 'closed',
      at: CLOSES,
    });
    expect(deadlineLine(campaign(), at(CLOSES))).toEqual({ kind: 'closed', at: CLOSES });
  });
});

describe('how far the organisation came, on the home page', () => {
  const notStarted: SurveyResponse = {
    data: {},
    version: 0,
    status: 'not_started',
    required: { answered: 0, total: 49 },
  };
  const started: SurveyResponse = { ...draft, required: { answered: 12, total: 49 } };
  const progressOf = (c: CurrentCampaign, r: SurveyResponse, now: Date) =>
    homeProgress(c, r, surveyAvailability(c, r, now));

  it('shows answered of required while the survey takes answers', () => {
    expect(progressOf(campaign(), notStarted, at('2026-04-01T10:00:00Z'))).toEqual({
      kind: 'progress',
      answered: 0,
      total: 49,
    });
    expect(progressOf(campaign(), started, at('2026-04-01T10:00:00Z'))).toEqual({
      kind: 'progress',
      answered: 12,
      total: 49,
    });
  });

  it('offers no "0 of 49" to do once the survey closed or was published and nobody started', () => {
    for (const status of ['closed', 'published'] as const) {
      expect(progressOf(campaign({ status }), notStarted, at('2026-04-01T10:00:00Z'))).toEqual({
        kind: 'unsubmitted',
        year: 2026,
      });
    }
    // Past the deadline of a campaign still marked open.
    expect(progressOf(campaign(), notStarted, at('2026-05-02T10:00:00Z'))).toEqual({ kind: 'unsubmitted', year: 2026 });
  });

  it('tells a closed, started draft as history: how far it came, with no bar to fill', () => {
    expect(progressOf(campaign({ status: 'published' }), started, at('2026-06-01T10:00:00Z'))).toEqual({
      kind: 'unsubmitted',
      year: 2026,
      answered: 12,
      total: 49,
    });
  });

  it('says nothing of progress once submitted, whether or not the survey is still open', () => {
    const submitted: SurveyResponse = { ...started, status: 'submitted', submittedAt: '2026-04-10T10:00:00.000Z' };
    expect(progressOf(campaign(), submitted, at('2026-04-11T10:00:00Z'))).toEqual({ kind: 'none' });
    expect(progressOf(campaign({ status: 'published' }), submitted, at('2026-06-01T10:00:00Z'))).toEqual({
      kind: 'none',
    });
  });
});

describe('the member pages’ bundle', () => {
  it('takes the shared answer-window rule without zod, survey-core or other schema code', async () => {
    // Act: what api/member.ts (loaded by every member page) pulls in when bundled.
    const result = await build({
      entryPoints: ['web/src/api/member.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    // Assert
    expect(inputs).toContain('shared/domain/answer-window.ts');
    expect(inputs.filter((input) => /node_modules\/(zod|survey-core)\//.test(input))).toEqual([]);
    expect(inputs.filter((input) => input.startsWith('shared/') && input !== 'shared/domain/answer-window.ts')).toEqual(
      [],
    );
  });
});
