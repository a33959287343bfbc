import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../../functions/features/audit/audit.log';
import { AuditTrail } from '../../functions/features/audit/audit-trail';
import { EmissionRepository } from '../../functions/features/emissions/emission.repository';
import { ImportRepository } from '../../functions/features/imports/import.repository';
import { ImportService } from '../../functions/features/imports/import.service';
import { OrganisationRepository } from '../../functions/features/organisations/organisation.repository';
import { MemoryFileStore } from '../../functions/files/local-file-store';
import type { Item, TableStore } from '../../functions/ports/table-store';
import { keys } from '../../functions/store/table-design';
import {
  brokenFixtures,
  type EmissionDataset,
  type FixtureOrganisation,
  type GeneratedFixture,
  generateEmissionDataset,
  goodFixtures,
  longTable,
  readDemoOrganisations,
  SWEDISH_CSV,
  toCsvBytes,
} from '../../scripts/generate-emission-fixtures';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { jsonRequest, makeTestContext, signIn, type TestContext } from '../helpers/test-app';

const NOW = new Date('2026-03-10T09:00:00Z');
const CODES = ['0180', '1280', '1281', '12'];
const ORGANISATIONS: FixtureOrganisation[] = readDemoOrganisations().filter((o) => CODES.includes(o.code));
const DATASET = generateEmissionDataset({ organisations: ORGANISATIONS, fromYear: 2019, toYear: 2022 });
/** 4 organisations × 4 years × 9 sectors. */
const VALUES = DATASET.records.length;

let dir: string;
let good: Map<string, GeneratedFixture>;
let broken: GeneratedFixture[];

