import type { Page } from 'playwright-core';
import { assert, assertEqual, type Scenario, watchPage } from '../harness';

const KANSLI = 'kansli@example.se';

type Json = Record<string, unknown>;
interface StoredCampaign {
  year: number;
  updatedAt: string;
  surveys: { kommun: Json; region: Json };
}

/** An API call from inside the page: same origin, the session cookie, as the console's own calls. */
async function apiCall(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  );
}

const stored = async (page: Page, year: number): Promise<StoredCampaign> =>
  (await apiCall(page, 'GET', `/api/admin/campaigns/${year}`)).body as StoredCampaign;

/** The survey with its title set to `marker` (title is the first key, so it shows at the top of the editor). */
const titled = (survey: Json, marker: string): Json => ({ ...survey, title: { default: marker, en: marker } });

/** Replaces the editor's whole text through "Ladda upp .json" (typing 70 KB of JSON takes minutes). */
async function replaceText(page: Page, survey: unknown): Promise<void> {
  await page.locator('.editor-toolbar input[type="file"]').setInputFiles({
    name: 'enkat.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(survey)),
  });
  await page.getByRole('status').getByText('enkat.json är inläst').waitFor();
}

/** The survey without the questions named, wherever they are (pages and panels). */
function without(survey: Json, ...names: string[]): Json {
  const strip = (node: Json): Json =>
    Array.isArray(node.elements)
      ? {
          ...node,
          elements: (node.elements as Json[]).filter((e) => !names.includes(String(e.name))).map(strip),
        }
      : node;
  return { ...survey, pages: (survey.pages as Json[]).map(strip) };
}

const hasQuestion = (survey: Json, name: string): boolean => JSON.stringify(survey).includes(`"name":"${name}"`);

/**
 * The browser's Back, without waiting for the page to go: the editor may stop it (the Navigation
 * API's navigate event, cancelled), and Playwright would wait for a navigation that never comes.
 */
