import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { assert, assertEqual, DESKTOP, type E2E, PHONE, reshapeRoute, type Scenario, watchPage } from '../harness';

/** The seed closes last year's and the year before's campaigns with submitted answers from most organisations. */
const LAST_YEAR = new Date().getUTCFullYear() - 1;
const YEAR_BEFORE = LAST_YEAR - 1;
const MEMBER = 'tjansteperson.1281@example.se'; // Lund, submitted both years

/** The public report as the API serves it: the expectations below are read from it, never typed in. */
interface ReportBody {
  report: {
    yearOnYear: { organisations: number } | null;
    emissions: {
      latestYear: number;
      national: { perInhabitant: number; year: number | null; quotedIn?: number };
      trend: Array<{ year: number; perInhabitant: number | null; organisations: number }>;
    } | null;
    byType: Record<
      'kommun' | 'region',
      {
        max: number;
        scoreBands?: Array<{ label: string; minShare: number }>;
        sections: Array<{ name: string; title: string; titleEn?: string }>;
        questions: Array<{ name: string; gate: boolean; title: string; titleEn?: string }>;
      }
    >;
  };
}

/** The figures of the report that a small group's withholding sets to null (shared/klimatlaget/suppression.ts). */
interface WithheldReport {
  total: { median: number | null } | null;
  byType: Record<
    'kommun' | 'region',
    {
      total: { median: number | null } | null;
      sections: Array<{ name: string; titleEn?: string; median: number | null }>;
      questions: Array<{
        section: string;
        yes: { count: number | null; share: number | null } | null;
        suppressed?: boolean;
      }>;
    }
  >;
}

/** Swedish number formats as the page writes them (no-break spaces included). */
const percentSv = (share: number) =>
  new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 }).format(share);
const decimalSv = (value: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(value);

/** The one year only two of the kommuner have figures for: too few to show (MIN_GROUP_SIZE is 3). */
const THIN_YEAR = 2015;

/**
 * A small emissions export (long layout, as the import reads it) for six kommuner, 1990–2023;
 * only two of them have `THIN_YEAR`.
 */
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
  for (const [index, [code, population]] of kommuner.entries()) {
    for (const year of [1990, 2010, THIN_YEAR, 2018, 2019, 2020, 2021, 2022, 2023]) {
      if (year === THIN_YEAR && index >= 2) continue;
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

/**
 * Publishes last year's Klimatläget as the kansli, through the API with the kansli's session cookie;
 * with `yearBefore`, the year before's first, so two years are published and the change shows.
 */
async function publishLastYear(
  e2e: E2E,
  context: BrowserContext,
  options: { emissions?: boolean; yearBefore?: boolean } = {},
) {
  await e2e.signIn(context, 'kansli@example.se');
  if (options.emissions) await importEmissions(e2e, context);
  for (const year of options.yearBefore ? [YEAR_BEFORE, LAST_YEAR] : [LAST_YEAR]) {
    const response = await context.request.post(`${e2e.baseUrl}/api/admin/campaigns/${year}/publish`, {
      headers: { origin: e2e.baseUrl },
    });
    // 201 a new revision; 200 when an earlier scenario already published the same report.
    assert([200, 201].includes(response.status()), `POST /api/admin/campaigns/${year}/publish: ${response.status()}`);
  }
}

/**
 * Waits until Chartist has drawn every chart (it arrives in a chunk of its own): an SVG with a width,
 * hidden from screen readers (its image is the box named by the summary), with the value axis's
 * ticks, the category axis's labels and a bar or a value's text for each value shown.
 */
async function waitForCharts(page: Page, atLeast: number): Promise<number> {
  await page.waitForFunction(
    (min) => {
      const charts = [...document.querySelectorAll<HTMLElement>('figure .kl-chart[role="img"]')];
      return (
        charts.length >= min &&
        charts.every((chart) => {
          const svg = chart.querySelector('svg');
          return (
            chart.dataset.drawn !== undefined &&
            svg !== null &&
            svg.getBoundingClientRect().width > 0 &&
            svg.getAttribute('aria-hidden') === 'true' &&
            svg.querySelectorAll('.ct-label').length >= 3 &&
            svg.querySelectorAll('.kl-value').length <= svg.querySelectorAll('rect:not(pattern rect)').length
          );
        })
      );
    },
    atLeast,
    { timeout: 15_000 },
  );
  return page.locator('figure .kl-chart[role="img"]').count();
}

/**
 * A chart's text alternative: the text of the element its image is labelled by (an element, so a
 * Swedish survey text in it can carry lang="sv" on an English page).
 */
async function chartSummary(chart: Locator): Promise<string> {
  return chart.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
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

/** The change in percentage points as the page writes it: "+6,7", "−2,5". */
const pointChangeSv = (change: number) =>
  new Intl.NumberFormat('sv-SE', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change * 100);

/** The scorecard's own areas over the years, as the API serves them. */
interface OwnAreas {
  years: number[];
  areas: Array<{
    title: string;
    titleEn?: string;
    years: Array<{ year: number; total: number; max: number; share: number } | null>;
    maxChanged: boolean;
    change: number | null;
  }>;
}

/** On a phone the whole table fits: the change column was off to the side, behind a scroll. */
async function assertFitsOnPhone(page: Page, table: Locator, label: string): Promise<void> {
  await page.setViewportSize(PHONE);
  const overflow = await table.evaluate((element) => {
    const wrap = element.parentElement!;
    return wrap.scrollWidth - wrap.clientWidth;
  });
  await page.setViewportSize(DESKTOP);
  assert(overflow <= 1, `${label}: the table fits at 390 px (${overflow} px wider than its box)`);
}

/**
 * "Era områden över åren" on a scorecard of a member with two years: its table, shown with the
 * toggle named after the chart, has every area's points of that year's maximum and share in each
 * year and the change since the year before, exactly as the API gives them; then in English.
 */
async function checkOwnAreasOverTheYears(e2e: E2E, page: Page): Promise<void> {
  const card = (await (await page.request.get(`${e2e.baseUrl}/api/campaigns/${LAST_YEAR}/scorecard`)).json()) as {
    areasOverTheYears?: OwnAreas;
  };
  const own = card.areasOverTheYears;
  assert(own, 'a scorecard of two years has its areas over the years');
  assertEqual(own.years.join(), `${YEAR_BEFORE},${LAST_YEAR}`, 'the years of the areas');
  const same = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  await page.getByRole('heading', { level: 2, name: 'Era områden över åren' }).waitFor();
  const title = `Era områden ${YEAR_BEFORE} och ${LAST_YEAR}: andel av maxpoängen`;
  const figure = page.getByRole('figure', { name: title });
  await figure.getByRole('button', { name: `Visa som tabell: ${title}` }).click();
  const table = figure.getByRole('table');
  await table.getByRole('columnheader', { name: `Förändring sedan ${YEAR_BEFORE} (procentenheter)` }).waitFor();
  for (const area of own.areas) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: area.title, exact: true }) });
    const cells = row.getByRole('cell');
    assertEqual(await cells.count(), own.years.length + 1, `cells of ${area.title}`);
    for (const [i, cell] of area.years.entries()) {
      const expected = cell
        ? `${decimalSv(cell.total)} av ${decimalSv(cell.max)} ${percentSv(cell.share)}`
        : 'fanns inte med';
      assertEqual(same(await cells.nth(i).textContent()), same(expected), `${area.title} ${own.years[i]}`);
    }
    const change = area.maxChanged ? 'maxpoängen ändrades' : area.change === null ? '–' : pointChangeSv(area.change);
    assertEqual(same(await cells.nth(area.years.length).textContent()), same(change), `${area.title}: the change`);
  }
  await e2e.screenshot(page, 'scorecard-areas-over-the-years');
  await assertFitsOnPhone(page, table, 'the areas over the years');
  // In English: the areas by their English titles, the change column named in English.
  await page.getByRole('button', { name: 'In English' }).click();
  const titleEn = `Your areas in ${YEAR_BEFORE} and ${LAST_YEAR}: share of the maximum points`;
  const figureEn = page.getByRole('figure', { name: titleEn });
  await figureEn.getByRole('columnheader', { name: `Change since ${YEAR_BEFORE} (percentage points)` }).waitFor();
  const first = own.areas[0]!;
  assert(first.titleEn, 'the area has an English title');
  await figureEn.getByRole('rowheader', { name: first.titleEn, exact: true }).waitFor();
  await assertFitsOnPhone(page, figureEn.getByRole('table'), 'the areas over the years in English');
  await e2e.axe(page, '/resultat, the areas over the years in English');
  await e2e.screenshot(page, 'scorecard-areas-over-the-years-en');
  await page.getByRole('button', { name: 'På svenska' }).click();
  await page.getByRole('heading', { level: 2, name: 'Era områden över åren' }).waitFor();
}

