import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { assert, assertEqual, type E2E, type Scenario, watchPage } from '../harness';

/** The seed closes last year's campaign with submitted answers from most organisations. */
const LAST_YEAR = new Date().getUTCFullYear() - 1;
const MEMBER = 'tjansteperson.1281@example.se'; // Lund, submitted last year

/** A small emissions export (long layout, as the import reads it) for six kommuner, 1990–2023. */
function emissionsCsv(): string {
  const kommuner: Array<[string, number]> = [
    ['1281', 125_000],
    ['1280', 360_000],
    ['0180', 990_000],
    ['1480', 600_000],
    ['0380', 245_000],
    ['0580', 165_000],
  ];
  const rows = ['Kommunkod;År;Sektor;Utsläpp (ton CO2e);Invånare'];
  for (const [code, population] of kommuner) {
    for (const year of [1990, 2010, 2015, 2018, 2019, 2020, 2021, 2022, 2023]) {
      const perInhabitant = year === 1990 ? 6.5 : 5 - (year - 2010) * 0.17;
      for (const [sector, share] of [
        ['Transporter', 0.4],
        ['Energiförsörjning', 0.3],
        ['Jordbruk', 0.3],
      ] as const) {
        rows.push(`${code};${year};${sector};${Math.round(population * perInhabitant * share)};${population}`);
      }
    }
  }
  return `${rows.join('\n')}\n`;
}

/** Imports emissions through the kansli's import (preview, then commit), so the report has a trend. */
async function importEmissions(e2e: E2E, context: BrowserContext): Promise<void> {
  const headers = { origin: e2e.baseUrl };
  const preview = await context.request.post(`${e2e.baseUrl}/api/admin/imports`, {
    headers,
    multipart: { file: { name: 'utslapp.csv', mimeType: 'text/csv', buffer: Buffer.from(emissionsCsv()) } },
  });
  assertEqual(preview.status(), 201, 'POST /api/admin/imports');
  const { id, errors } = (await preview.json()) as { id: string; errors: unknown[] };
  assertEqual(errors.length, 0, 'import errors');
  const commit = await context.request.post(`${e2e.baseUrl}/api/admin/imports/${id}/commit`, { headers });
  assert(commit.ok(), `commit answered ${commit.status()}`);
}

/** Publishes last year's Klimatläget as the kansli, through the API with the kansli's session cookie. */
async function publishLastYear(e2e: E2E, context: BrowserContext, options: { emissions?: boolean } = {}) {
  await e2e.signIn(context, 'kansli@example.se');
  if (options.emissions) await importEmissions(e2e, context);
  const response = await context.request.post(`${e2e.baseUrl}/api/admin/campaigns/${LAST_YEAR}/publish`, {
    headers: { origin: e2e.baseUrl },
  });
  assertEqual(response.status(), 201, `POST /api/admin/campaigns/${LAST_YEAR}/publish`);
}

/** Waits until every chart canvas has been drawn on (chart.js arrives in a chunk of its own). */
async function waitForCharts(page: Page, atLeast: number): Promise<number> {
  await page.waitForFunction(
    (min) => {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('figure canvas[role="img"]')];
      return canvases.length >= min && canvases.every((c) => c.width > 0 && c.dataset.drawn !== undefined);
    },
    atLeast,
    { timeout: 15_000 },
  );
  return page.locator('figure canvas[role="img"]').count();
}

/** Screenshot of the print stylesheet at roughly the width of an A4 page's text area. */
async function printScreenshot(e2e: E2E, page: Page, name: string): Promise<void> {
  const original = page.viewportSize();
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 720, height: 1000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(e2e.resultsDir, `${name}-print.png`), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  if (original) await page.setViewportSize(original);
  await page.waitForTimeout(150);
}