beforeAll(async () => {
  // Generated into a temp dir, as a person would save exports, and read back from there.
  dir = mkdtempSync(path.join(tmpdir(), 'emission-fixtures-'));
  const fixtures = [...(await goodFixtures(DATASET)), ...(await brokenFixtures(DATASET, { now: NOW }))];
  for (const fixture of fixtures) writeFileSync(path.join(dir, fixture.fileName), fixture.bytes);
  const fromDisk = (fixture: GeneratedFixture) => ({
    ...fixture,
    bytes: new Uint8Array(readFileSync(path.join(dir, fixture.fileName))),
  });
  good = new Map((await goodFixtures(DATASET)).map((f) => [f.fileName, fromDisk(f)]));
  broken = (await brokenFixtures(DATASET, { now: NOW })).map(fromDisk);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fixture(name: string): GeneratedFixture {
  const found = good.get(name);
  if (!found) throw new Error(`no fixture ${name}`);
  return found;
}

async function seedRegister(ctx: TestContext) {
  const repo = new OrganisationRepository(ctx.store);
  for (const o of ORGANISATIONS)
    await repo.create({ id: o.code, name: o.name, type: o.type, population: o.population });
}

function form(file: { bytes: Uint8Array; fileName: string }, sheet?: string): FormData {
  const body = new FormData();
  body.append('file', new File([blobPart(file.bytes)], file.fileName));
  if (sheet) body.append('sheet', sheet);
  return body;
}

async function upload(ctx: TestContext, cookie: string, file: { bytes: Uint8Array; fileName: string }, sheet?: string) {
  return ctx.app.request('/api/admin/imports', { method: 'POST', body: form(file, sheet), headers: { cookie } });
}

async function post(ctx: TestContext, cookie: string, url: string) {
  return ctx.app.request(url, { method: 'POST', headers: { cookie } });
}

async function emissionsOf(ctx: TestContext, cookie: string, code: string) {
  const res = await ctx.app.request(`/api/admin/organisations/${code}/emissions`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as Array<{
    year: number;
    sector: string;
    tonnesCO2e: number;
    importId: string;
    previous?: unknown;
  }>;
}

async function allEmissions(ctx: TestContext, cookie: string) {
  return (await Promise.all(CODES.map((code) => emissionsOf(ctx, cookie, code)))).flat();
}

async function previewAndCommit(ctx: TestContext, cookie: string, file: { bytes: Uint8Array; fileName: string }) {
  const preview = await (await upload(ctx, cookie, file)).json();
  const commit = await post(ctx, cookie, `/api/admin/imports/${preview.id}/commit`);
  return { preview, commitStatus: commit.status, commit: await commit.json() };
}

/** The dataset with Lund's 2021 transport emissions raised by 500 t. */
function changedDataset(): EmissionDataset {
  return {
    ...DATASET,
    records: DATASET.records.map((r) =>
      r.organisation.code === '1281' && r.year === 2021 && r.sector === 'transporter'
        ? { ...r, tonnes: r.tonnes + 500, parts: [] }
        : r,
    ),
  };
}

describe('emissions import API', () => {
  let ctx: TestContext;
  let admin: string;

  beforeEach(async () => {
    ctx = await makeTestContext({ now: NOW.toISOString() });
    await seedRegister(ctx);
    admin = await signIn(ctx, 'kansli@example.se');
  });

  describe('preview', () => {
    it('previews a long Swedish CSV and stores nothing in the emissions data', async () => {
      // Act
      const res = await upload(ctx, admin, fixture('lang-sv-1252.csv'));
      // Assert
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body).toMatchObject({
        state: 'previewed',
        fileName: 'lang-sv-1252.csv',
        layout: 'long',
        rows: VALUES,
        organisations: { matched: [...CODES].sort(), unknown: [] },
        years: [2019, 2022],
        errors: [],
        changes: { new: VALUES, changed: 0, unchanged: 0 },
      });
      expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(body.sectors).toHaveLength(9);
      expect(await allEmissions(ctx, admin)).toEqual([]);
    });

    it.each([
      ['bred-ar.csv', 'wide-years'],
      ['bred-sektorer.csv', 'wide-sectors'],
      ['long-en.csv', 'long'],
      ['lang-undersektorer.csv', 'long'],
      ['export.xlsx', 'long'],
    ])('previews %s as %s with every value', async (name, layout) => {
      // Act
      const body = await (await upload(ctx, admin, fixture(name))).json();
      // Assert
      expect(body).toMatchObject({ layout, errors: [], changes: { new: VALUES } });
    });

    it('reads a named sheet of an XLSX', async () => {
      // Act
      const body = await (await upload(ctx, admin, fixture('export.xlsx'), 'År som kolumner')).json();
      // Assert
      expect(body).toMatchObject({ layout: 'wide-years', errors: [], changes: { new: VALUES } });
    });

    it('answers 422 for a sheet that does not exist', async () => {
      // Act
      const res = await upload(ctx, admin, fixture('export.xlsx'), 'Finns inte');
      // Assert
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toMatch(/Finns inte/);
    });

    it('lists unknown organisations without failing the rest', async () => {
      // Arrange
      const unknown = broken.find((f) => f.fileName === 'okand-organisation.csv')!;
      // Act
      const body = await (await upload(ctx, admin, unknown)).json();
      const commit = await post(ctx, admin, `/api/admin/imports/${body.id}/commit`);
      // Assert
      expect(body.errors).toEqual([]);
      expect(body.organisations.unknown).toEqual([{ row: unknown.defect!.row, value: 'Atlantis kommun (9999)' }]);
      expect(commit.status).toBe(200);
      expect((await commit.json()).result).toMatchObject({ new: VALUES, written: VALUES });
    });

    it('gives each broken file a clear error, refuses to commit it and stores no emissions', async () => {
      const variants = broken.filter((f) => f.defect || f.bytes.length === 0 || /pdf|png|skarmdump/.test(f.fileName));
      const seen: string[] = [];
      for (const variant of variants.filter((f) => f.fileName !== 'okand-organisation.csv')) {
        // Act
        const res = await upload(ctx, admin, variant);
        const body = await res.json();
        // Assert
        if (res.status === 422) {
          expect(body.error.code, variant.fileName).toBe('unreadable_file');
          expect(body.error.message, variant.fileName).toMatch(/tom|inte ett kalkylblad/);
        } else {
          expect(res.status, variant.fileName).toBe(201);
          expect(body.errors.length, variant.fileName).toBeGreaterThan(0);
          if (variant.defect) {
            expect(
              body.errors.map((e: { row: number }) => e.row),
              variant.fileName,
            ).toContain(variant.defect.row);
          }
          const commit = await post(ctx, admin, `/api/admin/imports/${body.id}/commit`);
          expect(commit.status, variant.fileName).toBe(422);
          const refused = await commit.json();
          expect(refused.error.code).toBe('import_has_errors');
          expect(refused.error.details.errors).toEqual(body.errors);
        }
        seen.push(variant.fileName);
      }
      expect(seen).toEqual(
        expect.arrayContaining([
          'tom.csv',
          'tom.xlsx',
          'rapport-pdf.xlsx',
          'skarmdump.xlsx',
          'formler-utan-resultat.xlsx',
          'sammanslagen-rubrik.xlsx',
          'text-i-talkolumn.csv',
          'negativt-varde.csv',
          'motstridiga-dubbletter.csv',
          'ar-utanfor-intervall.csv',
        ]),
      );
      expect(await allEmissions(ctx, admin)).toEqual([]);
    });

    it('uses the cached results of formulas', async () => {
      // Act
      const body = await (
        await upload(ctx, admin, broken.find((f) => f.fileName === 'formler-med-resultat.xlsx')!)
      ).json();
      // Assert
      expect(body).toMatchObject({ errors: [], changes: { new: VALUES } });
    });

    it('answers 400 without a file field, 415 for another content type and 413 over 20 MB', async () => {
      // Arrange
      const noFile = new FormData();
      noFile.append('sheet', 'Blad1');
      const big = new Uint8Array(20 * 1024 * 1024 + 10).fill(0x41);
      // Act
      const missing = await ctx.app.request('/api/admin/imports', {
        method: 'POST',
        body: noFile,
        headers: { cookie: admin },
      });
      const csvBody = await ctx.app.request('/api/admin/imports', {
        method: 'POST',
        body: blobPart(fixture('long-en.csv').bytes),
        headers: { cookie: admin, 'content-type': 'text/csv' },
      });
      const tooBig = await upload(ctx, admin, { bytes: big, fileName: 'stor.csv' });
      const brokenForm = await ctx.app.request('/api/admin/imports', {
        method: 'POST',
        body: 'garbage',
        headers: { cookie: admin, 'content-type': 'multipart/form-data' },
      });
      // Assert
      expect(brokenForm.status).toBe(400);
      expect((await brokenForm.json()).error.code).toBe('malformed_form');
      expect(missing.status).toBe(400);
      expect((await missing.json()).error.message).toMatch(/"file" saknas/);
      expect(csvBody.status).toBe(415);
      expect((await csvBody.json()).error.message).toMatch(/multipart\/form-data/);
      expect(tooBig.status).toBe(413);
      expect((await tooBig.json()).error.message).toBe('Begärans innehåll är större än 20 MB.');
      const tooBigEn = await ctx.app.request('/api/admin/imports', {
        method: 'POST',
        body: form({ bytes: big, fileName: 'stor.csv' }),
        headers: { cookie: admin, 'accept-language': 'en' },
      });
      expect((await tooBigEn.json()).error.message).toBe('The request body is larger than 20 MB.');
      const list = await ctx.app.request('/api/admin/imports', { headers: { cookie: admin } });
      expect(await list.json()).toEqual([]);
    });

    it('lists imports newest first with who, when, file, counts and state, and shows one with its errors', async () => {
      // Arrange
      const first = await (await upload(ctx, admin, fixture('lang-sv-bom.csv'))).json();
      ctx.clock.advance(60_000);
      const second = await (await upload(ctx, admin, broken.find((f) => f.fileName === 'negativt-varde.csv')!)).json();
      // Act
      const list = await (await ctx.app.request('/api/admin/imports', { headers: { cookie: admin } })).json();
      const detail = await (
        await ctx.app.request(`/api/admin/imports/${second.id}`, { headers: { cookie: admin } })
      ).json();
      // Assert
      expect(list.map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
      expect(list[1]).toMatchObject({
        fileName: 'lang-sv-bom.csv',
        createdBy: 'kansli@example.se',
        createdAt: NOW.toISOString(),
        state: 'previewed',
        values: VALUES,
        organisationCount: 4,
        errorCount: 0,
        changes: { new: VALUES, changed: 0, unchanged: 0 },
      });
      expect(detail.errors[0]).toMatchObject({ column: 'E', message: expect.stringMatching(/negativ/i) });
      expect(
        (await ctx.app.request(`/api/admin/imports/${crypto.randomUUID()}`, { headers: { cookie: admin } })).status,
      ).toBe(404);
    });
  });

  describe('commit', () => {
    it('writes every value with the import id, and committing again changes nothing', async () => {
      // Act
      const { preview, commitStatus, commit } = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      const again = await post(ctx, admin, `/api/admin/imports/${preview.id}/commit`);
      // Assert
      expect(commitStatus).toBe(200);
      expect(commit).toMatchObject({
        state: 'committed',
        done: true,
        alreadyCommitted: false,
        result: { new: VALUES, changed: 0, unchanged: 0, written: VALUES },
      });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ alreadyCommitted: true, result: { written: VALUES } });
      const lund = await emissionsOf(ctx, admin, '1281');
      expect(lund).toHaveLength(36);
      const expected = DATASET.records.find(
        (r) => r.organisation.code === '1281' && r.year === 2020 && r.sector === 'avfall',
      )!;
      expect(lund.find((v) => v.year === 2020 && v.sector === 'avfall')).toMatchObject({
        tonnesCO2e: expected.tonnes,
        population: DATASET.population(expected.organisation, 2020),
        importId: preview.id,
      });
      expect(lund.every((v) => v.previous === undefined)).toBe(true);
    });

    it('reports 0 changed for the same file uploaded again, and for the same data in another format', async () => {
      // Arrange
      const first = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      // Act
      const same = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      const otherFormat = await previewAndCommit(ctx, admin, fixture('export.xlsx'));
      // Assert
      expect(same.preview.changes).toEqual({ new: 0, changed: 0, unchanged: VALUES });
      expect(same.preview.warnings.map((w: { message: string }) => w.message).join()).toMatch(
        /Samma fil sparades redan/,
      );
      expect(same.commit.result).toEqual({ new: 0, changed: 0, unchanged: VALUES, written: 0 });
      expect(otherFormat.preview.changes).toEqual({ new: 0, changed: 0, unchanged: VALUES });
      expect(otherFormat.commit.result).toEqual({ new: 0, changed: 0, unchanged: VALUES, written: 0 });
      expect((await allEmissions(ctx, admin)).every((v) => v.importId === first.preview.id)).toBe(true);
    });

    it('keeps the previous value with its import id when a value changes', async () => {
      // Arrange
      const first = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      const before = DATASET.records.find(
        (r) => r.organisation.code === '1281' && r.year === 2021 && r.sector === 'transporter',
      )!;
      const changed = {
        fileName: 'andrad.csv',
        bytes: toCsvBytes(longTable(changedDataset(), { language: 'sv' }), SWEDISH_CSV),
      };
      // Act
      const second = await previewAndCommit(ctx, admin, changed);
      // Assert
      expect(second.preview.changes).toEqual({ new: 0, changed: 1, unchanged: VALUES - 1 });
      expect(second.commit.result).toEqual({ new: 0, changed: 1, unchanged: VALUES - 1, written: 1 });
      const value = (await emissionsOf(ctx, admin, '1281')).find((v) => v.year === 2021 && v.sector === 'transporter');
      expect(value).toMatchObject({
        tonnesCO2e: before.tonnes + 500,
        importId: second.preview.id,
        previous: {
          tonnesCO2e: before.tonnes,
          population: DATASET.population(before.organisation, 2021),
          importId: first.preview.id,
        },
      });
    });

    it('records audit entries for commit and rollback', async () => {
      // Arrange
      const { preview } = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      await post(ctx, admin, `/api/admin/imports/${preview.id}/rollback`);
      // Act
      const entries = await new AuditTrail(ctx.store, ctx.clock).list({});
      // Assert
      expect(entries.map((e) => [e.action, e.target, e.actor])).toEqual(
        expect.arrayContaining([
          ['import.commit', `import:${preview.id}`, 'kansli@example.se'],
          ['import.rollback', `import:${preview.id}`, 'kansli@example.se'],
        ]),
      );
    });

    it('writes one audit entry and one "not already" answer when a commit or a rollback is sent three times at once', async () => {
      // Arrange
      const preview = await (await upload(ctx, admin, fixture('lang-sv-1252.csv'))).json();
      const three = async (action: 'commit' | 'rollback') =>
        Promise.all(
          [1, 2, 3].map(async () => (await post(ctx, admin, `/api/admin/imports/${preview.id}/${action}`)).json()),
        );
      // Act
      const commits = await three('commit');
      const rollbacks = await three('rollback');
      const entries = await new AuditTrail(ctx.store, ctx.clock).list({});
      // Assert
      const count = (action: string) =>
        entries.filter((e) => e.action === action && e.target === `import:${preview.id}`).length;
      expect(count('import.commit')).toBe(1);
      expect(count('import.rollback')).toBe(1);
      expect(commits.filter((c) => c.alreadyCommitted === false)).toHaveLength(1);
      expect(rollbacks.filter((r) => r.alreadyRolledBack === false)).toHaveLength(1);
      expect(await allEmissions(ctx, admin)).toEqual([]);
    });
  });

  describe('a preview older than the data', () => {
    const list = async () =>
      (await (await ctx.app.request('/api/admin/imports', { headers: { cookie: admin } })).json()) as Array<{
        id: string;
        outdatedBy?: unknown;
      }>;
    const entry = async (id: string) => (await list()).find((i) => i.id === id);
    /** A file with Skåne's 2020 transport emissions only. */
    const skaneOnly = {
      fileName: 'skane.csv',
      bytes: new TextEncoder().encode('Kod;År;Sektor;Utsläpp (ton CO2e)\n12;2020;Transporter;1234\n'),
    };

    it('is marked outdated by a later import of the same organisations, and cannot be committed', async () => {
      // Arrange: two previews of the same data; the second is committed first
      const old = await (await upload(ctx, admin, fixture('lang-sv-1252.csv'))).json();
      ctx.clock.advance(60_000);
      const later = await previewAndCommit(ctx, admin, fixture('export.xlsx'));
      // Act
      const listed = await entry(old.id);
      const commit = await post(ctx, admin, `/api/admin/imports/${old.id}/commit`);
      // Assert
      expect(listed?.outdatedBy).toEqual({
        id: later.preview.id,
        fileName: 'export.xlsx',
        action: 'committed',
        at: new Date(NOW.getTime() + 60_000).toISOString(),
      });
      expect(commit.status).toBe(409);
      const body = await commit.json();
      expect(body.error).toMatchObject({
        code: 'import_outdated',
        details: { outdatedBy: { id: later.preview.id } },
      });
      expect(body.error.message).toMatch(
        /^Förhandsgranskningen av "lang-sv-1252.csv" är inaktuell: "export.xlsx" sparades/,
      );
      // In Stockholm time, as the import history beside it shows (09:01 UTC is 10:01 in March).
      expect(body.error.message).toContain('sparades 10 mars 2026 kl. 10:01 efter');
      // Nothing changed: the old preview is still a preview, and every value is the later import's.
      expect((await new ImportRepository(ctx.store).require(old.id)).state).toBe('previewed');
      expect((await allEmissions(ctx, admin)).every((v) => v.importId === later.preview.id)).toBe(true);
      // The same file uploaded again previews what it changes now, and commits.
      const fresh = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      expect(fresh.preview.changes).toEqual({ new: 0, changed: 0, unchanged: VALUES });
      expect(fresh.commitStatus).toBe(200);
    });

    it('is marked outdated by a later rollback too', async () => {
      const committed = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      ctx.clock.advance(60_000);
      const preview = await (await upload(ctx, admin, fixture('export.xlsx'))).json();
      ctx.clock.advance(60_000);
      await post(ctx, admin, `/api/admin/imports/${committed.preview.id}/rollback`);
      expect((await entry(preview.id))?.outdatedBy).toMatchObject({ id: committed.preview.id, action: 'rolled_back' });
      expect((await post(ctx, admin, `/api/admin/imports/${preview.id}/commit`)).status).toBe(409);
    });

    it('stays up to date when the later import is of other organisations or years, or changed nothing', async () => {
      // Arrange: everything committed, then a preview of the same data (0 new), then Skåne alone,
      // and Lund in a year the preview does not have
      await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      ctx.clock.advance(60_000);
      const same = await (await upload(ctx, admin, fixture('export.xlsx'))).json();
      const lundOnly = await (
        await upload(ctx, admin, {
          fileName: 'lund.csv',
          bytes: new TextEncoder().encode('Kod;År;Sektor;Utsläpp (ton CO2e)\n1281;2020;Transporter;999\n'),
        })
      ).json();
      ctx.clock.advance(60_000);
      await post(ctx, admin, `/api/admin/imports/${same.id}/commit`); // writes 0 values
      const skane = await previewAndCommit(ctx, admin, skaneOnly); // changes Skåne only
      const lund2015 = await previewAndCommit(ctx, admin, {
        fileName: 'lund-2015.csv',
        bytes: new TextEncoder().encode('Kod;År;Sektor;Utsläpp (ton CO2e)\n1281;2015;Avfall;77\n'),
      });
      // Act + Assert
      expect(skane.commit.result.changed).toBe(1);
      expect(lund2015.commit.result.new).toBe(1);
      expect((await entry(lundOnly.id))?.outdatedBy).toBeUndefined();
      expect((await post(ctx, admin, `/api/admin/imports/${lundOnly.id}/commit`)).status).toBe(200);
    });

    it('cannot be committed when a value it would change was written after it, whoever wrote it', async () => {
      // Arrange: a preview, then the value it holds written by an import the list does not know
      const preview = await (await upload(ctx, admin, skaneOnly)).json();
      ctx.clock.advance(60_000);
      await new EmissionRepository(ctx.store).putIf(
        {
          organisationId: '12',
          year: 2020,
          sector: 'transporter',
          tonnesCO2e: 5,
          importId: 'another-import',
          updatedAt: ctx.clock.now().toISOString(),
        },
        undefined,
      );
      // Act
      const commit = await post(ctx, admin, `/api/admin/imports/${preview.id}/commit`);
      // Assert
      expect(commit.status).toBe(409);
      expect((await commit.json()).error).toMatchObject({
        code: 'import_outdated',
        details: { outdatedBy: null, valuesWrittenSince: 1 },
      });
    });
  });

  describe('rollback', () => {
    it('restores the replaced values, refuses while a later import holds them, and deletes created values', async () => {
      // Arrange
      const first = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
      const changed = {
        fileName: 'andrad.csv',
        bytes: toCsvBytes(longTable(changedDataset(), { language: 'sv' }), SWEDISH_CSV),
      };
      const second = await previewAndCommit(ctx, admin, changed);
      // Act
      const blocked = await post(ctx, admin, `/api/admin/imports/${first.preview.id}/rollback`);
      const undoSecond = await post(ctx, admin, `/api/admin/imports/${second.preview.id}/rollback`);
      const afterSecond = await emissionsOf(ctx, admin, '1281');
      const undoSecondAgain = await post(ctx, admin, `/api/admin/imports/${second.preview.id}/rollback`);
      const undoFirst = await post(ctx, admin, `/api/admin/imports/${first.preview.id}/rollback`);
      // Assert
      expect(blocked.status).toBe(422);
      const refusal = await blocked.json();
      expect(refusal.error.code).toBe('import_superseded');
      expect(refusal.error.details).toEqual({
        count: 1,
        values: [{ organisationId: '1281', year: 2021, sector: 'transporter', importId: second.preview.id }],
      });
      expect(undoSecond.status).toBe(200);
      expect(await undoSecond.json()).toMatchObject({ state: 'rolled_back', result: { restored: 1, deleted: 0 } });
      const original = DATASET.records.find(
        (r) => r.organisation.code === '1281' && r.year === 2021 && r.sector === 'transporter',
      )!;
      expect(afterSecond.find((v) => v.year === 2021 && v.sector === 'transporter')).toMatchObject({
        tonnesCO2e: original.tonnes,
        importId: first.preview.id,
      });
      expect(afterSecond.every((v) => v.importId === first.preview.id)).toBe(true);
      expect(await undoSecondAgain.json()).toMatchObject({ alreadyRolledBack: true });
      expect(undoFirst.status).toBe(200);
      expect(await undoFirst.json()).toMatchObject({ result: { restored: 0, deleted: VALUES } });
      expect(await allEmissions(ctx, admin)).toEqual([]);
      const recommit = await post(ctx, admin, `/api/admin/imports/${first.preview.id}/commit`);
      expect(recommit.status).toBe(409);
    });

    it('refuses to roll back an import that was never committed', async () => {
      // Arrange
      const preview = await (await upload(ctx, admin, fixture('lang-sv-1252.csv'))).json();
      // Act
      const res = await post(ctx, admin, `/api/admin/imports/${preview.id}/rollback`);
      // Assert
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('import_not_committed');
    });
  });

  describe('auth', () => {
    it('refuses members and anonymous callers on every import route', async () => {
      // Arrange
      await seedOrganisations(ctx, [{ id: '1283', name: 'Helsingborg', type: 'kommun' }]);
      const member = await signIn(ctx, 'tjansteperson.1283@example.se');
      const preview = await (await upload(ctx, admin, fixture('lang-sv-1252.csv'))).json();
      const calls: Array<[string, string]> = [
        ['POST', '/api/admin/imports'],
        ['POST', '/api/admin/imports/uploads'],
        ['GET', '/api/admin/imports'],
        ['GET', `/api/admin/imports/${preview.id}`],
        ['POST', `/api/admin/imports/${preview.id}/commit`],
        ['POST', `/api/admin/imports/${preview.id}/rollback`],
        ['GET', `/api/admin/imports/${preview.id}/rollback-preview`],
        ['GET', '/api/admin/organisations/1281/emissions'],
      ];
      for (const [method, url] of calls) {
        // Act
        const anonymous = await ctx.app.request(url, {
          method,
          ...(method === 'POST' ? { body: form(fixture('long-en.csv')) } : {}),
        });
        const asMember = await ctx.app.request(url, {
          method,
          headers: { cookie: member },
          ...(method === 'POST' ? { body: form(fixture('long-en.csv')) } : {}),
        });
        // Assert
        expect([url, anonymous.status]).toEqual([url, 401]);
        expect([url, asMember.status]).toEqual([url, 403]);
      }
      expect(await allEmissions(ctx, admin)).toEqual([]);
    });
  });
});

describe('a commit that fails part-way', () => {
  it('stays committing, and running it again completes it without a mix', async () => {
    // Arrange: the 40th emission put fails once, as a throttled or lost request would
    let emissionPuts = 0;
    let failAt: number | undefined = 40;
    const ctx = await makeTestContext({
      now: NOW.toISOString(),
      wrapStore: (store) =>
        failingStore(store, (item) => {
          if (item.entity !== 'Emission') return false;
          emissionPuts++;
          return emissionPuts === failAt;
        }),
    });
    await seedRegister(ctx);
    const admin = await signIn(ctx, 'kansli@example.se');
    const first = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
    const second = (await (await upload(ctx, admin, fixture('bred-ar.csv'))).json()) as { id: string };
    expect(first.commitStatus).toBe(500);

    // Act: the failed commit is run again
    const stuck = await (
      await ctx.app.request(`/api/admin/imports/${first.preview.id}`, { headers: { cookie: admin } })
    ).json();
    const partial = await allEmissions(ctx, admin);
    failAt = undefined;
    const rerun = await post(ctx, admin, `/api/admin/imports/${first.preview.id}/commit`);

    // Assert
    expect(stuck.state).toBe('committing');
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(VALUES);
    expect(rerun.status).toBe(200);
    expect(await rerun.json()).toMatchObject({
      state: 'committed',
      result: { new: VALUES, changed: 0, unchanged: 0, written: VALUES },
    });
    const stored = await allEmissions(ctx, admin);
    expect(stored).toHaveLength(VALUES);
    expect(stored.every((v) => v.importId === first.preview.id && v.previous === undefined)).toBe(true);
    // A later file with the same data then finds nothing to change.
    const commitSecond = await post(ctx, admin, `/api/admin/imports/${second.id}/commit`);
    expect((await commitSecond.json()).result).toMatchObject({ changed: 0, written: 0 });
  });

  it('completes a half-done update of changed values and keeps every previous value', async () => {
    // Arrange
    let armed = false;
    let puts = 0;
    const ctx = await makeTestContext({
      now: NOW.toISOString(),
      wrapStore: (store) =>
        failingStore(store, (item) => {
          if (!armed || item.entity !== 'Emission') return false;
          puts++;
          return puts === 3;
        }),
    });
    await seedRegister(ctx);
    const admin = await signIn(ctx, 'kansli@example.se');
    const first = await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
    // Every value of Malmö changes.
    const raised: EmissionDataset = {
      ...DATASET,
      records: DATASET.records.map((r) =>
        r.organisation.code === '1280' ? { ...r, tonnes: r.tonnes + 1, parts: [] } : r,
      ),
    };
    const file = { fileName: 'malmo.csv', bytes: toCsvBytes(longTable(raised, { language: 'sv' }), SWEDISH_CSV) };
    armed = true;
    const second = await previewAndCommit(ctx, admin, file);
    armed = false;
    // Act
    const rerun = await post(ctx, admin, `/api/admin/imports/${second.preview.id}/commit`);
    // Assert
    expect(second.commitStatus).toBe(500);
    expect(rerun.status).toBe(200);
    expect((await rerun.json()).result).toEqual({ new: 0, changed: 36, unchanged: VALUES - 36, written: 36 });
    const malmo = await emissionsOf(ctx, admin, '1280');
    expect(malmo.every((v) => v.importId === second.preview.id)).toBe(true);
    expect(malmo.every((v) => (v.previous as { importId: string }).importId === first.preview.id)).toBe(true);
  });

  it('fails cleanly when a batch write of the parsed values fails, and a new upload works', async () => {
    // Arrange
    let failBatch = true;
    const ctx = await makeTestContext({
      now: NOW.toISOString(),
      wrapStore: (store) => ({
        ...bind(store),
        batchWrite: async (ops) => {
          if (failBatch) throw new Error('lost');
          return store.batchWrite(ops);
        },
      }),
    });
    await seedRegister(ctx);
    const admin = await signIn(ctx, 'kansli@example.se');
    // Act
    const failed = await upload(ctx, admin, fixture('lang-sv-1252.csv'));
    failBatch = false;
    const retried = await upload(ctx, admin, fixture('lang-sv-1252.csv'));
    // Assert
    expect(failed.status).toBe(500);
    expect(retried.status).toBe(201);
    const list = await (await ctx.app.request('/api/admin/imports', { headers: { cookie: admin } })).json();
    expect(list).toHaveLength(1);
  });
});

describe('preview', () => {
  it('refuses a file over 20 MB that came another way than the body (a two-step upload) in Swedish and English', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: NOW.toISOString() });
    const service = new ImportService({
      imports: new ImportRepository(ctx.store),
      emissions: new EmissionRepository(ctx.store),
      organisations: new OrganisationRepository(ctx.store),
      audit: new AuditLog(ctx.store, ctx.clock),
      clock: ctx.clock,
    });
    // Act
    const preview = service.preview({ bytes: new Uint8Array(20 * 1024 * 1024 + 1), fileName: 'stor.csv' }, 'kansli');
    // Assert
    await expect(preview).rejects.toMatchObject({
      code: 'payload_too_large',
      message: 'Filen är större än 20 MB.',
      messageEn: 'The file is larger than 20 MB.',
    });
  });
});

