import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuditTrail } from '../../functions/features/audit/audit-trail';
import { DEFAULT_SURVEYS } from '../../functions/features/campaigns/default-surveys';
import { EmissionRepository } from '../../functions/features/emissions/emission.repository';
import { seededResponseItem } from '../../functions/local/seed/seeded-response';
import { keys } from '../../functions/store/table-design';
import { score } from '../../shared/scoring/score';
import { completeKommunAnswers } from '../helpers/complete-answers';
import { bestAnswers } from '../helpers/make-survey';
import { UPPSALA, VAXJO } from '../helpers/published-year-world';
import { LUND, MALMO, makeCampaign, SKANE, seedCampaign } from '../helpers/seed-fixtures';
import { adminWorld } from '../helpers/seeded-context';
import { submitAnswers } from '../helpers/submit-answers';
import { countCommands, jsonRequest, signIn, type TestContext, withCookie } from '../helpers/test-app';

const YEAR = 2026;
const LUND_OFFICIAL = 'tjansteperson.1281@example.se';
const MALMO_OFFICIAL = 'tjansteperson.1280@example.se';
const INJECTED = { id: '0180', name: '=HYPERLINK("http://evil.example","Klicka")', type: 'kommun' as const };

async function saveDraft(ctx: TestContext, cookie: string, data: Record<string, unknown>) {
  const res = await ctx.app.request(
    `/api/campaigns/${YEAR}/response`,
    withCookie(cookie, jsonRequest('PUT', { data, version: 0 })),
  );
  expect(res.status).toBe(200);
}

async function post(ctx: TestContext, cookie: string, path: string, body?: unknown) {
  return ctx.app.request(path, withCookie(cookie, jsonRequest('POST', body)));
}

/** Lund's 2023 transport emissions, stored as the emissions import writes them. */
async function storeLundEmissions(ctx: TestContext) {
  await new EmissionRepository(ctx.store).putIf(
    {
      organisationId: LUND.id,
      year: 2023,
      sector: 'transporter',
      tonnesCO2e: 250_000,
      population: 125_000,
      importId: 'imp-1',
      updatedAt: '2026-03-01T09:00:00.000Z',
    },
    undefined,
  );
}

/** A deep copy of the kommun survey with M1's top choice worth `points` instead of 3. */
function kommunSurveyWithM1Top(points: number) {
  const survey = structuredClone(DEFAULT_SURVEYS.kommun) as unknown as {
    pages: Array<{ elements?: Array<{ name: string; choices?: Array<{ value: string; score?: number }> }> }>;
  };
  const m1 = survey.pages.flatMap((p) => p.elements ?? []).find((e) => e.name === 'M1')!;
  m1.choices!.find((c) => c.value === 'klimatneutral_2030')!.score = points;
  return survey;
}

