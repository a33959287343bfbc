import type { APIRequestContext, Page } from 'playwright-core';
import { isoToStockholmInput, stockholmInputToIso } from '../../../web/src/pages/admin/lib/stockholm-time';
import { assert, assertEqual, type E2E, type Scenario, watchPage } from '../harness';

const KANSLI = 'kansli@example.se';
/** Organisations other scenarios sign in as, excuse or remind: left alone here. */
const USED_ELSEWHERE = new Set(['12', '0180', '0187', '0380', '0580', '1280', '1281', '1480', '1780', '1880', '2081']);

interface CampaignJson {
  year: number;
  title: string;
  status: 'draft' | 'open' | 'closed' | 'published';
  opensAt: string;
  closesAt: string;
}
interface ProgressJson {
  organisationId: string;
  name: string;
  status: 'not_started' | 'draft' | 'submitted' | 'excused';
  closesAtOverride: string | null;
}

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  assert(response.ok(), `GET ${url} answered ${response.status()}`);
  return (await response.json()) as T;
}

/** What the publish dialog must say, counted here from the same endpoint. */
function expectedCounts(rows: ProgressJson[]) {
  const count = (status: ProgressJson['status']) => rows.filter((r) => r.status === status).length;
  return {
    submitted: count('submitted'),
    draft: count('draft'),
    not_started: count('not_started'),
    excused: count('excused'),
  };
}

async function assertDialogCounts(page: Page, dialogName: string, rows: ProgressJson[]): Promise<void> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.getByText(`Organisationerna i kampanjen just nu (${rows.length})`).waitFor();
  for (const [status, expected] of Object.entries(expectedCounts(rows))) {
    const shown = Number(((await dialog.locator(`[data-count="${status}"] dd`).textContent()) ?? '').trim());
    assertEqual(shown, expected, `publish dialog: ${status} count`);
  }
}

/** Whether the element with focus is the one with this id. */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