describe('commit in steps', () => {
  it('stops at the deadline with progress, and the next call continues', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: NOW.toISOString() });
    await seedRegister(ctx);
    const imports = new ImportRepository(ctx.store);
    const service = new ImportService({
      imports,
      emissions: new EmissionRepository(ctx.store),
      organisations: new OrganisationRepository(ctx.store),
      audit: new AuditLog(ctx.store, ctx.clock),
      clock: ctx.clock,
    });
    const preview = await service.preview(fixture('lang-sv-1252.csv'), 'kansli@example.se');
    const progress: number[] = [];
    // Act
    const stopped = await service.commit(preview.id, 'kansli@example.se', { deadline: Date.now() - 1 });
    const record = await imports.get(preview.id);
    const finished = await service.commit(preview.id, 'kansli@example.se', {
      onProgress: (done) => progress.push(done),
    });
    // Assert
    expect(stopped).toMatchObject({ state: 'committing', done: false, remaining: VALUES, result: { written: 0 } });
    expect(record?.state).toBe('committing');
    expect(finished).toMatchObject({ state: 'committed', done: true, remaining: 0, result: { written: VALUES } });
    expect(progress.at(-1)).toBe(VALUES);
  });
});

describe('commit in steps: where the next call starts', () => {
  /**
   * A store whose emission puts, once `slowAfter` have started, wait until the deadline has passed
   * (a store slowing down), so a commit with a deadline stops after a known share of the values.
   */
  function slowingStore(store: TableStore, state: { slowAfter: number; until: number; reads: string[] }) {
    let puts = 0;
    return {
      ...bind(store),
      put: async (item: Item, condition?: Parameters<TableStore['put']>[1]) => {
        if (item.entity === 'Emission' && ++puts > state.slowAfter) {
          while (Date.now() <= state.until) await new Promise((r) => setTimeout(r, 5));
        }
        return store.put(item, condition);
      },
      queryAll: (spec: Parameters<TableStore['queryAll']>[0]) => {
        state.reads.push(spec.partition);
        return store.queryAll(spec);
      },
    } satisfies TableStore;
  }

  async function setUp() {
    const state = { slowAfter: Number.POSITIVE_INFINITY, until: 0, reads: [] as string[] };
    const ctx = await makeTestContext({ now: NOW.toISOString() });
    await seedRegister(ctx);
    // The service as the API builds it, over the slowing store.
    const store = slowingStore(ctx.store, state);
    const imports = new ImportRepository(store);
    const emissions = new EmissionRepository(store);
    const service = new ImportService({
      imports,
      emissions,
      organisations: new OrganisationRepository(store),
      audit: new AuditLog(store, ctx.clock),
      clock: ctx.clock,
    });
    const preview = await service.preview(fixture('lang-sv-1252.csv'), 'kansli@example.se');
    /** One call that stops once about `after` more values are written. */
    const step = (after: number) => {
      const deadline = Date.now() + 1500;
      state.slowAfter = after;
      state.until = deadline;
      state.reads.length = 0;
      return service.commit(preview.id, 'kansli@example.se', { deadline });
    };
    const stored = async () =>
      [...(await emissions.ofOrganisations(CODES)).values()].filter((v) => v.importId === preview.id);
    return { ctx, state, service, imports, emissions, preview, step, stored };
  }

  it('reads storage only for the organisations still to write, and finishes with every value', async () => {
    // Arrange: 4 organisations × 36 values, in organisation order 0180, 12, 1280, 1281
    const { state, step, stored, service, preview } = await setUp();
    // Act: three calls
    const first = await step(50);
    const firstReads = [...state.reads];
    const second = await step(100);
    const secondReads = [...state.reads];
    state.slowAfter = Number.POSITIVE_INFINITY;
    state.reads.length = 0;
    const third = await service.commit(preview.id, 'kansli@example.se', { deadline: Date.now() + 60_000 });
    // Assert
    expect(first).toMatchObject({ done: false, state: 'committing' });
    expect(first.result.written).toBeGreaterThanOrEqual(50);
    expect(first.result.written).toBeLessThan(VALUES);
    expect(first.remaining).toBe(VALUES - first.result.written);
    // The first call wrote the plan it had just made: no read of the stored values after planning.
    expect(firstReads.filter((p) => p.startsWith('EMISSIONS#'))).toHaveLength(CODES.length);
    // The second started where the first left off: the first organisation (all 36 written) is not read.
    expect(second.done).toBe(false);
    expect(second.result.written).toBeGreaterThan(first.result.written);
    expect(secondReads).not.toContain('EMISSIONS#0180');
    expect(secondReads.filter((p) => p.startsWith('EMISSIONS#')).length).toBeLessThan(CODES.length);
    expect(third).toMatchObject({ done: true, state: 'committed', remaining: 0, result: { written: VALUES } });
    expect(await stored()).toHaveLength(VALUES);
  });

  it('checks the values earlier calls recorded as written before it finishes, and writes any that are missing', async () => {
    // Arrange: a first call stops part-way, then one of its values is lost and the recorded
    // progress claims more than was written
    const { ctx, step, stored, service, imports, preview } = await setUp();
    const first = await step(60);
    const lost = (await stored())[0];
    if (!lost) throw new Error('nothing written');
    await ctx.store.delete(keys.emission(lost.organisationId, lost.year, lost.sector));
    await imports.saveProgress(preview.id, { ...first.result, written: VALUES - 10 });
    // Act
    const finished = await service.commit(preview.id, 'kansli@example.se', { deadline: Date.now() + 60_000 });
    // Assert
    expect(finished).toMatchObject({ done: true, state: 'committed', result: { written: VALUES } });
    const values = await stored();
    expect(values).toHaveLength(VALUES);
    expect(
      values.find((v) => v.organisationId === lost.organisationId && v.year === lost.year && v.sector === lost.sector),
    ).toMatchObject({ tonnesCO2e: lost.tonnesCO2e, importId: preview.id });
  });

  it('stops with import_conflict when another import took a value an earlier call wrote', async () => {
    // Arrange
    const { ctx, step, stored, service, preview } = await setUp();
    await step(60);
    const taken = (await stored())[0];
    if (!taken) throw new Error('nothing written');
    await ctx.store.put({
      ...keys.emission(taken.organisationId, taken.year, taken.sector),
      entity: 'Emission',
      organisationId: taken.organisationId,
      year: taken.year,
      sector: taken.sector,
      tonnesCO2e: 1,
      importId: 'someone-else',
      updatedAt: NOW.toISOString(),
    });
    // Act
    const error = await service.commit(preview.id, 'kansli@example.se', { deadline: Date.now() + 60_000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Assert
    expect(error).toMatchObject({ code: 'import_conflict' });
    expect((await new ImportRepository(ctx.store).require(preview.id)).state).toBe('committing');
  });
});

describe('two-step upload (presigned URL)', () => {
  it("previews a file POSTed to the upload URL with the ticket's fields", async () => {
    // Arrange
    const ctx = await makeTestContext({ now: NOW.toISOString(), files: new MemoryFileStore() });
    const { app } = ctx;
    await seedRegister(ctx);
    const admin = await signIn(ctx, 'kansli@example.se');
    // Act
    const ticket = await (
      await app.request('/api/admin/imports/uploads', { method: 'POST', headers: { cookie: admin } })
    ).json();
    const body = new FormData();
    for (const [name, value] of Object.entries(ticket.fields as Record<string, string>)) body.set(name, value);
    body.set('file', new Blob([blobPart(fixture('bred-sektorer.csv').bytes)]), 'bred-sektorer.csv');
    const put = await app.request(ticket.url, { method: ticket.method, body, headers: { cookie: admin } });
    const preview = await app.request(
      '/api/admin/imports',
      jsonRequest('POST', { uploadId: ticket.uploadId, fileName: 'bred-sektorer.csv' }, { cookie: admin }),
    );
    const missing = await app.request(
      '/api/admin/imports',
      jsonRequest('POST', { uploadId: crypto.randomUUID(), fileName: 'x.csv' }, { cookie: admin }),
    );
    // Assert
    expect(ticket).toMatchObject({ method: 'POST', maxBytes: 20 * 1024 * 1024 });
    expect(put.status).toBe(204);
    expect(preview.status).toBe(201);
    expect(await preview.json()).toMatchObject({ layout: 'wide-sectors', errors: [], changes: { new: VALUES } });
    expect(missing.status).toBe(404);
  });

  it('answers 422 when uploads are not configured', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: NOW.toISOString() });
    const admin = await signIn(ctx, 'kansli@example.se');
    // Act
    const res = await ctx.app.request('/api/admin/imports/uploads', { method: 'POST', headers: { cookie: admin } });
    // Assert
    expect(res.status).toBe(422);
  });
});