describe('Klimatläget: publish and the public report', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    const organisations = [LUND, MALMO, SKANE, UPPSALA, VAXJO];
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', organisations, campaign: true }));
    // Arrange: Lund, Uppsala and Växjö submit; Malmö saves a draft answering no to a basic requirement
    // and never submits
    await submitAnswers(ctx, LUND_OFFICIAL, completeKommunAnswers());
    await submitAnswers(ctx, 'tjansteperson.0380@example.se', completeKommunAnswers());
    await submitAnswers(ctx, 'tjansteperson.0780@example.se', completeKommunAnswers());
    await saveDraft(ctx, await signIn(ctx, MALMO_OFFICIAL), { B1: false, B2: false });
  });

  it('publishes revision 1, marks the campaign published and serves it to anonymous callers', async () => {
    // Act
    const published = await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const report = await ctx.app.request(`/api/klimatlaget/${YEAR}`);
    const years = await ctx.app.request('/api/klimatlaget');
    const campaign = await ctx.app.request(`/api/admin/campaigns/${YEAR}`, withCookie(admin));
    // Assert
    expect(published.status).toBe(201);
    expect(await published.json()).toMatchObject({
      year: YEAR,
      revision: 1,
      respondents: 3,
      organisations: 5,
      rescored: 0,
    });
    expect(report.status).toBe(200);
    const body = await report.json();
    expect(body).toMatchObject({ year: YEAR, revision: 1, report: { respondents: 3, organisations: 5 } });
    expect(body.report.byType.kommun).toMatchObject({
      respondents: 3,
      organisations: 4,
      bands: [
        { band: 'A', count: 3 },
        { band: 'B', count: 0 },
        { band: 'C', count: 0 },
        { band: 'D', count: 0 },
        { band: null, count: 0 },
      ],
    });
    expect(await years.json()).toEqual([
      expect.objectContaining({ year: YEAR, revision: 1, respondents: 3, organisations: 5 }),
    ]);
    expect((await campaign.json()).status).toBe('published');
  });

  it('never counts a non-respondent as "no"', async () => {
    // Act
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const { report } = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    // Assert: Malmö's unsubmitted "no" to B1 is not there; only the three yes are
    const b1 = report.byType.kommun.questions.find((q: { name: string }) => q.name === 'B1');
    expect(b1).toMatchObject({ n: 3, yes: { value: true, count: 3, share: 1 } });
    // Nobody answered: no mean or median of 0
    expect(report.byType.region).toMatchObject({ respondents: 0, organisations: 1, total: null, bands: null });
  });

  it('keeps revision 1 when publishing a correction as revision 2, and serves the latest', async () => {
    // Arrange: after publishing, the kansli awards Lund the review point
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    ctx.clock.set(new Date('2026-03-10T15:00:00Z'));
    const correction = { question: 'S6', points: 1, reason: 'Rättelse' };
    expect(
      (await post(ctx, admin, `/api/admin/campaigns/${YEAR}/responses/${LUND.id}/overrides`, correction)).status,
    ).toBe(201);
    // Act
    const second = await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const latest = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    const first = await (await ctx.app.request(`/api/klimatlaget/${YEAR}?revision=1`)).json();
    const stored = await ctx.store.queryAll({ partition: keys.reportPk(YEAR) });
    const rules = await (await ctx.app.request(`/api/admin/campaigns/${YEAR}/reports/1`, withCookie(admin))).json();
    // Assert
    expect(second.status, await second.clone().text()).toBe(201);
    expect((await second.json()).revision).toBe(2);
    expect(latest).toMatchObject({ revision: 2, publishedAt: '2026-03-10T15:00:00.000Z' });
    expect(first).toMatchObject({ revision: 1, publishedAt: '2026-03-10T09:00:00.000Z' });
    expect(stored.map((item) => item.sk)).toEqual(['REV#0001', 'REV#0002']);
    expect(rules).toMatchObject({
      revision: 1,
      publishedBy: 'kansli@example.se',
      rules: { kommun: { max: 66 }, region: { max: 42 } },
    });
    expect(rules.rules.kommun.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rules.rules.kommun.questions.find((q: { name: string }) => q.name === 'M1').choices).toEqual({
      inget: 0,
      nationellt_2045: 1,
      skarpare_an_2045: 2,
      klimatneutral_2030: 3,
    });
    expect((await ctx.app.request(`/api/klimatlaget/${YEAR}?revision=3`)).status).toBe(404);
  });

  it('makes one revision when the same publish is sent twice at once (a double click, two kansli tabs)', async () => {
    // Act
    const answers = await Promise.all([
      post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`),
      post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`),
    ]);
    const bodies = await Promise.all(answers.map((res) => res.json()));
    const stored = await ctx.store.queryAll({ partition: keys.reportPk(YEAR) });
    const entries = await new AuditTrail(ctx.store, ctx.clock).list({ year: YEAR });
    const campaign = await (await ctx.app.request(`/api/admin/campaigns/${YEAR}`, withCookie(admin))).json();
    // Assert: one made revision 1, the other is told it stands; it is stored and audited once
    expect(answers.map((res) => res.status).sort()).toEqual([200, 201]);
    expect(bodies.map((body) => [body.revision, body.unchanged]).sort()).toEqual([
      [1, false],
      [1, true],
    ]);
    expect(stored.map((item) => item.sk)).toEqual(['REV#0001']);
    expect(entries.filter((e) => e.action === 'klimatlaget.publish')).toHaveLength(1);
    expect(campaign.status).toBe('published');
  });

  it('makes no new revision when nothing changed since the latest, and says the latest stands', async () => {
    // Arrange
    const first = await (await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`)).json();
    ctx.clock.set(new Date('2026-03-10T15:00:00Z'));
    // Act
    const again = await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    // Assert
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...first, unchanged: true, rescored: 0 });
    expect((await ctx.store.queryAll({ partition: keys.reportPk(YEAR) })).map((item) => item.sk)).toEqual(['REV#0001']);
  });

  it('answers 404 for a year that is not published', async () => {
    const res = await ctx.app.request(`/api/klimatlaget/${YEAR}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_published');
  });

  it('audit-logs the publish with the revision and the rules it used', async () => {
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const entries = await new AuditTrail(ctx.store, ctx.clock).list({ year: YEAR });
    expect(entries.find((e) => e.action === 'klimatlaget.publish')).toMatchObject({
      actor: 'kansli@example.se',
      after: { revision: 1, respondents: 3, rules: { kommun: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    });
  });

  it('reads the public report with one query and no session', async () => {
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const commands = countCommands(ctx.clients);
    await ctx.app.request(`/api/klimatlaget/${YEAR}`);
    expect(commands.calls).toEqual(['QueryCommand']);
  });

  it('lists each published year with its headline figures per type, in one query', async () => {
    // Arrange
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const { report } = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    const commands = countCommands(ctx.clients);
    // Act
    const [listed] = await (await ctx.app.request('/api/klimatlaget')).json();
    // Assert: the same figures the year's report shows, withheld ones null, each area's mean too
    const areas = (sections: Array<Record<string, unknown>>) =>
      sections.map(({ name, title, titleEn, max, mean }) => ({ name, title, titleEn, max, mean }));
    expect(listed.figures).toEqual({
      kommun: {
        respondents: 3,
        max: report.byType.kommun.max,
        mean: report.byType.kommun.total.mean,
        median: report.byType.kommun.total.median,
        sections: areas(report.byType.kommun.sections),
      },
      region: {
        respondents: 0,
        max: report.byType.region.max,
        mean: null,
        median: null,
        sections: areas(report.byType.region.sections),
      },
    });
    expect(listed.figures.kommun.sections.length).toBeGreaterThan(3);
    expect(listed.figures.kommun.sections.every((area: { mean: unknown }) => typeof area.mean === 'number')).toBe(true);
    expect(commands.calls).toEqual(['QueryCommand']);
  });

  it('gives a year listed before the areas were kept with its figures the areas from the snapshot', async () => {
    // Arrange: the list's item as publishing wrote it when it kept the headline figures only
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const stored = await ctx.store.get(keys.publishedReport(YEAR));
    const figures = stored!.figures as Record<'kommun' | 'region', Record<string, unknown>>;
    const withoutAreas = Object.fromEntries(
      Object.entries(figures).map(([type, { sections: _, ...headline }]) => [type, headline]),
    );
    await ctx.store.put({ ...stored!, figures: withoutAreas });
    const commands = countCommands(ctx.clients);
    // Act
    const [listed] = await (await ctx.app.request('/api/klimatlaget')).json();
    // Assert
    expect(listed.figures).toEqual(figures);
    expect(commands.reads()).toBe(2);
  });

  it('gives a year listed before the figures were kept its figures from the snapshot', async () => {
    // Arrange: the list's item as publishing wrote it before it kept the figures
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const stored = await ctx.store.get(keys.publishedReport(YEAR));
    const { figures, ...older } = stored!;
    await ctx.store.put(older);
    const commands = countCommands(ctx.clients);
    // Act
    const [listed] = await (await ctx.app.request('/api/klimatlaget')).json();
    // Assert
    expect(figures).toBeDefined();
    expect(listed.figures).toEqual(figures);
    expect(commands.reads()).toBe(2);
  });

  it('refuses members and anonymous callers on the admin routes', async () => {
    const member = await signIn(ctx, LUND_OFFICIAL);
    expect((await post(ctx, member, `/api/admin/campaigns/${YEAR}/publish`)).status).toBe(403);
    expect((await ctx.app.request(`/api/admin/campaigns/${YEAR}/publish`, jsonRequest('POST'))).status).toBe(401);
    expect((await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.csv`, withCookie(member))).status).toBe(403);
  });
});

describe('Klimatläget: what stays private', () => {
  let ctx: TestContext;
  let admin: string;
  let lund: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
    lund = await submitAnswers(ctx, LUND_OFFICIAL, completeKommunAnswers());
    await storeLundEmissions(ctx);
  });

  it('publishes no organisation id, name, contact or publisher in the public report', async () => {
    // Act
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const text = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).text();
    const list = await (await ctx.app.request('/api/klimatlaget')).text();
    // Assert
    for (const secret of [
      LUND.id,
      LUND.name,
      MALMO.name,
      SKANE.name,
      'example.se',
      'Erik Nilsson',
      'publishedBy',
      'rules',
    ]) {
      expect(text).not.toContain(secret);
      expect(list).not.toContain(secret);
    }
    // Lund's own emission figures are not "the network's" either
    expect(JSON.parse(text).report.emissions).toMatchObject({
      organisations: 1,
      suppressed: true,
      perInhabitant: null,
      weightedPerInhabitant: null,
      national: { perInhabitant: 4.4 },
    });
  });

  it('shows the member their scorecard only after publishing, with the network figures and Utfall beside the score', async () => {
    // Act
    const before = await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(lund));
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const after = await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(lund));
    // Assert
    expect(before.status).toBe(404);
    expect((await before.json()).error.code).toBe('not_published');
    expect(after.status).toBe(200);
    const card = await after.json();
    expect(card).toMatchObject({
      organisationId: LUND.id,
      total: 64,
      max: 66,
      band: 'A',
      gatePassed: true,
      // Lund alone: the network's figures would be Lund's own
      network: { source: 'published', revision: 1, respondents: 1, suppressed: true, total: null, sections: [] },
      emissionOutcome: { latestYear: 2023, perInhabitant: 2 },
    });
    // The point only the kansli awards in review (S6) is listed too, so the rows add up to 66 − 64.
    expect(card.lostPoints).toEqual([
      { name: 'M7', title: expect.any(String), titleEn: expect.any(String), section: 'mal', points: 1, max: 2 },
      {
        name: 'samhallsplanering',
        title: 'Poäng som kansliet sätter vid granskningen',
        titleEn: 'Points the secretariat awards in its review',
        section: 'samhallsplanering',
        points: 0,
        max: 1,
        setInReview: true,
      },
    ]);
  });

  it("takes the organisation from the session: a member cannot read another organisation's scorecard", async () => {
    // Arrange
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const malmo = await signIn(ctx, MALMO_OFFICIAL);
    // Act
    const smuggled = await ctx.app.request(`/api/campaigns/${YEAR}/scorecard?organisationId=1281`, withCookie(malmo));
    const adminRoute = await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/1281`, withCookie(malmo));
    const anonymous = await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`);
    // Assert
    expect(smuggled.status).toBe(404);
    expect((await smuggled.json()).error.code).toBe('no_submitted_response');
    expect(adminRoute.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });

  it('lets the kansli see any scorecard before publishing, with live network figures', async () => {
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/1281`, withCookie(admin));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      organisationId: '1281',
      total: 64,
      network: { source: 'live', respondents: 1, suppressed: true, total: null },
    });
  });
});