export const scenarios: Scenario[] = [
  {
    name: 'the kansli sees a campaign past its deadline, closes it from the prompt, reopens it with a new deadline and publishes with the counts in front of them',
    async run(e2e: E2E) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      const api = page.request;
      const write = { headers: { origin: e2e.baseUrl } };
      const campaigns = await getJson<CampaignJson[]>(api, `${e2e.baseUrl}/api/admin/campaigns`);
      const current = campaigns.find((c) => c.status === 'open');
      assert(current, 'the demo seed has an open campaign');
      const year = current.year;
      const originalDeadline = current.closesAt;

      // 1. An organisation gets a deadline of its own, a week after the campaign's.
      const rows = await getJson<ProgressJson[]>(api, `${e2e.baseUrl}/api/admin/campaigns/${year}/progress`);
      const extended = rows.filter((r) => r.status === 'not_started' && !USED_ELSEWHERE.has(r.organisationId)).at(-1);
      assert(extended, 'an organisation that has not started');
      const ownDeadline = new Date(Date.parse(originalDeadline) + 7 * 86_400_000).toISOString();
      const extend = await api.post(
        `${e2e.baseUrl}/api/admin/campaigns/${year}/responses/${extended.organisationId}/reopen`,
        { ...write, data: { closesAt: ownDeadline, reason: 'E2E: egen svarsdag' } },
      );
      assertEqual(extend.status(), 200, 'extend one organisation');

      // 2. Publishing the open campaign states the counts, the cut-off own deadline and that it is public.
      await page.goto(`${e2e.baseUrl}/admin/kampanjer/${year}`);
      await page.getByRole('heading', { level: 1, name: current.title }).waitFor();
      await page.getByRole('button', { name: 'Publicera Klimatläget' }).click();
      const publishName = `Publicera Klimatläget för ${current.title}?`;
      const publish = page.getByRole('dialog', { name: publishName });
      await publish.getByText(`/klimatlaget/${year}`).waitFor();
      await publish.getByText(/blir offentlig direkt/).waitFor();
      await publish.getByText(/Den stängs när du publicerar/).waitFor();
      const rowsNow = await getJson<ProgressJson[]>(api, `${e2e.baseUrl}/api/admin/campaigns/${year}/progress`);
      await assertDialogCounts(page, publishName, rowsNow);
      const ownList = publish.getByTestId('own-deadlines');
      await ownList.getByText(/^En organisation har en egen sista svarsdag/).waitFor();
      await ownList.getByRole('listitem').filter({ hasText: extended.name }).waitFor();
      assertEqual(await ownList.getByRole('listitem').count(), 1, 'one running own deadline listed');
      await e2e.axe(page, `/admin/kampanjer/${year} (publish dialog)`);
      await e2e.screenshot(page, 'admin-campaign-publish-dialog', { fullPage: false });
      await publish.getByRole('button', { name: 'Avbryt' }).click();
      await publish.waitFor({ state: 'hidden' });
      assertEqual(
        (await getJson<CampaignJson>(api, `${e2e.baseUrl}/api/admin/campaigns/${year}`)).status,
        'open',
        'cancelling publishes nothing',
      );

      // 3. The deadline passes: the overview and the campaign pages say so, with the date, and the
      // prompt lists the next steps (close, review, publish) with closing right there.
      const passed = new Date(Date.now() - 60_000).toISOString();
      const patched = await api.patch(`${e2e.baseUrl}/api/admin/campaigns/${year}`, {
        ...write,
        data: { closesAt: passed },
      });
      assertEqual(patched.status(), 200, 'move the deadline into the past');
      const passedDay = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(
        new Date(passed),
      );
      const passedTag = `Sista svarsdagen, ${passedDay}, har passerat`;
      await page.goto(`${e2e.baseUrl}/admin/?ar=${year}`);
      const overview = page.getByTestId('past-deadline-overview');
      await overview.getByText(/Nästa steg: stäng kampanjen, granska svaren och publicera Klimatläget\./).waitFor();
      await overview.getByText(passedTag, { exact: false }).waitFor();
      await overview.getByRole('link', { name: 'Stäng och publicera på kampanjsidan' }).waitFor();
      await e2e.axe(page, `/admin (past deadline)`);
      await e2e.screenshot(page, 'admin-overview-past-deadline');
      await page.goto(`${e2e.baseUrl}/admin/kampanjer`);
      const listRow = page.locator('tr', { has: page.getByRole('link', { name: current.title, exact: true }) });
      await listRow.getByText(passedTag).waitFor();
      await page.goto(`${e2e.baseUrl}/admin/kampanjer/${year}`);
      const prompt = page.getByRole('region', { name: 'Sista svarsdag har passerat – stäng kampanjen' });
      await prompt.waitFor();
      await prompt.getByText(/kan inte längre svara/).waitFor();
      await page.locator('.campaign-facts').getByText(passedTag).waitFor();
      const steps = prompt.getByRole('list', { name: 'Nästa steg' }).getByRole('listitem');
      assertEqual(await steps.count(), 3, 'three next steps');
      await steps.nth(0).getByRole('button', { name: 'Stäng kampanjen' }).waitFor();
      const review = steps.nth(1).getByRole('link', { name: `Till granskningen av ${year}` });
      assertEqual(await review.getAttribute('href'), `/admin/granskning?ar=${year}`, 'the review of the year');
      // Publishing from the prompt opens the same confirmation as the actions' button; cancelled here.
      await steps.nth(2).getByRole('button', { name: 'Publicera Klimatläget' }).click();
      const fromPrompt = page.getByRole('dialog', { name: `Publicera Klimatläget för ${current.title}?` });
      await fromPrompt.getByText(/blir offentlig direkt/).waitFor();
      await fromPrompt.getByRole('button', { name: 'Avbryt' }).click();
      await fromPrompt.waitFor({ state: 'hidden' });
      await e2e.axe(page, `/admin/kampanjer/${year} (past deadline)`);
      await e2e.screenshot(page, 'admin-campaign-past-deadline');
      await prompt.getByRole('button', { name: 'Stäng kampanjen' }).click();
      const closeName = `Stäng ${current.title}?`;
      const close = page.getByRole('dialog', { name: closeName });
      // As the publish dialog: the deadline and where the organisations stand before anything closes.
      await close.getByText(/^Sista svarsdagen, .+, har passerat\.$/).waitFor();
      const rowsAtClose = await getJson<ProgressJson[]>(api, `${e2e.baseUrl}/api/admin/campaigns/${year}/progress`);
      await assertDialogCounts(page, closeName, rowsAtClose);
      const closeOwn = close.getByTestId('close-own-deadlines');
      await closeOwn.getByText(/^En organisation har en egen, senare sista svarsdag och kan svara till den/).waitFor();
      await closeOwn.getByRole('listitem').filter({ hasText: extended.name }).waitFor();
      await e2e.axe(page, `/admin/kampanjer/${year} (close dialog)`);
      await e2e.screenshot(page, 'admin-campaign-close-dialog', { fullPage: false });
      await close.getByRole('button', { name: 'Stäng kampanjen' }).click();
      await page.getByRole('status').getByText('Kampanjen är stängd.').waitFor();
      await prompt.waitFor({ state: 'detached' });
      await page.locator('.campaign-facts').getByText('Stängd').waitFor();
      assertEqual(await focusedId(page), 'actions-heading', 'focus goes to the actions once the prompt is gone');

      // 4. "Öppna igen": the deadline has passed, so the dialog asks for a new one and saves it first.
      await page.getByRole('button', { name: 'Öppna igen' }).click();
      const reopen = page.getByRole('dialog', { name: `Öppna ${current.title} igen?` });
      await reopen.getByText(/kan svara igen fram till sista svarsdagen/).waitFor();
      await reopen.getByText(/har passerat\. Ange en ny/).waitFor();
      const field = reopen.getByLabel('Ny sista svarsdag');
      assertEqual(await field.inputValue(), '', 'no deadline suggested when the old one has passed');
      await reopen.getByRole('button', { name: 'Öppna igen' }).click();
      await reopen.getByText('Ange en ny sista svarsdag: den gamla har passerat.').waitFor();
      assertEqual(await field.getAttribute('aria-invalid'), 'true', 'the deadline field is marked invalid');
      await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'datetime-local');
      await field.fill(isoToStockholmInput(new Date(Date.now() - 3_600_000).toISOString()));
      await reopen.getByRole('button', { name: 'Öppna igen' }).click();
      await reopen.getByText('Välj en tidpunkt som ligger i framtiden.').waitFor();
      assertEqual(
        (await getJson<CampaignJson>(api, `${e2e.baseUrl}/api/admin/campaigns/${year}`)).status,
        'closed',
        'nothing is saved or opened while the dialog shows an error',
      );
      const newDeadline = isoToStockholmInput(originalDeadline);
      await field.fill(newDeadline);
      await e2e.axe(page, `/admin/kampanjer/${year} (reopen dialog)`);
      await e2e.screenshot(page, 'admin-campaign-reopen-dialog', { fullPage: false });
      await reopen.getByRole('button', { name: 'Öppna igen' }).click();
      await page
        .getByRole('status')
        .getByText(/^Kampanjen är öppen igen\. Sista svarsdag: /)
        .waitFor();
      await reopen.waitFor({ state: 'hidden' });
      const reopened = await getJson<CampaignJson>(api, `${e2e.baseUrl}/api/admin/campaigns/${year}`);
      assertEqual(reopened.status, 'open', 'the campaign is open again');
      assertEqual(reopened.closesAt, stockholmInputToIso(newDeadline), 'with the new deadline');
      await page.locator('.campaign-facts').getByText('Öppen').waitFor();
      assertEqual(await page.locator('.campaign-facts .tag-problem').count(), 0, 'no "deadline passed" any more');
      assertEqual(await focusedId(page), 'actions-heading', 'focus goes to the actions once "Öppna igen" is gone');
      await e2e.screenshot(page, 'admin-campaign-reopened');

      // 5. Last year's campaign: reopening is refused up front while this year's is open; publishing
      // shows its counts, then a link to the public report with the revision the API answered.
      const last = campaigns.find((c) => c.year === year - 1);
      assert(last && last.status !== 'draft' && last.status !== 'open', 'last year’s campaign is closed or published');
      await page.goto(`${e2e.baseUrl}/admin/kampanjer/${last.year}`);
      await page.getByRole('heading', { level: 1, name: last.title }).waitFor();
      if (last.status === 'closed') {
        await page.getByRole('button', { name: 'Öppna igen' }).click();
        const refused = page.getByRole('dialog', { name: `Öppna ${last.title} igen?` });
        await refused.getByText(`Kampanjen ${year} är öppen.`, { exact: false }).first().waitFor();
        await refused.getByRole('button', { name: 'Avbryt' }).click();
      }
      const republish = last.status === 'published';
      await page.getByRole('button', { name: republish ? 'Publicera en ny version' : 'Publicera Klimatläget' }).click();
      const lastName = republish
        ? `Publicera en ny version av ${last.title}?`
        : `Publicera Klimatläget för ${last.title}?`;
      const lastRows = await getJson<ProgressJson[]>(api, `${e2e.baseUrl}/api/admin/campaigns/${last.year}/progress`);
      await assertDialogCounts(page, lastName, lastRows);
      const lastDialog = page.getByRole('dialog', { name: lastName });
      await lastDialog.getByText('Ingen organisation har en egen sista svarsdag som fortfarande löper.').waitFor();
      await lastDialog
        .getByRole('button', { name: republish ? 'Publicera en ny version' : 'Publicera Klimatläget' })
        .click();
      // A republish with nothing changed since keeps the latest version and says so.
      const done = page
        .getByRole('status')
        .getByText(
          /^(Klimatläget är publicerat, version \d+\.|Rapporten är densamma som version \d+, som fortfarande gäller\.)$/,
        );
      await done.waitFor({ timeout: 30_000 });
      const revision = Number(/version (\d+)/.exec((await done.textContent()) ?? '')?.[1]);
      const reports = await getJson<Array<{ year: number; revision: number; respondents: number }>>(
        api,
        `${e2e.baseUrl}/api/klimatlaget`,
      );
      const report = reports.find((r) => r.year === last.year);
      assert(report, 'the report is listed publicly');
      assertEqual(revision, report.revision, 'the announced revision is the published one');
      const notice = page.getByRole('region', { name: `Klimatläget ${last.year} är publicerat` });
      await notice.getByText(`Version ${revision}: ${report.respondents} av `).waitFor();
      const link = notice.getByRole('link', { name: `Läs den publicerade rapporten, Klimatläget ${last.year}` });
      assertEqual(await link.getAttribute('href'), `/klimatlaget/${last.year}`, 'link to the public report');
      assertEqual(
        report.respondents,
        lastRows.filter((r) => r.status === 'submitted').length,
        'the report counts exactly the submitted responses the dialog showed',
      );
      await page.locator('.campaign-facts').getByText('Publicerad').waitFor();
      assertEqual(await page.getByRole('button', { name: 'Öppna igen' }).count(), 0, 'a published campaign is frozen');
      await e2e.axe(page, `/admin/kampanjer/${last.year} (published)`);
      await e2e.screenshot(page, 'admin-campaign-published');
      await link.click();
      await page.waitForURL(`**/klimatlaget/${last.year}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();

      assertEqual(watch.errors.length, 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
];