/**
 * The list of published years as served, with `earlier` years before the year before: copies of its
 * figures, each a little lower. The seed closes two years; a column per year is what makes a table
 * of the areas over the years wide, so the phone layout is measured with more.
 */
function withEarlierYears(earlier: number) {
  return reshapeRoute(async (route) => {
    const served = await route.fetch();
    type Figures = { mean: number | null; sections: Array<{ mean: number | null }> };
    const list = (await served.json()) as Array<{ year: number; figures?: Record<string, Figures> }>;
    const before = list.find((entry) => entry.year === YEAR_BEFORE);
    assert(before?.figures, `${YEAR_BEFORE} is published with its figures`);
    const lower = (mean: number | null, by: number) => (mean === null ? null : Math.max(0, mean - by));
    for (let i = 1; i <= earlier; i++) {
      const copy = structuredClone(before);
      copy.year = YEAR_BEFORE - i;
      for (const figures of Object.values(copy.figures ?? {})) {
        figures.mean = lower(figures.mean, 0.03 * i);
        for (const section of figures.sections) section.mean = lower(section.mean, 0.04 * i);
      }
      list.push(copy);
    }
    await route.fulfill({ response: served, json: list });
  });
}

/**
 * The scorecard of last year as served, with `earlier` years before the year before in its areas
 * over the years: copies of the year before's cells, each a little lower. The seed has two years; a
 * column per year, each "7 av 15" over "47 %", is what makes that table wide on a phone.
 */
function withEarlierOwnYears(earlier: number) {
  return reshapeRoute(async (route) => {
    const served = await route.fetch();
    const card = (await served.json()) as { areasOverTheYears?: OwnAreas };
    const own = card.areasOverTheYears;
    assert(own && own.years[0] === YEAR_BEFORE, `the scorecard has its areas from ${YEAR_BEFORE}`);
    for (let i = 1; i <= earlier; i++) {
      own.years.unshift(YEAR_BEFORE - i);
      for (const area of own.areas) {
        const first = area.years[0] ?? null;
        const total = first ? Math.max(0, first.total - 1) : 0;
        const year = YEAR_BEFORE - i;
        area.years.unshift(first && { ...first, year, total, share: first.max ? total / first.max : 0 });
      }
    }
    await route.fulfill({ response: served, json: card });
  });
}

/** A table's or chart's box on a phone, and how much wider its content is than the box. */
interface PhoneBox {
  name: string;
  left: number;
  right: number;
  /** Content wider than the box, in px: a table scrolling inside its box. */
  overflow: number;
  /** The box scrolls as a region with a name, reachable by keyboard (tabindex=0). */
  region: boolean;
}

/**
 * The page's charts (showing), or its tables (each figure showing its table), as laid out now: a
 * table's box is the element it scrolls in, when it has one, else the table itself.
 */
async function phoneBoxes(
  page: Page,
  what: 'charts' | 'tables',
): Promise<{ width: number; pageWidth: number; boxes: PhoneBox[] }> {
  // No named functions inside (not even `const f = () => …`): tsx would wrap them in a helper the
  // page does not have.
  return page.evaluate((what) => {
    const boxes = [];
    const measured =
      what === 'charts'
        ? [...document.querySelectorAll('main .kl-chart-box:not([hidden])')].map((chart) => ({
            box: chart,
            named: [chart.closest('figure')?.querySelector('table') ?? chart, chart],
          }))
        : [...document.querySelectorAll('main table')].map((table) => ({
            box: table,
            named: [table, table.parentElement!],
          }));
    for (const { box, named } of measured) {
      // The element's name: its aria-label, the text it is labelled by, its table's caption.
      const [name, scrollerName] = named.map((el) =>
        (
          el.getAttribute('aria-label') ??
          document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ??
          el.querySelector('caption')?.textContent ??
          el.className
        )
          .replace(/\s+/g, ' ')
          .trim()
          .slice(0, 90),
      );
      if (what === 'charts') {
        const rect = box.getBoundingClientRect();
        const svg = box.querySelector('svg')?.getBoundingClientRect();
        boxes.push({
          name: `the chart of "${name}"`,
          left: Math.min(rect.left, svg?.left ?? rect.left),
          right: Math.max(rect.right, svg?.right ?? rect.right),
          overflow: 0,
          region: false,
        });
        continue;
      }
      const parent = box.parentElement!;
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(parent).overflowX);
      const rect = (scrolls ? parent : box).getBoundingClientRect();
      const role = parent.getAttribute('role') ?? (parent.tagName === 'SECTION' ? 'region' : null);
      boxes.push({
        name: name!,
        left: rect.left,
        right: rect.right,
        overflow: scrolls ? parent.scrollWidth - parent.clientWidth : 0,
        region: scrolls && role === 'region' && scrollerName !== '' && parent.tabIndex === 0,
      });
    }
    return { width: document.documentElement.clientWidth, pageWidth: document.documentElement.scrollWidth, boxes };
  }, what);
}

/**
 * At 390 px the page does not scroll sideways, its charts lie within it, and so do its tables with
 * every figure showing its table; a table wider than its box scrolls in a labelled, focusable region.
 * With `fits`, no table is wider than its box. Back at 1280 px with the charts afterwards.
 */
async function assertPhoneLayout(e2e: E2E, page: Page, label: string, options: { fits: boolean; shot?: string }) {
  await page.setViewportSize(PHONE);
  await waitForCharts(page, 3);
  const charts = await phoneBoxes(page, 'charts');
  const show = page.locator('main figure button.kl-toggle');
  const toggles = await show.count();
  for (let i = 0; i < toggles; i++) await show.nth(i).click();
  const tables = await phoneBoxes(page, 'tables');
  if (options.shot)
    await page.screenshot({ path: path.join(e2e.resultsDir, `${options.shot}-phone.png`), fullPage: true });
  // Back to the charts (the same toggles), at desktop width.
  for (let i = 0; i < toggles; i++) await show.nth(i).click();
  await page.setViewportSize(DESKTOP);

  const wider = tables.boxes
    .filter((box) => box.overflow > 1)
    .map((box) => `"${box.name}" ${box.overflow} px wider than its box${box.region ? ' (a region)' : ''}`);
  e2e.log(
    `    ${label}: ${charts.boxes.length} charts, ${tables.boxes.length} tables; ${wider.join('; ') || 'all fit'}`,
  );
  assert(charts.boxes.length >= 3 && tables.boxes.length > charts.boxes.length, `${label}: charts and tables measured`);
  for (const { width, pageWidth } of [charts, tables]) {
    assert(pageWidth <= width, `${label}: the page is ${pageWidth} px wide at ${width} px`);
  }
  const outside = [...charts.boxes, ...tables.boxes].filter((box) => box.left < -1 || box.right > PHONE.width + 1);
  assertEqual(
    outside.map((box) => `${box.name} (${Math.round(box.left)}–${Math.round(box.right)} px)`).join('; '),
    '',
    `${label}: boxes outside the page`,
  );
  const unreachable = tables.boxes.filter((box) => box.overflow > 1 && !box.region);
  assertEqual(
    unreachable.map((box) => box.name).join('; '),
    '',
    `${label}: tables that scroll outside a labelled, focusable region`,
  );
  if (options.fits) assertEqual(wider.join('; '), '', `${label}: tables wider than their box at 390 px`);
}