describe('score preview and re-scoring', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', campaign: true }));
  });

  it('scores answers against a survey being edited, so a changed point changes the result', async () => {
    // Arrange
    const data = completeKommunAnswers();
    // Act
    const shipped = await post(ctx, admin, '/api/admin/score-preview', { survey: DEFAULT_SURVEYS.kommun, data });
    const edited = await post(ctx, admin, '/api/admin/score-preview', { survey: kommunSurveyWithM1Top(5), data });
    // Assert
    expect(shipped.status).toBe(200);
    expect(await shipped.json()).toMatchObject({ total: 64, max: 66, band: 'A' });
    expect(await edited.json()).toMatchObject({ total: 66, max: 68 });
  });

  it('answers 422 with the reason when the scoring is malformed', async () => {
    const res = await post(ctx, admin, '/api/admin/score-preview', { survey: kommunSurveyWithM1Top(-1), data: {} });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_scoring');
    expect(body.error.message).toMatch(
      /frågan M1, svarsalternativet .* poängen måste vara ett tal som är 0 eller större, men är -1/,
    );
  });

  it("re-scores a submitted response after a choice's points change, and a second run changes nothing", async () => {
    // Arrange
    await submitAnswers(ctx, LUND_OFFICIAL, completeKommunAnswers());
    const patched = await ctx.app.request(
      `/api/admin/campaigns/${YEAR}`,
      withCookie(
        admin,
        jsonRequest('PATCH', { surveys: { kommun: kommunSurveyWithM1Top(1), region: DEFAULT_SURVEYS.region } }),
      ),
    );
    expect(patched.status).toBe(200);
    // Act
    const first = await post(ctx, admin, `/api/admin/campaigns/${YEAR}/rescore`);
    const again = await post(ctx, admin, `/api/admin/campaigns/${YEAR}/rescore`);
    const exported = await (await ctx.app.request(`/api/admin/campaigns/${YEAR}/responses`, withCookie(admin))).json();
    // Assert
    expect(await first.json()).toEqual({ rescored: 1, unchanged: 0 });
    expect(await again.json()).toEqual({ rescored: 0, unchanged: 1 });
    const lund = exported.responses.find((r: { organisation: { id: string } }) => r.organisation.id === '1281');
    expect(lund).toMatchObject({ status: 'submitted', version: 3, score: { total: 62, max: 65 } });
    const audit = await new AuditTrail(ctx.store, ctx.clock).list({ year: YEAR });
    expect(audit.filter((e) => e.action === 'campaign.rescore')).toHaveLength(2);
  });
});