export const scenarios: Scenario[] = [
  {
    name: 'Klimatläget: published by the kansli, read signed out with charts, tables and a print layout',
    async run(e2e) {
      await publishLastYear(e2e, await e2e.newContext(), { emissions: true });

      const context = await e2e.newContext();
      const page = await context.newPage();
      const watch = watchPage(page);
      // /klimatlaget goes to the newest published year.
      await page.goto(`${e2e.baseUrl}/klimatlaget`);
      await page.waitForURL(`**/klimatlaget/${LAST_YEAR}`);
      await page.getByRole('heading', { level: 1, name: `Klimatläget ${LAST_YEAR}` }).waitFor();
      await page.getByText(new RegExp(`^\\d+ av \\d+ medlemmar svarade på medlemstestet ${LAST_YEAR}`)).waitFor();
      await page.getByRole('heading', { level: 2, name: 'I korthet' }).waitFor();
      assert(await page.getByText('Andel av maxpoängen').first().isVisible(), 'the score key figure');
      // Signed out: the header offers the report, nobody is signed in.
      await page.locator('.site-header').getByRole('link', { name: 'Klimatläget' }).waitFor();

      const charts = await waitForCharts(page, 3);
      e2e.log(`    ${charts} charts on /klimatlaget/${LAST_YEAR}`);
      for (const canvas of await page.locator('figure canvas[role="img"]').all()) {
        const label = (await canvas.getAttribute('aria-label')) ?? '';
        assert(label.length > 30, `a chart canvas without a useful aria-label: "${label}"`);
      }
      for (const name of [
        'Antal organisationer per betyg',
        'Utsläpp per invånare över tid',
        'Kommunernas andel av maxpoängen per område',
        'Energi: andel som svarade ja',
      ]) {
        await page.getByRole('figure', { name: new RegExp(name) }).waitFor();
      }
      // Every chart has its data table in the document (captioned), reachable by screen readers.
      const figures = page.getByRole('figure');
      assertEqual(await figures.count(), charts, 'figures with a chart');
      for (const figure of await figures.all()) {
        const table = figure.getByRole('table');
        assertEqual(await table.count(), 1, 'one data table per chart');
        assert(((await table.locator('caption').textContent()) ?? '').length > 5, 'the table has a caption');
        assert((await table.locator('tbody tr').count()) > 0, 'the table has rows');
      }
      // "Visa som tabell" shows the table instead of the chart, and back.
      const bands = page.getByRole('figure', { name: /Antal organisationer per betyg/ });
      const toggle = bands.getByRole('button', { name: 'Visa som tabell' });
      const shown = async () => ((await bands.locator('.kl-table-wrap').boundingBox())?.width ?? 0) > 10;
      assertEqual(await shown(), false, 'table shown before the toggle');
      await toggle.click();
      assertEqual(await toggle.getAttribute('aria-pressed'), 'true', 'toggle pressed');
      await bands.getByRole('table').getByRole('rowheader', { name: 'Inget betyg' }).waitFor();
      assert(await shown(), 'the table shows after the toggle');
      assertEqual(await bands.locator('canvas').isVisible(), false, 'the chart hides behind the table');
      await toggle.click();
      await bands.locator('canvas').waitFor();

      await e2e.axe(page, `/klimatlaget/${LAST_YEAR}`);
      await e2e.screenshot(page, 'klimatlaget');
      await printScreenshot(e2e, page, 'klimatlaget');

      // Only the report's own chunks: no survey-core, no console.
      const loaded = watch.scripts.map((u) => new URL(u).pathname);
      assert(!loaded.some((u) => /SurveyPage-|survey-core|AdminHome-/.test(u)), `unexpected assets: ${loaded}`);
      assert(
        loaded.some((u) => /KlimatlagetPage-/.test(u)) && loaded.some((u) => /chart-setup-/.test(u)),
        'the report and chart chunks loaded',
      );

      // English: the interface switches, the survey's texts stay Swedish and are marked so.
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 2, name: 'In brief' }).waitFor();
      await page.getByText(/Questions and answer options are shown in Swedish/).waitFor();
      await waitForCharts(page, 3);
      await e2e.axe(page, `/klimatlaget/${LAST_YEAR} in English`);
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.getByRole('heading', { level: 2, name: 'I korthet' }).waitFor();

      // An unpublished year answers plainly.
      await page.goto(`${e2e.baseUrl}/klimatlaget/${LAST_YEAR + 1}`);
      await page.getByText(`Klimatläget ${LAST_YEAR + 1} är inte publicerat.`).waitFor();
      await page.getByRole('link', { name: `Klimatläget ${LAST_YEAR}` }).waitFor();
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'scorecard: a member sees own points per area against the network, and the lost points',
    async run(e2e) {
      // Publishing again makes a new revision; either way last year is published.
      await publishLastYear(e2e, await e2e.newContext());
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, MEMBER);
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 2, name: `Klimatläget ${LAST_YEAR} är publicerat` }).waitFor();
      await e2e.screenshot(page, 'home-results');
      await page.getByRole('link', { name: 'Se ert resultat' }).click();
      await page.getByRole('heading', { level: 1, name: `Ert resultat ${LAST_YEAR}` }).waitFor();
      await page.getByText('Lund').first().waitFor();
      assertEqual(await waitForCharts(page, 1), 1, 'charts on the scorecard');
      const figure = page.getByRole('figure', { name: /Er andel av maxpoängen per område/ });
      const table = figure.getByRole('table');
      for (const column of ['Era poäng', 'Maxpoäng', 'Nätverkets medelvärde', 'Nätverkets median']) {
        await table.getByRole('columnheader', { name: column, exact: true }).waitFor({ state: 'attached' });
      }
      await page.getByRole('heading', { level: 2, name: 'Här tappade ni poäng' }).waitFor();
      const bandFigure = page.locator('.kl-figures > div', { has: page.locator('dt', { hasText: /^Betyg$/ }) });
      const band = (await bandFigure.locator('.kl-big').textContent()) ?? '';
      e2e.log(`    Lund ${LAST_YEAR}: band "${band}"`);
      if (band === 'Inget betyg') await page.getByText('Därför får ni inget betyg i år').waitFor();
      // The emission outcome (imported by the first scenario, when it ran) stands apart from the score.
      if (await page.getByRole('heading', { level: 2, name: 'Utfall: utsläpp' }).count()) {
        await page.getByText('räknas inte in i poängen ovan').waitFor();
      }
      await e2e.axe(page, '/resultat');
      await e2e.screenshot(page, 'scorecard');
      await printScreenshot(e2e, page, 'scorecard');
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
];
