import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import {
  generateEmissionDataset,
  longTable,
  readDemoOrganisations,
  SWEDISH_CSV,
  toCsvBytes,
} from '../../../scripts/generate-emission-fixtures';
import { assert, assertEqual, type Scenario, watchPage } from '../harness';

const KANSLI = 'kansli@example.se';
const FILE_NAME = 'utslapp-2015-2022.csv';
/** Bytes per second the browser may upload while the progress bar is watched. */
const THROTTLED_UPLOAD = 40 * 1024;

/** The demo organisations' emissions 2015–2022 as a Swedish long-layout CSV (Windows-1252). */
function fixture(): { bytes: Buffer; values: number; organisations: number; keys: Set<string> } {
  const organisations = readDemoOrganisations();
  const dataset = generateEmissionDataset({ organisations, fromYear: 2015, toYear: 2022 });
  const table = longTable(dataset, { language: 'sv', titleRows: true, population: true });
  return {
    bytes: Buffer.from(toCsvBytes(table, SWEDISH_CSV)),
    values: dataset.records.length,
    organisations: organisations.length,
    keys: new Set(dataset.records.map((r) => `${r.organisation.code}|${r.year}|${r.sector}`)),
  };
}

/**
 * How many of the file's values the platform holds already: the scenarios share one stack, and
 * the Klimatläget scenario imports emissions for some of the same organisations and years.
 */
async function alreadyStored(page: Page, baseUrl: string, keys: Set<string>): Promise<number> {
  let stored = 0;
  for (const code of new Set([...keys].map((key) => key.split('|')[0]))) {
    const res = await page.request.get(`${baseUrl}/api/admin/organisations/${code}/emissions`);
    const rows = (await res.json()) as Array<{ year: number; sector: string }>;
    stored += rows.filter((row) => keys.has(`${code}|${row.year}|${row.sector}`)).length;
  }
  return stored;
}

/** A number as the Swedish pages write it ("2 016", with a no-break space). */
const sv = (n: number) => n.toLocaleString('sv-SE');

/** Every request that sends something to the import API, as "METHOD path content-type" (GETs left out). */
function recordImportRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/admin/imports') || request.method() === 'GET') return;
    const type = (request.headers()['content-type'] ?? '').split(';')[0];
    seen.push(`${request.method()} ${url.pathname.replace(/[0-9a-f-]{36}/, '{id}')} ${type}`.trim());
  });
  return seen;
}

/** The number shown in the preview's stat box labelled `label`. */
async function stat(page: Page, label: string): Promise<string> {
  const box = page.locator('.stat', { has: page.locator('.stat-label', { hasText: new RegExp(`^${label}$`) }) });
  return ((await box.locator('.stat-number').textContent()) ?? '').replace(/\s/g, '');
}

/** The id of the newest import of `fileName`, from the history the API answers. */
async function importId(page: Page, fileName: string): Promise<string> {
  const res = await page.request.get(new URL('/api/admin/imports', page.url()).toString());
  const found = ((await res.json()) as Array<{ id: string; fileName: string }>).find((i) => i.fileName === fileName);
  assert(found, `an import of ${fileName}`);
  return found.id;
}

/**
 * A file of `bytes` spaces on disk, given to the browser by its path: sent as a buffer, 20 MB goes
 * over the DevTools protocol in base64 and took Chromium 156 over the 10 s action timeout.
 */
function bigFile(name: string, bytes: number): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'kk-e2e-')), name);
  writeFileSync(file, Buffer.alloc(bytes, 0x20));
  return file;
}