describe('exports for the kansli', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    // Arrange: an organisation whose name is a formula submits an answer starting with "+"
    const organisations = [LUND, MALMO, SKANE, INJECTED];
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', organisations, campaign: true }));
    await submitAnswers(ctx, 'tjansteperson.0180@example.se', {
      ...completeKommunAnswers(),
      respondent_name: '+46 70 123 45 67',
    });
  });

  it('lists every organisation with its status, data and score as JSON', async () => {
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/responses`, withCookie(admin));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(
      body.responses.map((r: { organisation: { id: string }; status: string }) => [r.organisation.id, r.status]),
    ).toEqual([
      ['0180', 'submitted'],
      ['12', 'not_started'],
      ['1280', 'not_started'],
      ['1281', 'not_started'],
    ]);
    expect(body.responses[0]).toMatchObject({ data: { respondent_name: '+46 70 123 45 67' }, score: { total: 64 } });
  });

  it('neutralises formula injection in the CSV, written for Swedish Excel', async () => {
    // Act
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.csv`, withCookie(admin));
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    // Assert
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/^Kod;Organisation;Typ;Status;Befriad;Inskickad \(svensk tid\);/);
    expect(lines[0]).toContain('M1 – ');
    const injected = lines.find((line) => line.startsWith('0180;'))!;
    expect(injected).toContain(`;"'=HYPERLINK(""http://evil.example"",""Klicka"")";`);
    expect(injected).toContain(";'+46 70 123 45 67;");
    expect(injected).not.toMatch(/;=|;\+|;"=/);
    // The share of max in %, as its header says (64 of 66), not the fraction 0,9697.
    expect(injected).toContain(';64;66;97;A;Ja;');
    // Submitted 2026-03-10T09:00Z: 10:00 in Stockholm.
    expect(injected).toContain(';2026-03-10 10:00;');
  });

  it('writes an xlsx that reads back with one row per organisation and a sheet of aggregates', async () => {
    // Act
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.xlsx`, withCookie(admin));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    // Assert
    expect(res.status).toBe(200);
    const answers = workbook.getWorksheet('Svar')!;
    const header = (answers.getRow(1).values as unknown[]).slice(1);
    expect(answers.rowCount).toBe(5);
    expect(header.slice(0, 4)).toEqual(['Kod', 'Organisation', 'Typ', 'Status']);
    expect(header).toContain('Poäng totalt');
    expect(header).toContain('Utfall: t CO2e per invånare');
    const row = answers.getRow(2);
    const nameCell = row.getCell(2);
    expect(nameCell.value).toBe(INJECTED.name);
    expect(nameCell.type).toBe(ExcelJS.ValueType.String);
    expect(nameCell.formula).toBeUndefined();
    expect(row.getCell(header.indexOf('Poäng totalt') + 1).value).toBe(64);
    expect(row.getCell(header.indexOf('Inskickad (svensk tid)') + 1).value).toBe('2026-03-10 10:00');
    const m1 = header.findIndex((h) => String(h).startsWith('M1 – ')) + 1;
    expect(row.getCell(m1).value).toBe('Beslut om att bli klimatneutral senast 2030');
    const answer = row.getCell(header.indexOf('respondent_name – Namn på kontaktperson för svaren') + 1);
    expect([answer.value, answer.type]).toEqual(['+46 70 123 45 67', ExcelJS.ValueType.String]);
    const aggregates = workbook.getWorksheet('Klimatläget')!;
    expect(aggregates.getCell('A1').value).toBe(`Klimatläget ${YEAR}, inte publicerat`);
    // One respondent: its share and basic requirements are not in the sheet, which says why
    // (row 2 says the figures are computed now, as the year is not published)
    const all = aggregates.getRow(5);
    expect([1, 2, 3, 4].map((i) => all.getCell(i).value)).toEqual(['Alla', 1, 4, 0]);
    expect([5, 6, 7].map((i) => all.getCell(i).value)).toEqual([null, null, null]);
    expect(all.getCell(8).value).toBe('För få svar för att visa (färre än 3)');
  });
});

describe('Klimatläget: English titles, band thresholds, the emission year and the change since last year', () => {
  let ctx: TestContext;
  let admin: string;
  /** Lund's answers last year: complete except the energy page, so this year's full answers score higher. */
  const lastYearAnswers = Object.fromEntries(Object.entries(completeKommunAnswers()).filter(([k]) => !/^E\d/.test(k)));

  beforeEach(async () => {
    // Arrange: last year's campaign closed with Lund's submitted answers; this year Lund submits in full
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z' }));
    const last = await seedCampaign(ctx, {
      year: YEAR - 1,
      title: `Medlemstest ${YEAR - 1}`,
      status: 'closed',
      opensAt: '2025-03-01T07:00:00.000Z',
      closesAt: '2025-04-30T21:59:00.000Z',
    });
    await ctx.store.put(
      seededResponseItem({
        campaign: last,
        organisation: LUND,
        data: lastYearAnswers,
        status: 'submitted',
        editor: { name: 'Erik Nilsson', email: LUND_OFFICIAL },
        at: last.closesAt,
      }),
    );
    await seedCampaign(ctx);
    await submitAnswers(ctx, LUND_OFFICIAL, completeKommunAnswers());
    await storeLundEmissions(ctx);
  });

  it('publishes the change since last year for the organisations that answered both years', async () => {
    // Act
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const { report } = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    // Assert
    const before = score(DEFAULT_SURVEYS.kommun, lastYearAnswers).share;
    const now = score(DEFAULT_SURVEYS.kommun, completeKommunAnswers()).share;
    expect(now).toBeGreaterThan(before);
    // Lund alone answered both years: how many did is shown, Lund's own change is not
    expect(report.yearOnYear).toMatchObject({ organisations: 1, suppressed: true, change: null, improved: null });
    expect(report.byType.kommun.yearOnYear).toEqual(report.yearOnYear);
    expect(report.byType.region.yearOnYear).toBeNull();
    // Lund's scorecard shows its own change all the same
    const card = await (
      await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/1281`, withCookie(admin))
    ).json();
    expect(card.share - card.lastYear.share).toBeCloseTo(now - before, 4);
  });

  it('stores English titles and the bands in the snapshot, and dates the national emission figure', async () => {
    // Act
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const { report } = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    const stored = await ctx.store.get(keys.reportRevision(YEAR, 1));
    // Assert
    const energy = report.byType.kommun.sections.find((s: { name: string }) => s.name === 'energi');
    expect(energy).toMatchObject({ title: 'Energi', titleEn: 'Energy' });
    const m1 = report.byType.kommun.questions.find((q: { name: string }) => q.name === 'M1');
    expect(m1).toMatchObject({
      title: 'Vilket territoriellt klimatmål har kommunen beslutat?',
      titleEn: 'Which territorial climate target has the municipality decided?',
    });
    expect(m1.distribution[0]).toMatchObject({ text: 'Inget beslutat mål', textEn: 'No decided target' });
    expect(report.byType.kommun.scoreBands.map((b: { label: string }) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(report.byType.region.scoreBands).toEqual(report.byType.kommun.scoreBands);
    expect(report.emissions).toMatchObject({
      latestYear: 2023,
      national: { perInhabitant: 4.4, year: null, quotedIn: 2023 },
    });
    expect((stored!.report as { byType: { kommun: { scoreBands: unknown } } }).byType.kommun.scoreBands).toEqual(
      report.byType.kommun.scoreBands,
    );
  });

  it('still serves a snapshot stored before English titles and bands were kept, with its own bands', async () => {
    // Arrange: revision 2 as an older version stored it, with region bands of its own in the rules
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const item = (await ctx.store.get(keys.reportRevision(YEAR, 1)))!;
    const old = JSON.parse(
      JSON.stringify(item, (key, value) => (/^(titleEn|textEn|scoreBands|quotedIn)$/.test(key) ? undefined : value)),
    );
    old.rules.region.bands = [{ minShare: 0.5, label: 'Godkänd' }];
    await ctx.store.put({ ...old, ...keys.reportRevision(YEAR, 2), revision: 2 });
    // Act
    const res = await ctx.app.request(`/api/klimatlaget/${YEAR}?revision=2`);
    // Assert
    expect(res.status).toBe(200);
    const { report } = await res.json();
    expect(report.byType.kommun.sections[0].titleEn).toBeUndefined();
    expect(report.byType.kommun.sections[0].title).toBe('Mål, åtgärder och uppföljning');
    expect(report.byType.kommun.scoreBands.map((b: { label: string }) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(report.byType.region.scoreBands).toEqual([{ minShare: 0.5, label: 'Godkänd' }]);
    expect(report.emissions.national.quotedIn).toBe(2023);
  });

  it('names the organisation on the scorecard, and which basic requirement failed and what it cost', async () => {
    // Arrange: Malmö submits the full answers but no to B2 and B4
    const malmo = await submitAnswers(ctx, MALMO_OFFICIAL, { ...completeKommunAnswers(), B2: false, B4: false });
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    // Act
    const card = await (await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(malmo))).json();
    const lund = await (
      await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/1281`, withCookie(admin))
    ).json();
    // Assert
    const full = score(DEFAULT_SURVEYS.kommun, completeKommunAnswers());
    expect(card).toMatchObject({
      organisationId: MALMO.id,
      organisationName: MALMO.name,
      band: null,
      gatePassed: false,
      total: full.total,
      bandIfGatePassed: full.band,
    });
    expect(card.failedGates).toEqual([
      {
        name: 'B2',
        title: 'Finns beslutade utsläppsmål?',
        titleEn: 'Are there decided emission targets?',
        answered: true,
      },
      {
        name: 'B4',
        title: expect.stringMatching(/^Har kommunen utsett två kontaktpersoner/),
        titleEn: expect.stringMatching(/^Has the municipality named two contacts/),
        answered: true,
      },
    ]);
    expect(card.scoreBands.map((b: { label: string }) => b.label)).toEqual(['A', 'B', 'C', 'D']);
    expect(lund).toMatchObject({
      organisationName: LUND.name,
      gatePassed: true,
      failedGates: [],
      lastYear: { year: YEAR - 1 },
    });
    expect(lund.bandIfGatePassed).toBeUndefined();
    expect(lund.sections.find((s: { name: string }) => s.name === 'energi')).toMatchObject({ titleEn: 'Energy' });
  });
});

describe('Klimatläget: the figures as the domain brief defines them', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    const organisations = [LUND, MALMO, SKANE, UPPSALA, VAXJO];
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', organisations, campaign: true }));
    // Arrange: Lund reports 80 % of its fleet fossil-free and has a carbon budget that was not updated;
    // Uppsala and Växjö have one that was
    await submitAnswers(ctx, LUND_OFFICIAL, { ...completeKommunAnswers(), T1: 80, M4: 'ja', M4b: false });
    await submitAnswers(ctx, MALMO_OFFICIAL, { ...completeKommunAnswers(), M4: 'nej' });
    for (const code of ['0380', '0780']) {
      await submitAnswers(ctx, `tjansteperson.${code}@example.se`, { ...completeKommunAnswers(), M4: 'ja', M4b: true });
    }
    const emissions = new EmissionRepository(ctx.store);
    // Lund, Uppsala and Växjö: 5 t per inhabitant in 1990, 2 t in 2023 (−60 %)
    for (const [organisationId, year, tonnesCO2e, population] of [LUND.id, UPPSALA.id, VAXJO.id].flatMap(
      (id) =>
        [
          [id, 1990, 500_000, 100_000],
          [id, 2023, 250_000, 125_000],
        ] as const,
    )) {
      await emissions.putIf(
        {
          organisationId,
          year,
          sector: 'transporter',
          tonnesCO2e,
          population,
          importId: 'imp-1',
          updatedAt: '2026-03-01T09:00:00.000Z',
        },
        undefined,
      );
    }
  });

  it("publishes number bands that do not overlap, a follow-up's own denominator and the change since 1990", async () => {
    // Act
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const { report } = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    // Assert
    const question = (name: string) => report.byType.kommun.questions.find((q: { name: string }) => q.name === name);
    expect(question('T1').distribution.map((d: { text: string; count: number }) => [d.text, d.count])).toEqual([
      ['under 50', 0],
      ['50 till under 80', 0],
      ['80 till under 95', 1],
      ['95 eller mer', 3],
    ]);
    // M4b is asked only after M4 = Ja: 2 of the 3 it was shown to, not 2 of 4
    expect(question('M4b')).toMatchObject({ followUp: true, n: 3, yes: { count: 2, share: 0.6667 } });
    expect(question('M4').followUp).toBeUndefined();
    expect(report.emissions).toMatchObject({
      // A median of 3 is withheld (docs/klimatlaget.md, Small groups)
      changeSince1990: { organisations: 3, mean: -0.6, median: null },
      national: { perInhabitant: 4.4, changeSince1990: -0.46, quotedIn: 2023 },
    });
  });
});

describe('Klimatläget: no figure of fewer than 3 organisations', () => {
  let ctx: TestContext;
  let admin: string;
  const regionAnswers = { ...bestAnswers(DEFAULT_SURVEYS.region), RB2: false };

  beforeEach(async () => {
    // Arrange: three kommuner submit; Region Skåne is the only region, and fails a basic requirement
    const organisations = [LUND, MALMO, SKANE, UPPSALA];
    ({ ctx, admin } = await adminWorld({ now: '2026-03-10T09:00:00Z', organisations, campaign: true }));
    for (const email of [LUND_OFFICIAL, MALMO_OFFICIAL, 'tjansteperson.0380@example.se']) {
      await submitAnswers(ctx, email, completeKommunAnswers());
    }
    await ctx.store.put(
      seededResponseItem({
        campaign: makeCampaign(),
        organisation: SKANE,
        data: regionAnswers,
        status: 'submitted',
        editor: { name: 'Eva Region', email: 'tjansteperson.12@example.se' },
        at: '2026-03-09T09:00:00.000Z',
      }),
    );
  });

  it('publishes that the region answered, but none of its answers, and a network figure that does not reveal them', async () => {
    // Act
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const { report } = await (await ctx.app.request(`/api/klimatlaget/${YEAR}`)).json();
    // Assert: "1 av 1 svarade" stays; the share of maximum, band and answers do not
    const own = score(DEFAULT_SURVEYS.region, regionAnswers);
    expect(own.gatePassed).toBe(false);
    expect(report.byType.region).toMatchObject({
      respondents: 1,
      organisations: 1,
      suppressed: true,
      total: null,
      gatePassed: null,
      bands: null,
    });
    const b2 = report.byType.region.questions.find((q: { name: string }) => q.name === 'RB2');
    expect(b2).toMatchObject({ n: null, suppressed: true, yes: { count: null, share: null } });
    expect(report.byType.region.sections.every((s: { mean: unknown }) => s.mean === null)).toBe(true);
    expect(report).toMatchObject({ respondents: 4, minGroupSize: 3, excludedTypes: ['region'] });
    expect(report.total).toEqual(report.byType.kommun.total);
    expect(report.gatePassed).toBe(3);
  });

  it('shows the region its own scorecard, without a network of one', async () => {
    // Act
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const card = await (
      await ctx.app.request(`/api/admin/campaigns/${YEAR}/scorecards/${SKANE.id}`, withCookie(admin))
    ).json();
    const lund = await (
      await ctx.app.request(`/api/campaigns/${YEAR}/scorecard`, withCookie(await signIn(ctx, LUND_OFFICIAL)))
    ).json();
    // Assert
    const own = score(DEFAULT_SURVEYS.region, regionAnswers);
    expect(card).toMatchObject({ total: own.total, gatePassed: false });
    expect(card.network).toEqual({
      source: 'published',
      revision: 1,
      respondents: 1,
      minGroupSize: 3,
      minGroupSizeMedian: 5,
      suppressed: true,
      total: null,
      sections: [],
    });
    expect(lund.network).toMatchObject({ respondents: 3, total: { mean: 64, median: null } });
    expect(lund.network.sections).toHaveLength(lund.sections.filter((s: { max: number }) => s.max > 0).length);
  });

  it('leaves the figures out of the Klimatläget sheet of the export too, and says why', async () => {
    // Act
    const res = await ctx.app.request(`/api/admin/campaigns/${YEAR}/export.xlsx`, withCookie(admin));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    // Assert
    const sheet = workbook.getWorksheet('Klimatläget')!;
    const rows = Array.from(sheet.getSheetValues(), (row) => (Array.isArray(row) ? Array.from(row.slice(1)) : []));
    const regionRow = rows.find((row) => row[0] === 'Regioner' && row[1] === 1)!;
    expect(regionRow.slice(0, 7)).toEqual(['Regioner', 1, 1, 0, undefined, undefined, undefined]);
    expect(regionRow[7]).toBe('För få svar för att visa (färre än 3)');
    expect(rows.find((row) => row[0] === 'Alla' && row[1] === 4)?.[7]).toBe(
      'Utan regioner: för få för att visas för sig. Median visas först vid minst 5',
    );
    expect(rows.filter((row) => row[0] === 'Regioner' && row.length === 2)).toEqual([
      ['Regioner', 'För få svar för att visa'],
    ]);
    const b2 = rows.find((row) => row[0] === 'region' && row[1] === 'RB2')!;
    expect(b2.slice(4)).toEqual([undefined, undefined, 'För få svar för att visa']);
  });

  it("serves a snapshot stored before small groups were withheld without the region's figures", async () => {
    // Arrange: revision 2 as an older version stored it, with the region's own figures
    await post(ctx, admin, `/api/admin/campaigns/${YEAR}/publish`);
    const item = (await ctx.store.get(keys.reportRevision(YEAR, 1)))!;
    type Figures = { total: unknown; gatePassed: unknown; minGroupSize?: number; excludedTypes?: unknown };
    type Question = { n: unknown; suppressed?: boolean; yes: { count: unknown; share: unknown } | null };
    type Region = Figures & { bands: unknown; suppressed?: boolean; questions: Question[] };
    const old = structuredClone(item) as typeof item & { report: Figures & { byType: { region: Region } } };
    const region = old.report.byType.region;
    Object.assign(region, { total: { mean: 0.7619, median: 0.7619 }, gatePassed: 0 });
    region.bands = [
      { band: 'A', count: 0 },
      { band: null, count: 1 },
    ];
    delete region.suppressed;
    for (const q of region.questions) {
      q.n = 1;
      delete q.suppressed;
      if (q.yes) q.yes = { ...q.yes, count: 0, share: 0 };
    }
    Object.assign(old.report, { total: { mean: 0.92, median: 0.97 }, gatePassed: 3 });
    delete old.report.minGroupSize;
    delete old.report.excludedTypes;
    await ctx.store.put({ ...old, ...keys.reportRevision(YEAR, 2), revision: 2 });
    // Act
    const res = await ctx.app.request(`/api/klimatlaget/${YEAR}?revision=2`);
    const stored = await ctx.store.get(keys.reportRevision(YEAR, 2));
    // Assert: the stored item keeps its data; the answer does not carry it
    expect(res.status).toBe(200);
    const { report } = await res.json();
    expect(report.byType.region).toMatchObject({ respondents: 1, suppressed: true, total: null, bands: null });
    expect(report.byType.region.questions.every((q: { n: unknown }) => q.n === null)).toBe(true);
    expect(report.total).toEqual(report.byType.kommun.total);
    expect(report).toMatchObject({ minGroupSize: 3, excludedTypes: ['region'] });
    expect(JSON.stringify(report)).not.toContain('0.7619');
    expect((stored!.report as { byType: { region: { total: unknown } } }).byType.region.total).toEqual({
      mean: 0.7619,
      median: 0.7619,
    });
  });
});