function pressBack(page: Page): void {
  void page.goBack({ timeout: 5000 }).catch(() => undefined);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

async function openEditor(page: Page, year: number, type: 'kommun' | 'region'): Promise<void> {
  const label = type === 'kommun' ? 'Kommun' : 'Region';
  await page.getByRole('heading', { level: 1, name: `Enkäten för ${label}` }).waitFor();
  await page.locator('.cm-content').waitFor();
  await page.locator('[data-testid="survey-preview"]').waitFor();
  assert(page.url().endsWith(`/admin/kampanjer/${year}/enkat/${type}`), `on the ${type} editor (${page.url()})`);
}

/** The save's announcement; a save that leaves scores stale says it again in the stale-scores notice. */
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Enkäten är sparad.' });

export const scenarios: Scenario[] = [
  {
    name: 'the survey editor keeps the other type’s save, asks before leaving with unsaved changes, refuses scoring errors and a stale save',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 1, name: 'Kansliets konsol' }).waitFor();

      // A draft campaign of its own, so no other scenario's survey changes.
      const years = ((await apiCall(page, 'GET', '/api/admin/campaigns')).body as Array<{ year: number }>).map(
        (c) => c.year,
      );
      const year = Math.max(...years) + 1;
      const created = await apiCall(page, 'POST', '/api/admin/campaigns', {
        year,
        title: `Medlemstest ${year}`,
        opensAt: `${year}-03-01T07:00:00.000Z`,
        closesAt: `${year}-04-30T21:59:00.000Z`,
      });
      assertEqual(created.status, 201, 'the draft campaign is created');
      const original = created.body as StoredCampaign;

      // 1. Edit the kommun survey; leaving through the console's navigation asks first.
      await page.goto(`${e2e.baseUrl}/admin/kampanjer/${year}/enkat/kommun`);
      await openEditor(page, year, 'kommun');
      await replaceText(page, titled(original.surveys.kommun, 'E2E kommun'));
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      await page.getByRole('navigation', { name: 'Konsolen' }).getByRole('link', { name: 'Kampanjer' }).click();
      const leave = page.getByRole('dialog', { name: 'Lämna sidan utan att spara?' });
      await leave.getByText('Du har osparade ändringar i enkäten för Kommun').waitFor();
      assertEqual(
        await page.evaluate(() => document.activeElement?.textContent),
        'Stanna kvar',
        'focus starts on staying',
      );
      await e2e.axe(page, 'survey editor (leave dialog)');
      await e2e.screenshot(page, 'admin-survey-editor-leave-dialog', { fullPage: false });
      // Escape stays, with the text as it was.
      await page.keyboard.press('Escape');
      await leave.waitFor({ state: 'hidden' });
      assert(page.url().endsWith('/enkat/kommun'), 'still on the editor after Escape');
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      // The switch link asks too; "Stanna kvar" by keyboard stays.
      await page.getByRole('link', { name: 'Till enkäten för Region' }).focus();
      await page.keyboard.press('Enter');
      await leave.waitFor();
      await page.keyboard.press('Enter');
      await leave.waitFor({ state: 'hidden' });
      assert(page.url().endsWith('/enkat/kommun'), 'still on the editor after staying');

      // 1b. The points cannot be checked (the server out of reach): a notice, not an error in the
      // survey, and saving is not blocked; "Försök igen" checks again once the server is back.
      const save = page.getByRole('button', { name: 'Spara enkäten' });
      const preview = '**/api/admin/score-preview';
      await page.route(preview, (route) => route.abort('connectionrefused'));
      await replaceText(page, titled(original.surveys.kommun, 'E2E kommun utan poängkontroll'));
      const unchecked = page.locator('.score-unchecked');
      await unchecked.getByText('Poängen kunde inte kontrolleras just nu').waitFor();
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      assertEqual(await page.locator('.problem-error').count(), 0, 'no error in the survey');
      assertEqual(await save.getAttribute('aria-disabled'), null, 'saving is not blocked');
      await e2e.axe(page, 'survey editor (points not checked)');
      await e2e.screenshot(page, 'admin-survey-editor-score-unchecked', { fullPage: false });
      await page.unroute(preview);
      await unchecked.getByRole('button', { name: 'Försök igen' }).click();
      await unchecked.waitFor({ state: 'hidden' });
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();

      // 2. A scoring error blocks saving, and says why.
      await replaceText(page, {
        ...titled(original.surveys.kommun, 'E2E kommun'),
        pages: (original.surveys.kommun.pages as Json[]).map((p, i) => (i === 0 ? { ...p, maxScore: -1 } : p)),
      });
      await page.locator('.editor-status').getByText('1 fel att rätta – spara när felen är rättade').waitFor();
      assertEqual(await save.getAttribute('aria-disabled'), 'true', 'save is marked unavailable');
      // Still reachable by keyboard, so pressing it tells why instead of doing nothing.
      await save.focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .getByText(/kan inte sparas förrän felen är rättade/)
        .waitFor();
      assert(
        !JSON.stringify((await stored(page, year)).surveys.kommun).includes('-1'),
        'the broken survey was not saved',
      );
      await e2e.screenshot(page, 'admin-survey-editor-blocked', { fullPage: false });
      // The error follows the language: the API words it in the language the check is asked in.
      await page.getByRole('button', { name: 'In English' }).click();
      await page
        .getByText(/The survey's scoring is not valid: page/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page
        .getByText(/Poängsättningen i enkäten är felaktig: sidan/)
        .first()
        .waitFor();

      // 3. Save the kommun survey, switch to the region survey, save it: both saves are kept.
      await replaceText(page, titled(original.surveys.kommun, 'E2E kommun'));
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      await save.click();
      await saved(page).waitFor();
      await page.getByRole('link', { name: 'Till enkäten för Region' }).click();
      await openEditor(page, year, 'region');
      await replaceText(page, titled(original.surveys.region, 'E2E region'));
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      await save.click();
      await saved(page).waitFor();
      const both = await stored(page, year);
      assertEqual((both.surveys.kommun.title as Json).default, 'E2E kommun', 'the kommun save is kept');
      assertEqual((both.surveys.region.title as Json).default, 'E2E region', 'the region save is kept');

      // 4. A colleague saves the region survey; this editor's next save is refused and keeps the text.
      const colleague = await apiCall(page, 'PATCH', `/api/admin/campaigns/${year}`, {
        surveys: { region: titled(original.surveys.region, 'Kollegans region') },
        expectedUpdatedAt: both.updatedAt,
      });
      assertEqual(colleague.status, 200, 'the colleague saves');
      await replaceText(page, titled(original.surveys.region, 'Min region'));
      await save.click();
      const conflict = page.getByTestId('save-conflict');
      await conflict.getByRole('heading', { name: 'Någon annan har ändrat kampanjen' }).waitFor();
      await conflict.getByText(/Enkäten för Region sparades av någon annan/).waitFor();
      assertEqual(
        await page.evaluate(() => document.activeElement?.textContent),
        'Någon annan har ändrat kampanjen',
        'focus moves to the conflict',
      );
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      await e2e.axe(page, 'survey editor (save conflict)');
      await e2e.screenshot(page, 'admin-survey-editor-conflict', { fullPage: false });
      // Load what is stored; the person's version stays, read-only, to copy.
      await conflict.getByRole('button', { name: 'Hämta den sparade enkäten' }).click();
      const mine = conflict.getByLabel('Din osparade version av enkäten för Region');
      await mine.waitFor();
      assert((await mine.inputValue()).includes('Min region'), 'the person’s version is kept in the panel');
      await page.locator('.editor-status').getByText('Inga ändringar').waitFor();
      await e2e.axe(page, 'survey editor (own version kept)');
      await e2e.screenshot(page, 'admin-survey-editor-conflict-kept');
      assertEqual(
        ((await stored(page, year)).surveys.region.title as Json).default,
        'Kollegans region',
        'the colleague’s save is kept',
      );
      // With the person's version only in the panel, leaving still asks.
      await page.getByRole('link', { name: 'Till enkäten för Kommun' }).click();
      await leave.waitFor();
      await leave.getByRole('button', { name: 'Lämna utan att spara' }).click();
      await openEditor(page, year, 'kommun');

      // 5. The browser's Back asks too, before the address changes; staying keeps the text, and
      // leaving goes to the page Back was going to (the region editor, reached by the link above).
      await replaceText(page, titled(original.surveys.kommun, 'E2E kommun före Bakåt'));
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      pressBack(page);
      await leave.waitFor();
      assert(page.url().endsWith(`/enkat/kommun`), `Back is stopped before the address changes (${page.url()})`);
      assertEqual(await focusedText(page), 'Stanna kvar', 'focus starts on staying');
      await page.keyboard.press('Enter');
      await leave.waitFor({ state: 'hidden' });
      assert(page.url().endsWith('/enkat/kommun'), 'still on the editor after staying');
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      pressBack(page);
      await leave.waitFor();
      await leave.getByRole('button', { name: 'Lämna utan att spara' }).click();
      await openEditor(page, year, 'region');

      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the survey editor asks before a save removes questions members may have answered: before sending while the campaign is open, on the API’s refusal when it is closed with responses',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 1, name: 'Kansliets konsol' }).waitFor();
      const campaigns = (await apiCall(page, 'GET', '/api/admin/campaigns')).body as Array<{
        year: number;
        status: string;
      }>;
      const open = campaigns.find((c) => c.status === 'open');
      assert(open, 'the demo seed has an open campaign, with drafts');
      const year = open.year;
      const original = await stored(page, year);
      assert(hasQuestion(original.surveys.kommun, 'M3'), 'the kommun survey has M3');
      const cut = without(original.surveys.kommun, 'M3');
      const save = page.getByRole('button', { name: 'Spara enkäten' });
      const dialog = page.getByRole('dialog', { name: 'Ta bort frågor som medlemmarna kan ha svarat på?' });
      const m3 = 'M3 – Har kommunen ett beslutat konsumtionsbaserat utsläppsmål?';

      // 1. Open campaign: the editor asks before sending anything.
      await page.goto(`${e2e.baseUrl}/admin/kampanjer/${year}/enkat/kommun`);
      await openEditor(page, year, 'kommun');
      await replaceText(page, cut);
      await save.click();
      await dialog.getByTestId('removed-questions').getByText(m3).waitFor();
      await dialog.getByText(/svaren kommer inte tillbaka om du lägger till frågan igen/).waitFor();
      assertEqual(
        await focusedText(page),
        'Ta bort frågor som medlemmarna kan ha svarat på?',
        'focus starts on the dialog’s title',
      );
      assert(hasQuestion((await stored(page, year)).surveys.kommun, 'M3'), 'nothing was sent before confirming');
      await e2e.axe(page, 'survey editor (removal dialog)');
      await e2e.screenshot(page, 'admin-survey-editor-removal-dialog', { fullPage: false });
      // Escape cancels: nothing saved, the text stays, focus back on the save button.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('status').getByText('Enkäten sparades inte. Dina ändringar finns kvar i editorn.').waitFor();
      await page.locator('.editor-status').getByText('Osparade ändringar').waitFor();
      assertEqual(await focusedText(page), 'Spara enkäten', 'focus is back on the save button');
      assert(hasQuestion((await stored(page, year)).surveys.kommun, 'M3'), 'cancelling saves nothing');
      // Confirmed: saved without M3, focus on the status line that says so.
      await save.click();
      await dialog.getByRole('button', { name: 'Ta bort frågorna och spara' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await saved(page).waitFor();
      assert(!hasQuestion((await stored(page, year)).surveys.kommun, 'M3'), 'the confirmed save removed M3');
      assert((await focusedText(page)).startsWith('Sparat'), `focus on the status line (${await focusedText(page)})`);

      // 2. Putting the question back needs no confirmation.
      const removed = await stored(page, year);
      const back = await apiCall(page, 'PATCH', `/api/admin/campaigns/${year}`, {
        surveys: { kommun: original.surveys.kommun },
        expectedUpdatedAt: removed.updatedAt,
      });
      assertEqual(back.status, 200, 'M3 is put back without confirmation');

      // 3. Closed with responses: the editor cannot tell, the API refuses and the dialog asks.
      assertEqual((await apiCall(page, 'POST', `/api/admin/campaigns/${year}/close`)).status, 200, 'close');
      try {
        await page.goto(`${e2e.baseUrl}/admin/kampanjer/${year}/enkat/kommun`);
        await openEditor(page, year, 'kommun');
        await replaceText(page, cut);
        await save.click();
        await dialog.getByTestId('removed-questions').getByText(m3).waitFor();
        assert(hasQuestion((await stored(page, year)).surveys.kommun, 'M3'), 'the API refused the unconfirmed save');
        // By keyboard: the first button is the confirmation.
        await page.keyboard.press('Tab');
        assertEqual(await focusedText(page), 'Ta bort frågorna och spara', 'Tab reaches the confirmation');
        await page.keyboard.press('Enter');
        await dialog.waitFor({ state: 'hidden' });
        await saved(page).waitFor();
        assert(!hasQuestion((await stored(page, year)).surveys.kommun, 'M3'), 'the confirmed save removed M3');
      } finally {
        // Leave the campaign as the other scenarios found it.
        const now = await stored(page, year);
        const restored = await apiCall(page, 'PATCH', `/api/admin/campaigns/${year}`, {
          surveys: { kommun: original.surveys.kommun },
          expectedUpdatedAt: now.updatedAt,
        });
        assertEqual(restored.status, 200, 'the survey is restored');
        assertEqual((await apiCall(page, 'POST', `/api/admin/campaigns/${year}/open`)).status, 200, 'reopen');
      }

      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
];