async function openImportPage(e2e: Parameters<Scenario['run']>[0]): Promise<Page> {
  const context = await e2e.newContext();
  const page = await e2e.signIn(context, KANSLI);
  await page.getByRole('navigation', { name: 'Konsolen' }).getByRole('link', { name: 'Import' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import av utsläppsdata' }).waitFor();
  await page.locator('.loading').waitFor({ state: 'detached' });
  return page;
}

export const scenarios: Scenario[] = [
  {
    name: 'the kansli uploads an emissions export in two steps with a progress bar, previews, commits and sees it in the history',
    async run(e2e) {
      const file = fixture();
      const page = await openImportPage(e2e);
      const before = await alreadyStored(page, e2e.baseUrl, file.keys);
      const watch = watchPage(page);
      const requests = recordImportRequests(page);

      // A file over 20 MB is refused in the browser, before anything is sent.
      await page.getByLabel('Fil', { exact: true }).setInputFiles(bigFile('for-stor.xlsx', 21 * 1024 * 1024));
      await page
        .locator('.afield-error .error-message')
        .getByText('Filen är 21,0 MB. Högst 20 MB kan läsas in')
        .waitFor();
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.locator('.afield-error .error-message').getByText('Högst 20 MB').waitFor();
      assertEqual(
        await page.getByLabel('Fil', { exact: true }).getAttribute('aria-invalid'),
        'true',
        'the file field is marked invalid',
      );
      assertEqual(requests.length, 0, `no import request for a too-large file (${requests.join(', ')})`);

      // Slow the upload down so the progress bar can be watched, and hold the preview a moment so
      // the "reading" state shows.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: THROTTLED_UPLOAD,
      });
      await page.route('**/api/admin/imports', async (route) => {
        if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1500));
        await route.fallback().catch(() => {});
      });

      await page.getByLabel('Fil', { exact: true }).setInputFiles({
        name: FILE_NAME,
        mimeType: 'text/csv',
        buffer: file.bytes,
      });
      assertEqual(await page.locator('.afield-error').count(), 0, 'the error goes once a good file is chosen');
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();

      // Upload: a determinate progress bar with a label that names the file and the share sent.
      const uploadBar = page.getByRole('progressbar', { name: new RegExp(`Laddar upp ${FILE_NAME}: \\d+ %`) });
      await uploadBar.waitFor();
      let midway: number | undefined;
      for (let i = 0; i < 100 && midway === undefined; i++) {
        const value = Number(await uploadBar.getAttribute('value').catch(() => null));
        if (value > 0 && value < 100) midway = value;
        else await page.waitForTimeout(50);
      }
      assert(midway !== undefined, 'the progress bar showed the upload part-way');
      await page.getByRole('button', { name: 'Avbryt uppladdningen' }).waitFor();
      await page.getByRole('status').getByText('Laddar upp filen…').waitFor();
      await e2e.screenshot(page, 'admin-import-uploading', { fullPage: false });

      // Reading: the bar turns indeterminate with a new label, the status says what happens.
      const readingBar = page.getByRole('progressbar', { name: `Läser ${FILE_NAME}…` });
      await readingBar.waitFor();
      assertEqual(await readingBar.getAttribute('value'), null, 'the reading bar is indeterminate');
      await page.getByRole('status').getByText('Läser filen och jämför med sparade värden').waitFor();

      // The preview, with the counts of the file.
      await page.getByRole('heading', { level: 2, name: `Förhandsgranskning av ${FILE_NAME}` }).waitFor();
      await page.unrouteAll({ behavior: 'wait' });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      assertEqual(await page.getByRole('progressbar').count(), 0, 'the progress bar goes with the preview');
      assertEqual(await stat(page, 'Rader'), String(file.values), 'rows');
      assertEqual(await stat(page, 'Organisationer'), String(file.organisations), 'organisations');
      assertEqual(await stat(page, 'År'), '2015–2022', 'years');
      assertEqual(await stat(page, 'Sektorer'), '9', 'sectors');
      assertEqual(await stat(page, 'Fel'), '0', 'errors');
      await page.getByText('Sektorer: Transporter, Utrikes transporter, Industri (energi + processer),').waitFor();
      // Every value is new unless an earlier scenario stored it; those are changed or unchanged.
      const counts = page.getByText(/^Värden: .+ nya, .+ ändrade, .+ oförändrade\./);
      await counts.waitFor();
      const [fresh, changed, unchanged] = ((await counts.textContent()) ?? '')
        .match(/Värden: (.+) nya, (.+) ändrade, (.+) oförändrade/)!
        .slice(1)
        .map((n) => Number(n.replace(/\s/g, '')));
      assertEqual(fresh, file.values - before, 'new values: those not stored before');
      assertEqual((changed ?? 0) + (unchanged ?? 0), before, 'changed + unchanged: those stored before');
      await page
        .getByRole('status')
        .getByText(`Filen är läst: ${sv(file.values)} rader, 0 fel.`)
        .waitFor();

      // The bytes went as the upload form (S3's presigned POST locally), never to the preview route.
      assertEqual(
        requests.join(' | '),
        [
          'POST /api/admin/imports/uploads application/json',
          'POST /api/admin/imports/uploads/{id} multipart/form-data',
          'POST /api/admin/imports application/json',
        ].join(' | '),
        'the requests of the two-step upload',
      );
      assert(!requests.includes('POST /api/admin/imports multipart/form-data'), 'no one-request multipart upload');

      await e2e.axe(page, '/admin/import (preview)');
      await e2e.screenshot(page, 'admin-import-preview');

      // Commit and see it in the history.
      await page.getByRole('button', { name: 'Spara importen', exact: true }).click();
      await page
        .getByRole('status')
        .getByText(
          `Importen är sparad: ${sv(fresh!)} nya, ${sv(changed!)} ändrade, ${sv(unchanged!)} oförändrade värden.`,
        )
        .waitFor({ timeout: 60_000 });
      // The preview and its button are gone: focus goes to the history where the import now shows.
      await page.waitForFunction(() => document.activeElement?.id === 'history-heading');
      const history = page.getByRole('table', { name: 'Tidigare importer' });
      const row = history.locator('tbody tr', { has: page.getByRole('rowheader', { name: new RegExp(FILE_NAME) }) });
      await row.getByText('Sparad', { exact: true }).waitFor();
      await row.getByText(`${sv(fresh!)} nya, ${sv(changed!)} ändrade`).waitFor();
      await row.getByRole('button', { name: `Ångra importen av ${FILE_NAME}` }).waitFor();
      const stored = (await (await page.request.get(`${e2e.baseUrl}/api/admin/organisations/1281/emissions`)).json()) as
        | Array<{ year: number; importId: string }>
        | undefined;
      const fromFile = (stored ?? []).filter((row) => row.year >= 2015 && row.year <= 2022);
      assertEqual(fromFile.length, 8 * 9, 'Lund has 8 years × 9 sectors stored for 2015–2022');
      assertEqual(new Set(fromFile.map((row) => row.importId)).size, 1, 'all from this one import');
      await e2e.screenshot(page, 'admin-import-committed');

      // Rolling back: before anything is done, the dialog says what the rollback would change and
      // whether a published year rests on the import's values. Last year is published now, after the
      // import was saved: its first publish (201, this scenario alone) reads the import's values; a
      // year an earlier scenario published keeps the emissions it was published with (200 unchanged,
      // docs/klimatlaget.md "A correction keeps the emissions"), so nothing of it rests on the import.
      const lastYear = new Date().getUTCFullYear() - 1;
      const published = await page.request.post(`${e2e.baseUrl}/api/admin/campaigns/${lastYear}/publish`, {
        headers: { origin: e2e.baseUrl },
      });
      assert(
        [200, 201].includes(published.status()),
        `POST /api/admin/campaigns/${lastYear}/publish: ${published.status()}`,
      );
      const restsOnImport = published.status() === 201;
      await row.getByRole('button', { name: `Ångra importen av ${FILE_NAME}` }).click();
      const rollback = page.getByRole('dialog', { name: `Ångra importen av ${FILE_NAME}?` });
      const summary = rollback.getByTestId('rollback-preview');
      await summary.getByText(/^Ångrandet ändrar utsläppsdata för [\d\s]+ organisationer \(2015–2022\):$/).waitFor();
      await summary.getByText(`${sv(fresh!)} värden som importen lade till tas bort.`).waitFor();
      if (changed) await summary.getByText(`${sv(changed)} värden återställs till vad de var före importen.`).waitFor();
      const publishedWithImport = page.getByText(
        new RegExp(
          `^Klimatläget ${lastYear} \\(version \\d+, [\\d-]+\\) publicerades med värden från den här importen`,
        ),
      );
      if (restsOnImport) await rollback.getByTestId('rollback-warnings').locator(publishedWithImport).waitFor();
      else
        assertEqual(await publishedWithImport.count(), 0, `a warning that Klimatläget ${lastYear} rests on the import`);
      assert(
        await rollback.getByRole('button', { name: 'Ångra importen', exact: true }).isEnabled(),
        'the rollback can be confirmed once what it changes and its warning show',
      );
      await e2e.axe(page, '/admin/import (rollback dialog)');
      await e2e.screenshot(page, 'admin-import-rollback-dialog', { fullPage: false });
      // Cancelling changes nothing: the import stays saved (later scenarios read its values).
      await rollback.getByRole('button', { name: 'Avbryt' }).click();
      await rollback.waitFor({ state: 'hidden' });
      await row.getByText('Sparad', { exact: true }).waitFor();
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the import page falls back to multipart only when two-step uploads are unavailable, and shows upload errors in words',
    async run(e2e) {
      const file = fixture();
      const page = await openImportPage(e2e);
      const watch = watchPage(page);
      const requests = recordImportRequests(page);
      const choose = () =>
        page
          .getByLabel('Fil', { exact: true })
          .setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: file.bytes });

      // Fault: the storage refuses the upload (as S3 does with an XML body): a message that says what
      // to do, no stack trace. An expired policy (the ticket is older than its 15 minutes) needs only
      // another try, which fetches a new ticket.
      let sentForm = '';
      const s3Refusal = (status: number, code: string, message: string) =>
        page.route('**/api/admin/imports/uploads/*', (route) => {
          if (route.request().method() !== 'POST') return route.continue();
          sentForm = route.request().postDataBuffer()?.toString('latin1') ?? '';
          return route.fulfill({
            status,
            contentType: 'application/xml',
            body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
          });
        });
      await s3Refusal(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
      await choose();
      requests.length = 0;
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page
        .locator('.afield-error .error-message')
        .getByText(
          'Uppladdningslänken hann gå ut innan filen kom fram, så inget sparades. Tryck på Förhandsgranska igen: då hämtas en ny länk.',
        )
        .waitFor();
      assert(
        !((await page.locator('main').textContent()) ?? '').includes('AccessDenied'),
        'no raw storage error on the page',
      );
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'file');
      await e2e.screenshot(page, 'admin-import-upload-error', { fullPage: false });
      await page.unrouteAll({ behavior: 'wait' });
      // The form was what S3 takes: the ticket's fields first, the file last.
      const fieldOrder = [...sentForm.matchAll(/; name="([^"]+)"/g)].map((m) => m[1]);
      assertEqual(
        fieldOrder.join(','),
        'key,Content-Type,Policy,X-Local-Signature,file',
        'the form: the ticket’s fields, then the file',
      );

      // Trying again, as the message says, fetches a new ticket; a plain AccessDenied (the bucket
      // refuses the signer) and a failed policy condition say so, each in its own words.
      await s3Refusal(403, 'AccessDenied', 'Access Denied');
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page
        .locator('.afield-error .error-message')
        .getByText('Lagringen nekade uppladdningen (saknar behörighet).', { exact: false })
        .waitFor();
      assertEqual(
        requests.filter((r) => r === 'POST /api/admin/imports/uploads application/json').length,
        2,
        'a new ticket for each try',
      );
      await page.unrouteAll({ behavior: 'wait' });
      await s3Refusal(
        403,
        'AccessDenied',
        'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "application/octet-stream"]',
      );
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page
        .locator('.afield-error .error-message')
        .getByText('Lagringen tog inte emot filen: uppladdningen stämde inte med uppladdningslänkens villkor.', {
          exact: false,
        })
        .waitFor();
      assert(
        !((await page.locator('main').textContent()) ?? '').includes('Policy'),
        'no raw storage error on the page',
      );
      await page.unrouteAll({ behavior: 'wait' });

      // S3 itself refuses a file over the signed policy's size (400 EntityTooLarge, XML), e.g. one
      // that grew after it was chosen: said in words, the XML never shown.
      await page.route('**/api/admin/imports/uploads/*', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 400,
              contentType: 'application/xml',
              body:
                '<?xml version="1.0" encoding="UTF-8"?><Error><Code>EntityTooLarge</Code>' +
                '<Message>Your proposed upload exceeds the maximum allowed size</Message>' +
                '<ProposedSize>20971521</ProposedSize><MaxSizeAllowed>20971520</MaxSizeAllowed></Error>',
            })
          : route.continue(),
      );
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      const storageTooLarge =
        'Filen togs inte emot: den är större än 20 MB. Dela upp den i flera filer, eller välj den igen om den har ändrats.';
      await page.locator('.afield-error .error-message').getByText(storageTooLarge).waitFor();
      assert(
        !((await page.locator('main').textContent()) ?? '').includes('EntityTooLarge'),
        'no raw storage error on the page',
      );
      await page.unrouteAll({ behavior: 'wait' });

      // The local stand-in's own refusal of a file over 20 MB (its real answer, fetched with the
      // page's session: 20 MB through the browser would take minutes over DevTools) reads the same.
      const ticketRes = await page.request.post(new URL('/api/admin/imports/uploads', page.url()).toString(), {
        headers: { origin: new URL(page.url()).origin },
      });
      const ticket = (await ticketRes.json()) as { url: string; fields: Record<string, string> };
      const refusal = await page.request.post(new URL(ticket.url, page.url()).toString(), {
        headers: { origin: new URL(page.url()).origin },
        multipart: {
          ...ticket.fields,
          file: { name: 'for-stor.csv', mimeType: 'text/csv', buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20) },
        },
      });
      assertEqual(refusal.status(), 400, 'the local stand-in refuses a file over 20 MB with 400, as S3 does');
      const refusalBody = await refusal.text();
      assert(refusalBody.includes('"entity_too_large"'), `the stand-in says entity_too_large (${refusalBody})`);
      await page.route('**/api/admin/imports/uploads/*', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({ status: 400, contentType: 'application/json', body: refusalBody })
          : route.continue(),
      );
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.locator('.afield-error .error-message').getByText(storageTooLarge).waitFor();
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'file');
      await e2e.screenshot(page, 'admin-import-storage-too-large', { fullPage: false });
      await page.unrouteAll({ behavior: 'wait' });

      // Fault: the API has no two-step uploads here: the page sends the file as multipart instead.
      await page.route('**/api/admin/imports/uploads', (route) =>
        route.fulfill({
          status: 422,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'uploads_unavailable', message: 'Uppladdning i två steg är inte konfigurerad här.' },
          }),
        }),
      );
      requests.length = 0;
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.getByRole('heading', { level: 2, name: `Förhandsgranskning av ${FILE_NAME}` }).waitFor();
      assertEqual(await page.locator('.afield-error').count(), 0, 'the earlier error is gone');
      assertEqual(
        requests.join(' | '),
        ['POST /api/admin/imports/uploads application/json', 'POST /api/admin/imports multipart/form-data'].join(' | '),
        'the fallback requests',
      );
      assertEqual(await stat(page, 'Rader'), String(file.values), 'rows via multipart');
      await page.unrouteAll({ behavior: 'wait' });

      // Any other refusal of the ticket is shown, not worked around.
      await page.route('**/api/admin/imports/uploads', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'store_unavailable', message: 'Tjänsten är tillfälligt otillgänglig.' },
          }),
        }),
      );
      requests.length = 0;
      // From the keyboard this time.
      await page.getByRole('button', { name: 'Förhandsgranska' }).press('Enter');
      await page.locator('.afield-error .error-message').getByText('Tjänsten är tillfälligt otillgänglig.').waitFor();
      assertEqual(requests.join(' | '), 'POST /api/admin/imports/uploads application/json', 'no fallback on 503');
      await page.unrouteAll({ behavior: 'wait' });

      // In English, the refusal of a too-large file is in English.
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Emissions data import' }).waitFor();
      await page.getByLabel('File', { exact: true }).setInputFiles(bigFile('too-big.csv', 20 * 1024 * 1024 + 1));
      await page
        .locator('.afield-error .error-message')
        .getByText('The file is 20.1 MB. At most 20 MB can be read: split it into several files.')
        .waitFor();
      // …and so is the storage's own refusal (S3's XML), and an empty file is refused before sending.
      await page
        .getByLabel('File', { exact: true })
        .setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: file.bytes });
      await page.route('**/api/admin/imports/uploads/*', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 400,
              contentType: 'application/xml',
              body: '<?xml version="1.0"?><Error><Code>EntityTooLarge</Code><Message>Too large</Message></Error>',
            })
          : route.continue(),
      );
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await page
        .locator('.afield-error .error-message')
        .getByText('The file was not accepted: it is larger than 20 MB.', { exact: false })
        .waitFor();
      await page.unrouteAll({ behavior: 'wait' });
      await s3Refusal(403, 'ExpiredToken', 'The provided token has expired.');
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await page
        .locator('.afield-error .error-message')
        .getByText('The upload link expired before the file arrived, so nothing was stored. Press Preview again', {
          exact: false,
        })
        .waitFor();
      await page.unrouteAll({ behavior: 'wait' });
      requests.length = 0;
      await page
        .getByLabel('File', { exact: true })
        .setInputFiles({ name: 'tom.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
      await page
        .locator('.afield-error .error-message')
        .getByText('The file tom.csv is empty.', { exact: false })
        .waitFor();
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      assertEqual(requests.length, 0, `no import request for an empty file (${requests.join(', ')})`);
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the import page tells a file without data rows from one that changes nothing, marks an out-of-date preview, and speaks English',
    async run(e2e) {
      const page = await openImportPage(e2e);
      const watch = watchPage(page);
      const history = page.getByRole('table', { name: 'Tidigare importer' });
      const historyRow = (fileName: string) =>
        history.locator('tbody tr', { has: page.getByRole('rowheader', { name: new RegExp(`^${fileName}`) }) });
      const previewFile = async (name: string, text: string) => {
        await page.getByLabel('Fil', { exact: true }).setInputFiles({
          name,
          mimeType: 'text/csv',
          buffer: Buffer.from(text, 'utf8'),
        });
        await page.getByRole('button', { name: 'Förhandsgranska' }).click();
        await page.getByRole('heading', { level: 2, name: `Förhandsgranskning av ${name}` }).waitFor();
      };
      const saveButton = page.getByRole('button', { name: 'Spara importen', exact: true });
      // Mora 1991: a value no other scenario imports.
      const mora = 'Kommunkod;År;Sektor;Utsläpp (ton CO2e)\n2062;1991;Avfall;321\n';

      // 1. Only a header row: an error in the preview, and nothing to save.
      await previewFile('bara-rubrik.csv', 'Kommunkod;År;Sektor;Utsläpp (ton CO2e)\n');
      await page
        .getByRole('table', { name: 'Fel i filen' })
        .getByText('Filen har en rubrikrad (rad 1) men inga rader med värden under den.')
        .waitFor();
      await page.getByRole('status').getByText('Filen är läst: 0 rader, 1 fel.').waitFor();
      assertEqual(await saveButton.count(), 0, 'no save for a file without data rows');
      await e2e.screenshot(page, 'admin-import-header-only');

      // 2. A preview that is not saved, then the same data saved from another file.
      await previewFile('mora-1991.csv', mora);
      await page.getByText('Värden: 1 nya, 0 ändrade, 0 oförändrade.').waitFor();
      await page.getByRole('status').getByText('Filen är läst: 1 rad, 0 fel.').waitFor();
      await page.getByRole('button', { name: 'Släpp filen' }).click();
      await previewFile('mora-1991-kopia.csv', mora);
      await saveButton.click();
      await page.getByRole('status').getByText('Importen är sparad: 1 nya, 0 ändrade, 0 oförändrade värden.').waitFor();

      // 3. The first preview's counts are from before: out of date, no save.
      const outdated = historyRow('mora-1991.csv');
      await outdated.getByText('Inaktuell', { exact: true }).waitFor();
      await outdated.getByText(/^Data ändrades när mora-1991-kopia\.csv sparades .+\. Läs in filen igen/).waitFor();
      assertEqual(await outdated.getByRole('button', { name: /^Spara/ }).count(), 0, 'no save on an outdated preview');
      await outdated.getByText('1 organisation', { exact: true }).waitFor();
      const refused = await page.request.post(
        `${e2e.baseUrl}/api/admin/imports/${await importId(page, 'mora-1991.csv')}/commit`,
        {
          headers: { origin: e2e.baseUrl },
        },
      );
      assertEqual(refused.status(), 409, 'the API refuses the outdated preview too');

      // 4. The same file read again: nothing to save.
      await previewFile('mora-1991.csv', mora);
      await page.getByText('Värden: 0 nya, 0 ändrade, 1 oförändrade.').waitFor();
      await page.getByText('Inget att spara: alla värden i filen finns redan sparade med samma värde.').waitFor();
      assertEqual(await saveButton.count(), 0, 'no save for a file that changes nothing');
      await e2e.axe(page, '/admin/import (nothing to save, outdated preview)');
      await e2e.screenshot(page, 'admin-import-history-outdated');

      // 5. In English: the issues and the history's counts.
      await previewFile('bara-rubrik.csv', 'Kommunkod;År;Sektor;Utsläpp (ton CO2e)\n');
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Emissions data import' }).waitFor();
      await page
        .getByRole('table', { name: 'Errors in the file' })
        .getByText('The file has a header row (row 1) but no rows of values below it.')
        .waitFor();
      const englishHistory = page.getByRole('table', { name: 'Earlier imports' });
      await englishHistory
        .locator('tbody tr', { has: page.getByRole('rowheader', { name: /^bara-rubrik\.csv/ }) })
        .first()
        .getByText('0 organisations · 1 error', { exact: true })
        .waitFor();
      await englishHistory
        .locator('tbody tr', { has: page.getByRole('rowheader', { name: /^mora-1991\.csv/ }) })
        .last()
        .getByText('Out of date', { exact: true })
        .waitFor();
      await e2e.axe(page, '/admin/import (English)');
      await e2e.screenshot(page, 'admin-import-english');
      await page.getByRole('button', { name: 'På svenska' }).click();
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the import page drops the last file’s result when the file is discarded, another is chosen or cannot be read',
    async run(e2e) {
      const file = fixture();
      const page = await openImportPage(e2e);
      const read = page.getByText(/^Filen är läst:/);
      const previewGood = async () => {
        await page.getByLabel('Fil', { exact: true }).setInputFiles({
          name: 'forhandsgranskning.csv',
          mimeType: 'text/csv',
          buffer: file.bytes,
        });
        await page.getByRole('button', { name: 'Förhandsgranska' }).click();
        await read.waitFor();
      };

      await previewGood();
      await page.getByRole('button', { name: 'Släpp filen' }).click();
      await read.waitFor({ state: 'detached' });

      await previewGood();
      // A picture named .xlsx: the new choice clears the banner, and the failed read does not bring it back.
      const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
      await page
        .getByLabel('Fil', { exact: true })
        .setInputFiles({ name: 'skarmdump.xlsx', mimeType: 'image/png', buffer: png });
      await read.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.locator('.afield-error .error-message').waitFor();
      assertEqual(await read.count(), 0, 'the earlier file’s "Filen är läst" after a file that could not be read');
    },
  },
  {
    name: 'a save refused as out of date (another tab saved first) drops the button and shows the history as it is now',
    async run(e2e) {
      // Years no other scenario imports, for the first organisations: both files change the same values.
      const organisations = readDemoOrganisations().slice(0, 3);
      const csv = (seed: number) => {
        const dataset = generateEmissionDataset({ organisations, fromYear: 2006, toYear: 2007, seed });
        return Buffer.from(
          toCsvBytes(longTable(dataset, { language: 'sv', titleRows: true, population: true }), SWEDISH_CSV),
        );
      };
      const previewIn = async (page: Page, name: string, bytes: Buffer) => {
        await page.getByLabel('Fil', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
        await page.getByRole('button', { name: 'Förhandsgranska' }).click();
        await page.getByRole('heading', { level: 2, name: `Förhandsgranskning av ${name}` }).waitFor();
      };
      const first = await openImportPage(e2e);
      const second = await first.context().newPage();
      await second.goto(first.url());
      await second.getByRole('heading', { level: 1, name: 'Import av utsläppsdata' }).waitFor();
      await second.locator('.loading').waitFor({ state: 'detached' });

      await previewIn(first, 'flik-ett.csv', csv(11));
      await previewIn(second, 'flik-tva.csv', csv(12));
      await second.getByRole('button', { name: 'Spara importen', exact: true }).click();
      await second.getByText(/^Importen är sparad:/).waitFor();

      // The first tab still shows its preview; saving it is refused, and the page says why.
      await first.getByRole('button', { name: 'Spara importen', exact: true }).click();
      await first.getByText(/Förhandsgranskningen av "flik-ett\.csv" är inaktuell/).waitFor();
      assertEqual(
        await first.getByRole('button', { name: 'Spara importen', exact: true }).count(),
        0,
        'the refused preview’s "Spara importen" after the refusal',
      );
      const history = first.getByRole('table', { name: 'Tidigare importer' });
      const row = (name: string) =>
        history.locator('tbody tr', { has: first.getByRole('rowheader', { name: new RegExp(name) }) });
      // Without a reload: the other tab's save, and this preview out of date with no save button.
      await row('flik-tva\\.csv').getByText('Sparad', { exact: true }).waitFor();
      await row('flik-ett\\.csv').getByText('Inaktuell', { exact: true }).waitFor();
      assertEqual(
        await row('flik-ett\\.csv').getByRole('button', { name: 'Spara importen av flik-ett.csv' }).count(),
        0,
        'the history’s "Spara" for the out-of-date preview',
      );
      await first.getByText(/Förhandsgranskningen av "flik-ett\.csv" är inaktuell/).waitFor();
      await e2e.screenshot(first, 'import-outdated-refused');
    },
  },
];