describe('survey prefill from imported emissions', () => {
  it('shows emissions per inhabitant from the latest year, with "Från Sustainable Advantage, <year>"', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: NOW.toISOString() });
    await seedRegister(ctx);
    await seedOrganisations(ctx, [{ id: '1283', name: 'Helsingborg', type: 'kommun' }]);
    await seedCampaign(ctx);
    const admin = await signIn(ctx, 'kansli@example.se');
    await previewAndCommit(ctx, admin, fixture('lang-sv-1252.csv'));
    const lund = ORGANISATIONS.find((o) => o.code === '1281')!;
    const { ContactRepository } = await import('../../functions/features/contacts/contact.repository');
    await new ContactRepository(ctx.store).create({
      id: 'tjansteperson-1281',
      organisationId: '1281',
      email: 'tjansteperson.1281@example.se',
      name: 'Tjänsteperson Lund',
      role: 'official',
      emailState: 'ok',
    });
    const member = await signIn(ctx, 'tjansteperson.1281@example.se');
    const helsingborg = await signIn(ctx, 'tjansteperson.1283@example.se');
    const territorial = DATASET.records
      .filter((r) => r.organisation.code === '1281' && r.year === 2022 && r.sector !== 'utrikes-transporter')
      .reduce((sum, r) => sum + r.tonnes, 0);
    // Act
    const view = await (await ctx.app.request('/api/campaigns/2026/response', { headers: { cookie: member } })).json();
    const none = await (
      await ctx.app.request('/api/campaigns/2026/response', { headers: { cookie: helsingborg } })
    ).json();
    // Assert
    expect(view.prefill).toEqual({
      values: {
        M0_emissions_per_inhabitant: Math.round((territorial / DATASET.population(lund, 2022)) * 100) / 100,
      },
      sources: { M0_emissions_per_inhabitant: 'Från Sustainable Advantage, 2022' },
    });
    expect(none.prefill).toEqual({ values: {}, sources: {} });
  });
});