export const scenarios: Scenario[] = [
  {
    name: 'Klimatläget: published by the kansli, read signed out with charts, tables and a print layout',
    async run(e2e) {
      await publishLastYear(e2e, await e2e.newContext(), { emissions: true, yearBefore: true });

      const context = await e2e.newContext();
      const page = await context.newPage();
      const { report } = (await (
        await context.request.get(`${e2e.baseUrl}/api/klimatlaget/${LAST_YEAR}`)
      ).json()) as ReportBody;
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
      for (const chart of await page.locator('figure .kl-chart[role="img"]').all()) {
        const label = await chartSummary(chart);
        assert(label.length > 30, `a chart without a useful text alternative: "${label}"`);
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
      // The button now says what it does next, not what it did.
      const back = bands.getByRole('button', { name: 'Visa som diagram' });
      await back.waitFor();
      assertEqual(await toggle.count(), 0, 'no "Visa som tabell" while the table shows');
      await bands.getByRole('table').getByRole('rowheader', { name: 'Inget betyg' }).waitFor();
      assert(await shown(), 'the table shows after the toggle');
      assertEqual(await bands.locator('.kl-chart svg').isVisible(), false, 'the chart hides behind the table');
      await back.click();
      await bands.locator('.kl-chart svg').waitFor();
      await toggle.waitFor();
      // Each toggle's name is its visible label and then its chart's title, so a screen reader's list
      // of buttons tells them apart (and speech input saying the label still finds them).
      const toggleNames = new Set<string>();
      for (const figure of await figures.all()) {
        const title = ((await figure.locator('caption').textContent()) ?? '').replace(/\s+/g, ' ').trim();
        const name = `Visa som tabell: ${title}`;
        await figure.getByRole('button', { name, exact: true }).waitFor();
        toggleNames.add(name);
      }
      assertEqual(toggleNames.size, charts, 'a different toggle name per chart');

      // The band legend: the thresholds the scoring used, as share of maximum and as points per type.
      const legend = page.getByRole('table', { name: 'Så sätts betyget' });
      const kommun = report.byType.kommun;
      assert(kommun.scoreBands && kommun.scoreBands.length > 1, 'the report holds the kommun bands');
      const [top, next] = kommun.scoreBands;
      const bottom = kommun.scoreBands.at(-1)!;
      const above = kommun.scoreBands.at(-2)!;
      const row = (label: string) => legend.getByRole('row', { name: new RegExp(`^${label}\\b`) });
      const cell = (label: string, text: string) => row(label).getByRole('cell', { name: text, exact: true }).waitFor();
      await cell(top!.label, `minst ${percentSv(top!.minShare)}`);
      await cell(top!.label, `minst ${decimalSv(top!.minShare * kommun.max)}`);
      await cell(next!.label, `minst ${percentSv(next!.minShare)}`);
      await cell(bottom.label, `under ${percentSv(above.minShare)}`);
      await legend.getByRole('columnheader', { name: `Kommun, poäng (max ${decimalSv(kommun.max)})` }).waitFor();

      // The change since the year before, for those that answered both years (two years published).
      assert(report.yearOnYear, `the seed gives ${LAST_YEAR} a comparison with ${YEAR_BEFORE}`);
      const change = page.locator('.kl-figures > div', {
        has: page.locator('dt', { hasText: `Förändring sedan ${YEAR_BEFORE}` }),
      });
      await change
        .getByText(`för de ${report.yearOnYear.organisations} som svarade båda åren`, { exact: false })
        .waitFor();
      assert(
        /^[+−-]?\d+,\d procentenheter$/.test(
          ((await change.locator('.kl-big').textContent()) ?? '').replace(/\s+/g, ' '),
        ),
        'the change in percentage points',
      );
      await page
        .locator('.kl-years')
        .getByRole('link', { name: String(YEAR_BEFORE) })
        .waitFor();

      // Klimatläget over the years: both published years' means, as each year's own report has them.
      const kommunMean = async (y: number) =>
        (
          (await (await fetch(`${e2e.baseUrl}/api/klimatlaget/${y}`)).json()) as {
            report: { byType: { kommun: { total: { mean: number } | null } } };
          }
        ).report.byType.kommun.total?.mean;
      const overYears = page.getByRole('figure', { name: /Andel av maxpoängen per år/ });
      for (const y of [YEAR_BEFORE, LAST_YEAR]) {
        const mean = await kommunMean(y);
        assert(mean !== undefined, `the kommuner's mean ${y} is shown`);
        const yearRow = overYears
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${y}`) }) });
        await yearRow.getByRole('cell', { name: percentSv(mean), exact: true }).waitFor({ state: 'attached' });
      }
      await overYears.getByRole('rowheader', { name: `${LAST_YEAR} (denna rapport)` }).waitFor({ state: 'attached' });
      // Each area over the years: the kommuner's mean per area each year, as each year's report has it.
      const areasOf = async (y: number) =>
        (
          (await (await fetch(`${e2e.baseUrl}/api/klimatlaget/${y}`)).json()) as {
            report: { byType: { kommun: { sections: Array<{ name: string; title: string; mean: number | null }> } } };
          }
        ).report.byType.kommun.sections;
      const [areasBefore, areasLast] = [await areasOf(YEAR_BEFORE), await areasOf(LAST_YEAR)];
      const last = areasLast.find(
        (area) => area.mean !== null && areasBefore.some((b) => b.name === area.name && b.mean !== null),
      );
      assert(last, 'an area with a mean in both years');
      const before = areasBefore.find((area) => area.name === last.name)!;
      const areasFigure = page.getByRole('figure', {
        name: `Kommunerna: andel av maxpoängen per område, ${YEAR_BEFORE} och ${LAST_YEAR}`,
      });
      const areaRow = areasFigure
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: last.title, exact: true }) });
      for (const mean of [before.mean!, last.mean!])
        await areaRow
          .getByRole('cell', { name: percentSv(mean), exact: true })
          .first()
          .waitFor({ state: 'attached' });

      // Which year the emission figures are for: the network's in the key figure, Sweden's in its label.
      assert(report.emissions, 'the imported emissions are in the report');
      await page.getByText(`Utsläpp per invånare ${report.emissions.latestYear}`, { exact: true }).waitFor();
      const national = report.emissions.national;
      const nationalLabel =
        national.year !== null ? `Riket ${national.year}` : `Riket (uppgift publicerad ${national.quotedIn})`;
      await page
        .getByRole('figure', { name: /Utsläpp per invånare över tid/ })
        .getByRole('rowheader', { name: nationalLabel })
        .waitFor({ state: 'attached' });
      await page
        .locator('.kl-figures')
        .getByText(`${nationalLabel}: ${decimalSv(national.perInhabitant)} ton`, { exact: false })
        .waitFor();
      // The bars are the kommuner's (the report's basis), not "the network"; the one national figure
      // drawn across every year says which year it is from.
      const trendFigure = page.getByRole('figure', { name: /Utsläpp per invånare över tid/ });
      await trendFigure
        .getByRole('columnheader', { name: 'Kommunerna, ton per invånare' })
        .waitFor({ state: 'attached' });
      await trendFigure.locator('.kl-legend').getByText('Kommunerna, ton per invånare', { exact: true }).waitFor();
      assertEqual(await trendFigure.getByText(/Nätverket/).count(), 0, 'an emissions series named "Nätverket"');
      await trendFigure
        .locator('.kl-figure-note')
        .getByText(
          national.year !== null
            ? `Rikets siffra är från ${national.year}`
            : `Rikets siffra är hämtad ur en källa publicerad ${national.quotedIn}`,
          { exact: false },
        )
        .waitFor();
      // A year with figures from only two kommuner is withheld, not drawn, and its count still shown.
      const thin = page
        .getByRole('figure', { name: /Utsläpp per invånare över tid/ })
        .getByRole('row', { name: new RegExp(`^${THIN_YEAR}\\b`) });
      await thin.getByRole('cell', { name: 'För få svar för att visa' }).waitFor({ state: 'attached' });
      await thin.getByRole('cell', { name: '2', exact: true }).waitFor({ state: 'attached' });
      assert(
        report.emissions.trend.some((p) => p.year === THIN_YEAR && p.perInhabitant === null && p.organisations === 2),
        `the report withholds ${THIN_YEAR}`,
      );

      await e2e.axe(page, `/klimatlaget/${LAST_YEAR}`);
      // 400 % zoom is a 320 px wide page (WCAG 1.4.10): nothing may make the page itself scroll sideways.
      await page.setViewportSize({ width: 320, height: 800 });
      await page.getByRole('heading', { level: 2, name: 'I korthet' }).waitFor();
      const overflow = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        // The outermost elements that stick out, to say what to fix.
        wide: [...document.querySelectorAll('main *')]
          .filter((el) => el.getBoundingClientRect().right > 321)
          .filter((el) => (el.parentElement?.getBoundingClientRect().right ?? 0) <= 321)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      }));
      assert(overflow.width <= 320, `at 320 px the page is ${overflow.width} px wide: ${overflow.wide.join(', ')}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await e2e.screenshot(page, 'klimatlaget');
      await printScreenshot(e2e, page, 'klimatlaget');

      // Only the report's own chunks: no survey-core, no console.
      const loaded = watch.scripts.map((u) => new URL(u).pathname);
      assert(!loaded.some((u) => /SurveyPage-|survey-core|AdminHome-/.test(u)), `unexpected assets: ${loaded}`);
      assert(
        loaded.some((u) => /KlimatlagetPage-/.test(u)) && loaded.some((u) => /chart-setup-/.test(u)),
        'the report and chart chunks loaded',
      );

      // English: the interface and the survey's texts switch, from the English titles in the snapshot.
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 2, name: 'In brief' }).waitFor();
      const energy = kommun.sections.find((s) => s.name === 'energi');
      assert(energy?.titleEn, 'the snapshot has the English area titles');
      await page.getByRole('heading', { level: 3, name: energy.titleEn, exact: true }).first().waitFor();
      await page.getByRole('figure', { name: new RegExp(`^${energy.titleEn}: share answering yes`) }).waitFor();
      // The gate area is named by the app itself, in English: not marked as Swedish.
      const gateAreas = page.getByRole('heading', { level: 3, name: 'Basic requirements', exact: true });
      await gateAreas.first().waitFor();
      for (const heading of await gateAreas.all()) {
        assertEqual(await heading.getAttribute('lang'), null, 'lang on the "Basic requirements" heading');
      }
      const gate = kommun.questions.find((q) => q.gate);
      assert(gate?.titleEn, 'the snapshot has the English question titles');
      await page.getByText(gate.titleEn, { exact: true }).first().waitFor();
      assertEqual(await page.getByText(gate.title, { exact: true }).count(), 0, 'no Swedish gate title left');
      assertEqual(await page.getByText(/shown in Swedish/).count(), 0, 'no notice that texts are Swedish');
      await page.getByRole('table', { name: 'How grades are set' }).waitFor();
      await page.locator('dt', { hasText: `Change since ${YEAR_BEFORE}` }).waitFor();
      await page
        .getByText(
          national.year !== null ? `Sweden ${national.year}` : `Sweden (figure published ${national.quotedIn})`,
          {
            exact: false,
          },
        )
        .first()
        .waitFor();
      await waitForCharts(page, 3);
      await e2e.axe(page, `/klimatlaget/${LAST_YEAR} in English`);
      await e2e.screenshot(page, 'klimatlaget-en');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.getByRole('heading', { level: 2, name: 'I korthet' }).waitFor();

      // An unpublished year answers plainly.
      await page.goto(`${e2e.baseUrl}/klimatlaget/${LAST_YEAR + 1}`);
      await page.getByText(`Klimatläget ${LAST_YEAR + 1} är inte publicerat ännu.`).waitFor();
      await page.getByRole('link', { name: `Klimatläget ${LAST_YEAR}` }).waitFor();
      // A year no survey ran (the seed's campaigns start the year before last) is not "not yet":
      // the API's no_survey says so, and the page leads on to the published years.
      const never = YEAR_BEFORE - 1;
      await page.goto(`${e2e.baseUrl}/klimatlaget/${never}`);
      await page.getByText(`Det finns inget medlemstest för ${never}`, { exact: false }).waitFor();
      assertEqual(await page.getByText('inte publicerat', { exact: false }).count(), 0, '"inte publicerat"');
      await page.getByRole('link', { name: `Klimatläget ${LAST_YEAR}` }).waitFor();
      // An address that is no year is never named as one, and leads on to the published years.
      for (const segment of ['abc', `${LAST_YEAR}.5`]) {
        await page.goto(`${e2e.baseUrl}/klimatlaget/${segment}`);
        await page.getByText('Sidans adress anger inget år', { exact: false }).waitFor();
        await page.getByRole('heading', { level: 1, name: 'Klimatläget', exact: true }).waitFor();
        assert(!(await page.title()).includes(segment), `the title names "${segment}": ${await page.title()}`);
        await page.getByRole('link', { name: `Klimatläget ${LAST_YEAR}` }).waitFor();
      }
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'Klimatläget on a phone: with three published years every chart and table fits 390 px, in Swedish and English',
    async run(e2e) {
      const published = await (await fetch(`${e2e.baseUrl}/api/klimatlaget/${LAST_YEAR}`)).json().catch(() => null);
      await publishLastYear(e2e, await e2e.newContext(), {
        yearBefore: true,
        emissions: !published?.report?.emissions,
      });
      const context = await e2e.newContext();
      const page = await context.newPage();
      const watch = watchPage(page);
      // Three years: the areas over the years get a column each, beside the area and the change.
      await page.route('**/api/klimatlaget', withEarlierYears(1));
      await page.goto(`${e2e.baseUrl}/klimatlaget/${LAST_YEAR}`);
      const areas = page.getByRole('figure', {
        name: `Kommunerna: andel av maxpoängen per område, ${YEAR_BEFORE} och ${LAST_YEAR}`,
      });
      await areas
        .getByRole('columnheader', { name: String(YEAR_BEFORE - 1), exact: true })
        .waitFor({ state: 'attached' });
      await page.getByRole('figure', { name: /Utsläpp per invånare över tid/ }).waitFor();
      await waitForCharts(page, 3);
      await assertPhoneLayout(e2e, page, 'Swedish, three years', { fits: true, shot: 'klimatlaget-tables' });
      await e2e.screenshot(page, 'klimatlaget-three-years');

      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 2, name: 'In brief' }).waitFor();
      await waitForCharts(page, 3);
      await assertPhoneLayout(e2e, page, 'English, three years', { fits: true, shot: 'klimatlaget-tables-en' });
      await e2e.screenshot(page, 'klimatlaget-three-years-en');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.getByRole('heading', { level: 2, name: 'I korthet' }).waitFor();

      // Five years do not fit beside the area and the change: that table scrolls in its own region.
      await page.unroute('**/api/klimatlaget');
      await page.route('**/api/klimatlaget', withEarlierYears(3));
      await page.reload();
      await areas
        .getByRole('columnheader', { name: String(YEAR_BEFORE - 3), exact: true })
        .waitFor({ state: 'attached' });
      await waitForCharts(page, 3);
      await assertPhoneLayout(e2e, page, 'Swedish, five years', { fits: false });
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'Klimatläget: a withheld median or share is stated in no text alternative, in Swedish or English',
    async run(e2e) {
      await publishLastYear(e2e, await e2e.newContext(), { yearBefore: true });
      const context = await e2e.newContext();
      const page = await context.newPage();
      const watch = watchPage(page);
      // Over the years, the year before as a year of four: its mean shown, its median withheld.
      await page.route(
        '**/api/klimatlaget',
        reshapeRoute(async (route) => {
          const served = await route.fetch();
          const list = (await served.json()) as Array<{
            year: number;
            figures?: { kommun?: { median: number | null } };
          }>;
          const before = list.find((entry) => entry.year === YEAR_BEFORE)?.figures?.kommun;
          if (before) before.median = null;
          await route.fulfill({ response: served, json: list });
        }),
      );
      // The report as it is served for three or four kommuner (shared/klimatlaget/suppression.ts): the
      // medians withheld, the means shown. The seed has more, so the published report is reshaped here,
      // and the energy area's shares withheld as for follow-ups that only two answered.
      await page.route(
        `**/api/klimatlaget/${LAST_YEAR}`,
        reshapeRoute(async (route) => {
          const served = await route.fetch();
          const body = (await served.json()) as { report: WithheldReport };
          const { report } = body;
          if (report.total) report.total.median = null;
          const kommun = report.byType.kommun;
          if (kommun.total) kommun.total.median = null;
          for (const section of kommun.sections) section.median = null;
          for (const question of kommun.questions) {
            if (question.section !== 'energi' || !question.yes) continue;
            question.yes = { ...question.yes, count: null, share: null };
            question.suppressed = true;
          }
          await route.fulfill({ response: served, json: body });
        }),
      );
      await page.goto(`${e2e.baseUrl}/klimatlaget/${LAST_YEAR}`);
      await page.getByRole('heading', { level: 2, name: 'I korthet' }).waitFor();
      await waitForCharts(page, 3);

      const sections = page.getByRole('figure', { name: /Kommunernas andel av maxpoängen per område/ });
      const energy = page.getByRole('figure', { name: /^Energi: andel som svarade ja/ });
      const label = async (figure: typeof sections) => chartSummary(figure.locator('.kl-chart[role="img"]'));
      // The areas chart draws means only: its name and note say so, and its table has no median column.
      const summary = await label(sections);
      assert(/ med medelvärde av andelen av maxpoängen\. Högst medelvärde: /.test(summary), `summary: ${summary}`);
      assert(!/median/i.test(summary), `the summary names a median that is not shown: ${summary}`);
      const note = (await sections.locator('.kl-figure-note').textContent()) ?? '';
      assert(note.startsWith('Medelvärde av hur stor andel'), `note: ${note}`);
      assertEqual(await sections.getByRole('columnheader', { name: 'Median' }).count(), 0, 'median columns');
      await page.locator('.kl-figures .kl-small', { hasText: /^Medelvärde$/ }).waitFor();
      // An area whose shares are all withheld names its questions, not a highest or lowest share.
      const energySummary = await label(energy);
      assert(/ För få svar för att visa: .+\?\.$/.test(energySummary), `energy summary: ${energySummary}`);
      assert(!/Högst|Lägst|%/.test(energySummary), `the energy summary states a share: ${energySummary}`);
      // Over the years: a median withheld beside a shown mean says from when it shows, not "too few".
      const beforeRow = page
        .getByRole('figure', { name: /Andel av maxpoängen per år/ })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: String(YEAR_BEFORE), exact: true }) });
      await beforeRow
        .getByRole('cell', { name: 'Visas först vid minst 5 svar', exact: true })
        .waitFor({ state: 'attached' });
      assertEqual(
        await beforeRow.getByRole('cell', { name: 'För få svar för att visa' }).count(),
        0,
        `"too few" in the ${YEAR_BEFORE} row`,
      );
      await e2e.axe(page, `/klimatlaget/${LAST_YEAR} with medians withheld`);
      await e2e.screenshot(page, 'klimatlaget-medians-withheld');

      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 2, name: 'In brief' }).waitFor();
      await waitForCharts(page, 3);
      const sectionsEn = page.getByRole('figure', { name: /Municipalities' share of maximum points per area/ });
      const summaryEn = await label(sectionsEn);
      assert(/ with the mean share of maximum points\. Highest mean: /.test(summaryEn), `summary: ${summaryEn}`);
      assert(!/median/i.test(summaryEn), `the English summary names a median that is not shown: ${summaryEn}`);
      const noteEn = (await sectionsEn.locator('.kl-figure-note').textContent()) ?? '';
      assert(noteEn.startsWith('Mean of the share'), `note: ${noteEn}`);
      const energyTitle = (
        await (await context.request.get(`${e2e.baseUrl}/api/klimatlaget/${LAST_YEAR}`)).json()
      ).report.byType.kommun.sections.find((s: { name: string }) => s.name === 'energi')?.titleEn;
      assert(energyTitle, 'the snapshot has the English area titles');
      const energyEn = await label(
        page.getByRole('figure', { name: new RegExp(`^${energyTitle}: share answering yes`) }),
      );
      assert(
        / Too few responses to show: .+\?\.$/.test(energyEn) && !/Highest|%/.test(energyEn),
        `energy summary: ${energyEn}`,
      );
      await page.getByRole('button', { name: 'På svenska' }).click();
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'Klimatläget in English from a snapshot without English texts: every Swedish text in a chart is tagged lang="sv"',
    async run(e2e) {
      // The national source is shown only beside an emissions chart: import emissions unless an
      // earlier scenario of this run did.
      const published = await (await fetch(`${e2e.baseUrl}/api/klimatlaget/${LAST_YEAR}`)).json().catch(() => null);
      await publishLastYear(e2e, await e2e.newContext(), { emissions: !published?.report?.emissions });
      const context = await e2e.newContext();
      const page = await context.newPage();
      const watch = watchPage(page);
      // A snapshot published before English texts were stored: the Swedish texts alone.
      let served: ReportBody['report'] & { emissions: { national: { source: string } } } = undefined as never;
      await page.route(
        `**/api/klimatlaget/${LAST_YEAR}`,
        reshapeRoute(async (route) => {
          const response = await route.fetch();
          // Every English survey text left out, wherever it stands (areas, questions, answers).
          const body = JSON.parse(await response.text(), (key, value) =>
            key === 'titleEn' || key === 'textEn' ? undefined : value,
          );
          served = body.report;
          await route.fulfill({ response, json: body });
        }),
      );
      await page.goto(`${e2e.baseUrl}/klimatlaget/${LAST_YEAR}`);
      await page.getByRole('heading', { level: 2, name: 'I korthet' }).waitFor();
      await waitForCharts(page, 3);
      assertEqual(await page.locator('figure [lang="sv"]').count(), 0, 'lang="sv" in a figure of the Swedish page');
      assert(!JSON.stringify(served).includes('titleEn'), 'the served report still has English titles');
      const kommun = served.byType.kommun;
      const energy = kommun.sections.find((s) => s.name === 'energi')!;

      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 2, name: 'In brief' }).waitFor();
      await page.getByText(/shown in Swedish/).waitFor();
      await waitForCharts(page, 3);
      // As JSON, so assertEqual compares the texts, not the arrays.
      const swedishIn = async (scope: Locator) => JSON.stringify(await scope.locator('[lang="sv"]').allTextContents());
      const summaryOf = (figure: Locator) =>
        figure.locator('.kl-chart[role="img"]').evaluate((el) => {
          const summary = document.getElementById(el.getAttribute('aria-labelledby') ?? '');
          return {
            text: summary?.textContent ?? '',
            swedish: [...(summary?.querySelectorAll('[lang="sv"]') ?? [])].map((e) => e.textContent ?? ''),
          };
        });

      // The area chart: its name and caption say the area's Swedish name, tagged, in an English sentence.
      const area = page.getByRole('figure', { name: `${energy.title}: share answering yes` });
      await area.waitFor();
      assertEqual(
        await swedishIn(area.locator('caption')),
        JSON.stringify([energy.title]),
        'the Swedish part of the caption',
      );
      // Its summary names questions by their Swedish titles, each tagged, the English words not.
      const titles = new Set(kommun.questions.map((q) => q.title));
      const areaSummary = await summaryOf(area);
      assert(areaSummary.text.startsWith('Bar chart of '), `area summary: ${areaSummary.text}`);
      assert(areaSummary.swedish.length > 0, `no Swedish part tagged in: ${areaSummary.text}`);
      for (const part of areaSummary.swedish) assert(titles.has(part), `tagged, but not a question's title: ${part}`);
      // The areas chart's summary: the highest and lowest area by their Swedish names, tagged.
      const sections = page.getByRole('figure', { name: /Municipalities' share of maximum points per area/ });
      const sectionsSummary = await summaryOf(sections);
      const areaTitles = new Set(kommun.sections.map((s) => s.title));
      assert(sectionsSummary.swedish.length >= 2, `areas summary: ${sectionsSummary.text}`);
      for (const part of sectionsSummary.swedish) assert(areaTitles.has(part), `tagged, but not an area: ${part}`);
      // The emissions note names its source as stored, in Swedish.
      const trend = page.getByRole('figure', { name: /Emissions per inhabitant over time/ });
      assertEqual(
        await swedishIn(trend.locator('.kl-figure-note')),
        JSON.stringify([served.emissions.national.source]),
        'the Swedish part of the emissions note',
      );
      await e2e.axe(page, `/klimatlaget/${LAST_YEAR} in English without English texts`);
      await e2e.screenshot(page, 'klimatlaget-en-swedish-texts');
      await page.getByRole('button', { name: 'På svenska' }).click();
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'scorecard: a member sees own points per area against the network, and the lost points',
    async run(e2e) {
      // Publishing again makes a new revision; either way last year is published, with emissions
      // (imported here unless an earlier scenario of this run did), so the scenario also runs alone.
      const published = await (await fetch(`${e2e.baseUrl}/api/klimatlaget/${LAST_YEAR}`)).json().catch(() => null);
      await publishLastYear(e2e, await e2e.newContext(), { emissions: !published?.report?.emissions });
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, MEMBER);
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 2, name: `Klimatläget ${LAST_YEAR} är publicerat` }).waitFor();
      await e2e.screenshot(page, 'home-results');
      await page.getByRole('link', { name: 'Se ert resultat' }).click();
      await page.getByRole('heading', { level: 1, name: `Ert resultat ${LAST_YEAR}` }).waitFor();
      // The organisation's name from the register, on the page and in the window title.
      await page.locator('.eyebrow', { hasText: 'Lund · Kommun' }).waitFor();
      assert((await page.title()).startsWith(`Lund: Ert resultat ${LAST_YEAR}`), `title: ${await page.title()}`);
      // Lund answered both seeded years: its own areas over the years are a chart of their own, and
      // with the year before published too (by an earlier scenario), so is its result over the years.
      const listed = (await (await fetch(`${e2e.baseUrl}/api/klimatlaget`)).json()) as Array<{ year: number }>;
      const served = (await (await page.request.get(`${e2e.baseUrl}/api/campaigns/${LAST_YEAR}/scorecard`)).json()) as {
        areasOverTheYears?: unknown;
      };
      const charts = 1 + (listed.some((y) => y.year === YEAR_BEFORE) ? 1 : 0) + (served.areasOverTheYears ? 1 : 0);
      assertEqual(await waitForCharts(page, charts), charts, 'charts on the scorecard');
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
      // The emission outcome stands apart from the score.
      await page.getByRole('heading', { level: 2, name: 'Utfall: utsläpp' }).waitFor();
      await page.getByText('räknas inte in i poängen ovan').waitFor();
      await e2e.axe(page, '/resultat');
      await e2e.screenshot(page, 'scorecard');
      await printScreenshot(e2e, page, 'scorecard');
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'scorecard on a phone: with three years every chart and table fits 390 px, in Swedish and English',
    async run(e2e) {
      const published = await (await fetch(`${e2e.baseUrl}/api/klimatlaget/${LAST_YEAR}`)).json().catch(() => null);
      await publishLastYear(e2e, await e2e.newContext(), {
        yearBefore: true,
        emissions: !published?.report?.emissions,
      });
      const page = await e2e.signIn(await e2e.newContext(), MEMBER);
      const watch = watchPage(page);
      const scorecard = `**/api/campaigns/${LAST_YEAR}/scorecard`;
      // Three years: the member's areas over the years get a column each, beside the area and the change.
      await page.route(scorecard, withEarlierOwnYears(1));
      await page.goto(`${e2e.baseUrl}/resultat/${LAST_YEAR}`);
      const areas = page.getByRole('figure', {
        name: `Era områden ${YEAR_BEFORE} och ${LAST_YEAR}: andel av maxpoängen`,
      });
      await areas
        .getByRole('columnheader', { name: String(YEAR_BEFORE - 1), exact: true })
        .waitFor({ state: 'attached' });
      await page.getByRole('heading', { level: 2, name: 'Ert resultat över åren' }).waitFor();
      await waitForCharts(page, 3);
      await assertPhoneLayout(e2e, page, 'Swedish, three years', { fits: true, shot: 'scorecard-tables' });
      await e2e.screenshot(page, 'scorecard-three-years');
      // The phone's tables, with each area's maximum under it, as a screen reader meets them.
      await page.setViewportSize(PHONE);
      await areas
        .getByRole('rowheader', { name: /maxpoäng \d+$/ })
        .first()
        .waitFor({ state: 'attached' });
      await e2e.axe(page, '/resultat on a phone, three years');
      await page.setViewportSize(DESKTOP);

      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Your areas over the years' }).waitFor();
      await waitForCharts(page, 3);
      await assertPhoneLayout(e2e, page, 'English, three years', { fits: true, shot: 'scorecard-tables-en' });
      await e2e.screenshot(page, 'scorecard-three-years-en');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.getByRole('heading', { level: 2, name: 'Era områden över åren' }).waitFor();

      // Five years do not fit beside the area and the change: that table scrolls in its own region.
      await page.unroute(scorecard);
      await page.route(scorecard, withEarlierOwnYears(3));
      await page.reload();
      await areas
        .getByRole('columnheader', { name: String(YEAR_BEFORE - 3), exact: true })
        .waitFor({ state: 'attached' });
      await waitForCharts(page, 3);
      await assertPhoneLayout(e2e, page, 'Swedish, five years', { fits: false });
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Your areas over the years' }).waitFor();
      await waitForCharts(page, 3);
      await assertPhoneLayout(e2e, page, 'English, five years', { fits: false, shot: 'scorecard-five-years-en' });
      await page.getByRole('button', { name: 'På svenska' }).click();
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'scorecard: a member that missed a basic requirement sees which one, and what it means for the grade',
    async run(e2e) {
      // A kommun whose submitted answers miss a basic requirement (the seed has a few), found as the kansli.
      const kansli = await e2e.newContext();
      await publishLastYear(e2e, kansli);
      const { responses } = (await (
        await kansli.request.get(`${e2e.baseUrl}/api/admin/campaigns/${LAST_YEAR}/responses`)
      ).json()) as {
        responses: Array<{ organisation: { id: string; name: string; type: string }; score?: { gatePassed: boolean } }>;
      };
      const failing = responses.find((r) => r.organisation.type === 'kommun' && r.score?.gatePassed === false);
      assert(failing, 'the seed has a kommun that missed a basic requirement');
      const expected = (await (
        await kansli.request.get(
          `${e2e.baseUrl}/api/admin/campaigns/${LAST_YEAR}/scorecards/${failing.organisation.id}`,
        )
      ).json()) as {
        failedGates: Array<{ title: string; titleEn?: string }>;
        bandIfGatePassed?: string | null;
        sections: Array<{ name: string; title: string; titleEn?: string }>;
      };
      assert(expected.failedGates.length > 0, 'the scorecard names the failed requirement');

      const context = await e2e.newContext();
      const page = await e2e.signIn(context, `tjansteperson.${failing.organisation.id}@example.se`);
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/resultat/${LAST_YEAR}`);
      await page.getByRole('heading', { level: 1, name: `Ert resultat ${LAST_YEAR}` }).waitFor();
      await page.locator('.eyebrow', { hasText: `${failing.organisation.name} · Kommun` }).waitFor();
      const notice = page.getByRole('note', { name: 'Därför får ni inget betyg i år' });
      for (const gate of expected.failedGates) await notice.getByText(gate.title, { exact: true }).waitFor();
      if (expected.bandIfGatePassed) {
        await notice.getByText(`gett betyg ${expected.bandIfGatePassed} (minst`, { exact: false }).waitFor();
      }
      // The key figure links to the explanation, by keyboard too.
      const why = page.getByRole('link', { name: 'Alla baskrav är inte uppfyllda' });
      await why.focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/#sc-gate$/);
      await e2e.axe(page, '/resultat with a failed basic requirement');
      await e2e.screenshot(page, 'scorecard-gate');

      // English: the requirement and the areas are named in English.
      await page.getByRole('button', { name: 'In English' }).click();
      const noticeEn = page.getByRole('note', { name: 'Why you receive no grade this year' });
      for (const gate of expected.failedGates) {
        assert(gate.titleEn, 'the requirement has an English title');
        await noticeEn.getByText(gate.titleEn, { exact: true }).waitFor();
      }
      const energy = expected.sections.find((s) => s.name === 'energi');
      assert(energy?.titleEn, 'the area has an English title');
      await page.getByRole('rowheader', { name: energy.titleEn, exact: true }).first().waitFor({ state: 'attached' });
      await e2e.axe(page, '/resultat in English');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.getByRole('heading', { level: 1, name: `Ert resultat ${LAST_YEAR}` }).waitFor();
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'scorecard: other years only with a result, addresses with no year or no survey, a network too few to compare',
    async run(e2e) {
      // Both years published; a kommun that submitted last year but not the year before (the seed has some).
      const kansli = await e2e.newContext();
      await publishLastYear(e2e, kansli, { yearBefore: true });
      type Responses = {
        responses: Array<{ organisation: { id: string; name: string; type: string }; status: string }>;
      };
      const submitted = async (year: number) =>
        new Set(
          (
            (await (
              await kansli.request.get(`${e2e.baseUrl}/api/admin/campaigns/${year}/responses`)
            ).json()) as Responses
          ).responses
            .filter((r) => r.status === 'submitted')
            .map((r) => r.organisation.id),
        );
      const [before, last] = [await submitted(YEAR_BEFORE), await submitted(LAST_YEAR)];
      const code = [...last].find((id) => id.length === 4 && !before.has(id));
      assert(code, `the seed has a kommun that submitted ${LAST_YEAR} but not ${YEAR_BEFORE}`);

      // A kommun with a result both years sees them side by side, with the kommuner's mean each year.
      const both = [...last].find((id) => id.length === 4 && before.has(id));
      assert(both, `the seed has a kommun that submitted ${YEAR_BEFORE} and ${LAST_YEAR}`);
      const twoYears = await e2e.signIn(await e2e.newContext(), `tjansteperson.${both}@example.se`);
      await twoYears.goto(`${e2e.baseUrl}/resultat/${LAST_YEAR}`);
      const history = twoYears.getByRole('figure', { name: /Er andel av maxpoängen per år/ });
      for (const y of [YEAR_BEFORE, LAST_YEAR]) {
        const card = (await (await twoYears.request.get(`${e2e.baseUrl}/api/campaigns/${y}/scorecard`)).json()) as {
          share: number;
        };
        await history
          .getByRole('row')
          .filter({ has: twoYears.getByRole('rowheader', { name: new RegExp(`^${y}`) }) })
          .getByRole('cell', { name: percentSv(card.share), exact: true })
          .first()
          .waitFor({ state: 'attached' });
      }
      await history.getByRole('rowheader', { name: `${LAST_YEAR} (visas ovan)` }).waitFor({ state: 'attached' });
      await e2e.axe(twoYears, '/resultat with two years');
      await e2e.screenshot(twoYears, 'scorecard-over-the-years');
      await checkOwnAreasOverTheYears(e2e, twoYears);

      const context = await e2e.newContext();
      const page = await e2e.signIn(context, `tjansteperson.${code}@example.se`);
      const watch = watchPage(page);
      // "Andra år" offers no year that would only say there is no result.
      await page.goto(`${e2e.baseUrl}/resultat/${LAST_YEAR}`);
      await page.getByRole('heading', { level: 1, name: `Ert resultat ${LAST_YEAR}` }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Här tappade ni poäng' }).waitFor();
      assertEqual(
        await page
          .locator('.kl-years')
          .getByRole('link', { name: String(YEAR_BEFORE) })
          .count(),
        0,
        `a link to ${YEAR_BEFORE}, a year without a result`,
      );
      // One year of results: nothing to compare over the years.
      assertEqual(
        await page.getByRole('heading', { name: 'Ert resultat över åren' }).count(),
        0,
        'a history of one year',
      );

      // Not a year: no year in the heading, the default year not shown as if asked for, and a way on.
      await page.goto(`${e2e.baseUrl}/resultat/abc`);
      await page.getByText('Sidans adress anger inget år', { exact: false }).waitFor();
      await page.getByRole('heading', { level: 1, name: 'Ert resultat', exact: true }).waitFor();
      assertEqual(await page.getByRole('heading', { name: 'Här tappade ni poäng' }).count(), 0, 'a scorecard shown');
      await page.getByRole('link', { name: `Se ert resultat för ${LAST_YEAR}` }).waitFor();
      // A year without a survey (the seed's campaigns start the year before last) is not "not published yet".
      const never = YEAR_BEFORE - 1;
      await page.goto(`${e2e.baseUrl}/resultat/${never}`);
      await page.getByText(`Det finns inget medlemstest för ${never}`, { exact: false }).waitFor();
      assertEqual(await page.getByText('inte publicerat ännu', { exact: false }).count(), 0, '"inte publicerat ännu"');
      await page.getByRole('link', { name: `Se ert resultat för ${LAST_YEAR}` }).waitFor();
      await e2e.screenshot(page, 'scorecard-no-survey');

      // A type too few to show (as a lone region's): nothing promises a comparison with the network;
      // no emissions imported for it: the Utfall section says so.
      await page.route(
        `**/api/campaigns/${LAST_YEAR}/scorecard`,
        reshapeRoute(async (route) => {
          const served = await route.fetch();
          const body = await served.json();
          body.network.total = null;
          body.network.sections = [];
          body.gatePassed = false;
          body.band = null;
          body.failedGates = [{ name: 'B1', title: 'Finns ett politiskt beslut?', answered: true }];
          body.emissionOutcome = null;
          body.emissionOutcomeSource = { source: 'live' };
          await route.fulfill({ response: served, json: body });
        }),
      );
      await page.goto(`${e2e.baseUrl}/resultat/${LAST_YEAR}`);
      const notice = page.getByRole('note', { name: 'Därför får ni inget betyg i år' });
      await notice.getByText('Poängen räknas ändå och visas per område här nedan.', { exact: false }).waitFor();
      assertEqual(
        await page.getByText('jämförs med nätverket', { exact: false }).count(),
        0,
        '"jämförs med nätverket"',
      );
      assertEqual(
        await page.getByText('jämfört med nätverket', { exact: false }).count(),
        0,
        '"jämfört med nätverket"',
      );
      await page.getByRole('heading', { level: 2, name: 'Utfall: utsläpp' }).waitFor();
      await page.getByText('Inga utsläppssiffror har importerats för', { exact: false }).waitFor();
      await e2e.axe(page, '/resultat with the network withheld');
      await e2e.screenshot(page, 'scorecard-network-withheld');
      await page.unroute(`**/api/campaigns/${LAST_YEAR}/scorecard`);

      // Publishing closes this year's open campaign before its deadline: the home page gives no
      // future "Stänger" date beside "Enkäten är stängd" (the campaign as the API serves it then).
      await page.route(
        '**/api/campaigns/current',
        reshapeRoute(async (route) => {
          const served = await route.fetch();
          const body = await served.json();
          body.status = 'published';
          body.closesAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
          body.closesAtForOrganisation = body.closesAt;
          await route.fulfill({ response: served, json: body });
        }),
      );
      await page.goto(`${e2e.baseUrl}/`);
      // Closed, unless the organisation already submitted this year (then the receipt is offered).
      await page.locator('[data-availability="closed"], .campaign-card a[href="/kvitto"]').first().waitFor();
      assertEqual(await page.locator('.campaign-card dt', { hasText: 'Stänger' }).count(), 0, 'a "Stänger" date');
      await e2e.screenshot(page, 'home-closed-by-publishing');
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'Klimatläget corrected: the new version says what changed, and an earlier version says it was corrected',
    async run(e2e) {
      const kansli = await e2e.newContext();
      await publishLastYear(e2e, kansli);
      const api = async (method: 'get' | 'post', url: string, data?: unknown) => {
        const response = await kansli.request[method](`${e2e.baseUrl}${url}`, {
          headers: { origin: e2e.baseUrl },
          ...(data === undefined ? {} : { data }),
        });
        return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
      };
      // The kansli corrects one of Lund's points (a question that can move), then publishes again.
      const review = await api('get', `/api/admin/campaigns/${LAST_YEAR}/responses/1281`);
      assertEqual(review.status, 200, 'review of Lund');
      const { questions } = (
        review.body.response as { effectiveScore: { questions: Array<{ name: string; points: number; max: number }> } }
      ).effectiveScore;
      const question = questions.find((q) => q.max > 0);
      assert(question !== undefined, 'a scored question');
      const points = question.points === 0 ? question.max : 0;
      const override = await api('post', `/api/admin/campaigns/${LAST_YEAR}/responses/1281/overrides`, {
        question: question.name,
        points,
        reason: 'Rättelse i e2e: beslutet fanns.',
      });
      assertEqual(override.status, 201, `override ${question.name} to ${points}: ${JSON.stringify(override.body)}`);
      // Before publishing, the kansli's dialog says what the correction changes in the public figures.
      const consolePage = await kansli.newPage();
      await consolePage.goto(`${e2e.baseUrl}/admin/kampanjer/${LAST_YEAR}`);
      await consolePage.getByRole('button', { name: 'Publicera en ny version' }).first().click();
      const dialog = consolePage.getByRole('dialog');
      const preview = dialog.getByTestId('correction-preview');
      await preview.getByRole('heading', { name: 'Det här ändras i den publicerade rapporten' }).waitFor();
      const changes = preview.getByRole('table', { name: 'Nyckeltal som ändras' });
      await changes.getByRole('rowheader', { name: 'Alla: medelvärde, andel av maxpoängen' }).waitFor();
      await changes.getByRole('columnheader', { name: /^Efter rättelsen \(version \d+\)$/ }).waitFor();
      await e2e.axe(consolePage, '/admin/kampanjer publish dialog with the correction');
      await e2e.screenshot(consolePage, 'admin-republish-preview', { fullPage: false });
      await dialog.getByRole('button', { name: 'Avbryt' }).click();
      await consolePage.close();
      const publish = await api('post', `/api/admin/campaigns/${LAST_YEAR}/publish`);
      assertEqual(publish.status, 201, `publish of the correction: ${JSON.stringify(publish.body)}`);
      const revision = publish.body.revision as number;
      assert(revision > 1, `revision ${revision}`);

      const context = await e2e.newContext();
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/klimatlaget/${LAST_YEAR}`);
      await page.getByRole('heading', { level: 1, name: `Klimatläget ${LAST_YEAR}` }).waitFor();
      // The meta line leads to the versions; the section names both versions and what changed.
      await page.getByRole('link', { name: 'vad ändrades?' }).click();
      const versions = page.getByRole('region', { name: 'Versioner och rättelser' });
      await versions.getByText(`Det här är version ${revision}`).waitFor();
      await versions.getByText(`Den rättar version ${revision - 1}`).waitFor();
      const table = versions.getByRole('table', { name: `Nyckeltal som ändrades i version ${revision}` });
      await table.getByRole('rowheader', { name: 'Alla: medelvärde, andel av maxpoängen' }).waitFor();
      await table.getByRole('rowheader', { name: 'Kommunerna: medelvärde, andel av maxpoängen' }).waitFor();
      // The two columns of the mean differ as written: enough decimals to see the correction.
      const meanRow = table.getByRole('row', { name: /^Alla: medelvärde/ });
      const [before, after] = await meanRow.getByRole('cell').allTextContents();
      assert(before !== after, `the mean reads the same in both versions: ${before} / ${after}`);
      // A point override moves the area's figures, not the answers.
      await versions.getByText(/Områden med ändrade siffror: [1-9]/).waitFor();
      assertEqual(await versions.getByText('Frågor med ändrade svar').count(), 0, 'changed answers');
      await e2e.axe(page, '/klimatlaget versions');
      await versions.scrollIntoViewIfNeeded();
      await e2e.screenshot(page, 'klimatlaget-versions');

      // An earlier version, as an old link or citation reaches it: it says it was corrected.
      await versions
        .getByRole('navigation', { name: 'Tidigare versioner' })
        .getByRole('link', { name: `Version ${revision - 1}`, exact: true })
        .click();
      await page.waitForURL(`**/klimatlaget/${LAST_YEAR}?revision=${revision - 1}`);
      const notice = page.getByRole('note').filter({ hasText: `Du läser version ${revision - 1}` });
      await notice.getByText(`version ${revision} gäller`).waitFor();
      await e2e.axe(page, '/klimatlaget earlier version');
      await e2e.screenshot(page, 'klimatlaget-earlier-version', { fullPage: false });
      await notice.getByRole('link', { name: `Läs den senaste versionen av Klimatläget ${LAST_YEAR}` }).click();
      await page.waitForURL(`**/klimatlaget/${LAST_YEAR}`);
      await page.getByRole('region', { name: 'Versioner och rättelser' }).waitFor();
      assertEqual(
        await page.getByRole('note').filter({ hasText: 'Du läser version' }).count(),
        0,
        'notice on the latest',
      );

      // In English too.
      await page.getByRole('button', { name: 'In English' }).click();
      const versionsEn = page.getByRole('region', { name: 'Versions and corrections' });
      await versionsEn.getByRole('rowheader', { name: 'All: mean, share of the maximum' }).waitFor();
      await e2e.screenshot(page, 'klimatlaget-versions-en');
      await page.getByRole('button', { name: 'På svenska' }).click();

      // A version that does not exist: said so, with the way to the latest.
      await page.goto(`${e2e.baseUrl}/klimatlaget/${LAST_YEAR}?revision=${revision + 5}`);
      await page.getByText(`Klimatläget ${LAST_YEAR} har ingen version ${revision + 5}.`).waitFor();
      await page.getByRole('link', { name: `Läs den senaste versionen av Klimatläget ${LAST_YEAR}` }).waitFor();
      assertEqual(watch.errors.filter((e) => !e.includes('404')).join('; '), '', 'browser errors');
    },
  },
];