/** The bytes as a fetch body (TypeScript's DOM types want an ArrayBuffer-backed view). */
function blobPart(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

/** Binds every method, so a spread copy of the store still works. */
function bind(store: TableStore): TableStore {
  return {
    get: store.get.bind(store),
    batchGet: store.batchGet.bind(store),
    put: store.put.bind(store),
    update: store.update.bind(store),
    updateWithoutReturn: store.updateWithoutReturn.bind(store),
    delete: store.delete.bind(store),
    query: store.query.bind(store),
    queryAll: store.queryAll.bind(store),
    batchWrite: store.batchWrite.bind(store),
  };
}

/** A store whose put throws (like a lost request) when `fails(item)` says so. */
function failingStore(store: TableStore, fails: (item: Item) => boolean): TableStore {
  return {
    ...bind(store),
    put: async (item, condition) => {
      if (fails(item)) throw new Error('simulated lost request');
      return store.put(item, condition);
    },
  };
}

describe('OpenAPI document', () => {
  it('lists the import routes as admin only, with the multipart body', async () => {
    // Arrange
    const ctx = await makeTestContext({ now: NOW.toISOString() });
    // Act
    const doc = await (await ctx.app.request('/api/openapi.json')).json();
    // Assert
    const post = doc.paths['/api/admin/imports'].post;
    expect(post['x-access']).toBe('admin');
    expect(Object.keys(post.requestBody.content)).toEqual(['multipart/form-data', 'application/json']);
    for (const path of [
      '/api/admin/imports/{id}/commit',
      '/api/admin/imports/{id}/rollback',
      '/api/admin/imports/{id}/rollback-preview',
      '/api/admin/organisations/{code}/emissions',
    ]) {
      const operation = Object.values(doc.paths[path])[0] as Record<string, unknown>;
      expect([path, operation['x-access']]).toEqual([path, 'admin']);
    }
  });
});
