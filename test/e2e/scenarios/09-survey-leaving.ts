import type { Locator, Page, Route } from 'playwright-core';
import { assert, assertEqual, type E2E, reshapeRoute, type Scenario, watchPage } from '../harness';
import { choose, nextSave, question, waitForSurvey, waitSaved } from '../survey-helpers';

const LEAVER = 'tjansteperson.0126@example.se'; // Huddinge: a draft this year (demo seed), used by no other scenario
const A = 'tjansteperson.1283@example.se'; // Helsingborg: a draft this year (demo seed), used by no other scenario
const B = 'politiker.1283@example.se';

const T1_TITLE = 'Hur stor andel av kommunens fordonsflotta är fossilfri (%)?';

export const scenarios: Scenario[] = [
  {
    name: 'leaving the survey by Back or a link saves what was being typed: English thousands, comments',
    async run(e2e) {
      const context = await e2e.newContext();
      // One comment box recorded only when left, as survey-core records a question's comment area
      // (the rest record as typed): the page must not depend on which.
      await context.route(
        '**/api/campaigns/current',
        reshapeRoute(async (route) => {
          const response = await route.fetch();
          const campaign = (await response.json()) as { survey: { pages: Array<{ elements: Element[] }> } };
          for (const page of campaign.survey.pages) {
            for (const element of page.elements) if (element.name === 'B2_comment') element.textUpdateMode = 'onBlur';
          }
          await route.fulfill({ response, json: campaign });
        }),
      );
      const page = await e2e.signIn(context, LEAVER);
      const watch = watchPage(page);
      const surveyYear = await year(page);
      const open = async (link: string) => {
        await page.getByRole('link', { name: link }).click();
        await waitForSurvey(page);
      };

      // English "2,050" typed, then the browser's Back with the focus still in the field: 2050, as
      // leaving the field reads it, not 2.05 (out of range, so nothing saved).
      await open('Fortsätt fylla i');
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('menuitemradio', { name: 'Targets, measures and follow-up' }).click();
      const m2 = question(page, 'M2').locator('input');
      await m2.fill('');
      await m2.pressSequentially('2,050', { delay: 30 });
      let save = nextSave(page);
      await page.goBack();
      assertEqual((await save).status(), 200, 'the number is saved when Back leaves the page');
      assertEqual((await stored(page, surveyYear)).M2, 2050, 'English thousands on leaving by Back');

      // The same by a link: "1,500" kW is 1500.
      await open('Continue filling in');
      await page.getByRole('menuitemradio', { name: 'Energy' }).click();
      await choose(page, 'E4', 'Yes');
      const kw = question(page, 'E4_kw').locator('input');
      await kw.waitFor();
      await waitSaved(page);
      await kw.fill('');
      await kw.pressSequentially('1,500', { delay: 30 });
      save = nextSave(page);
      await page.getByRole('link', { name: 'Back to the overview' }).click();
      assertEqual((await save).status(), 200, 'the number is saved when a link leaves the page');
      assertEqual((await stored(page, surveyYear)).E4_kw, 1500, 'English thousands on leaving by a link');
      await page.getByRole('button', { name: 'På svenska' }).click();

      // Comments typed just before Back: a comment question, one recorded only when left, and an
      // "other" answer's text.
      const typeThenBack = async (pageTitle: string, name: string, textarea: string, text: string) => {
        await open('Fortsätt fylla i');
        await page.getByRole('menuitemradio', { name: pageTitle }).click();
        if (name === 'respondent_role') {
          await choose(page, 'respondent_role', 'Annan roll');
          await waitSaved(page);
        }
        const box = question(page, name).locator(textarea);
        await box.fill(text);
        const saved = nextSave(page);
        await page.goBack();
        assertEqual((await saved).status(), 200, `${name}: saved when Back leaves the page`);
      };
      await typeThenBack('Baskrav för medlemskap', 'B1_comment', 'textarea', 'Skrivet strax före Bakåt');
      assertEqual((await stored(page, surveyYear)).B1_comment, 'Skrivet strax före Bakåt', 'a comment');
      await typeThenBack('Baskrav för medlemskap', 'B2_comment', 'textarea', 'Sparas när rutan lämnas');
      assertEqual(
        (await stored(page, surveyYear)).B2_comment,
        'Sparas när rutan lämnas',
        'a comment recorded on leaving',
      );
      await typeThenBack('Uppgiftslämnare', 'respondent_role', 'textarea', 'Miljöstrateg');
      const answers = await stored(page, surveyYear);
      assertEqual(answers.respondent_role, 'other', 'the other role');
      assertEqual(answers['respondent_role-Comment'], 'Miljöstrateg', 'an "other" answer’s text');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'a number out of range asks before the survey is left by a link or Back, in Swedish and English',
    async run(e2e) {
      const page = await e2e.signIn(await e2e.newContext(), LEAVER);
      const watch = watchPage(page);
      const surveyYear = await year(page);
      const before = (await stored(page, surveyYear)).T1;
      await page.getByRole('link', { name: 'Fortsätt fylla i' }).click();
      await waitForSurvey(page);
      await page.getByRole('menuitemradio', { name: 'Transporter' }).click();
      const t1 = question(page, 'T1').locator('input');
      await t1.fill('150');
      await t1.press('Tab');
      await page.locator('.save-status[data-save-state="unrecorded"]').waitFor();

      // A link: the dialog names the answer; "Stanna och rätta" stays and goes to it.
      await page.getByRole('link', { name: 'Tillbaka till översikten' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ett svar är inte sparat' });
      await dialog.waitFor();
      await dialog
        .getByText(`Svaret på ”${T1_TITLE}” behöver rättas innan det kan sparas.`, { exact: false })
        .waitFor();
      assert(
        await dialog.getByRole('button', { name: 'Stanna och rätta' }).evaluate((b) => b === document.activeElement),
        'the safe choice has focus',
      );
      assertEqual(new URL(page.url()).pathname, '/enkat', 'still on the survey');
      await e2e.axe(page, '/enkat (leaving with a number out of range)');
      await e2e.screenshot(page, 'survey-leave-unrecorded', { fullPage: false });
      await dialog.getByRole('button', { name: 'Stanna och rätta' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForFunction(
        () => document.activeElement?.closest('.sd-question')?.getAttribute('data-name') === 'T1',
        undefined,
        { timeout: 5000 },
      );

      // Back, with 250 typed and the focus still in the field: recorded as leaving the field would,
      // so out of range too; Back is stopped before the address changes, and Escape stays.
      await t1.fill('');
      await t1.pressSequentially('250', { delay: 30 });
      pressBack(page);
      await dialog.waitFor();
      assertEqual(new URL(page.url()).pathname, '/enkat', 'still the survey’s address');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assertEqual(await t1.inputValue(), '250', 'what was typed is still there');
      await question(page, 'T1').getByText('Värdet får inte vara större än 100').waitFor();

      // In English, then leaving anyway by the link: the overview, and the number is not stored.
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('link', { name: 'Back to the overview' }).click();
      const english = page.getByRole('dialog', { name: 'An answer is not saved' });
      await english.waitFor();
      await english
        .getByText('needs correcting before it can be saved. If you leave the survey now, it is lost.', {
          exact: false,
        })
        .waitFor();
      await e2e.axe(page, '/enkat (leaving with a number out of range, English)');
      await e2e.screenshot(page, 'survey-leave-unrecorded-en', { fullPage: false });
      await english.getByRole('button', { name: 'Leave the survey anyway' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('link', { name: 'Continue filling in' }).waitFor();
      assertEqual((await stored(page, surveyYear)).T1, before, 'the number out of range is not stored');
      await page.getByRole('button', { name: 'På svenska' }).click();

      // Back, leaving anyway: to the page Back was going to.
      await page.getByRole('link', { name: 'Fortsätt fylla i' }).click();
      await waitForSurvey(page);
      await t1.fill('150');
      await t1.press('Tab');
      await page.locator('.save-status[data-save-state="unrecorded"]').waitFor();
      pressBack(page);
      await dialog.getByRole('button', { name: 'Lämna enkäten ändå' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('link', { name: 'Fortsätt fylla i' }).waitFor();
      // Nothing out of range: Back leaves at once.
      await page.getByRole('link', { name: 'Fortsätt fylla i' }).click();
      await waitForSurvey(page);
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'answers that cannot be saved ask before the survey is left by a link or Back; once saved, it goes at once',
    async run(e2e) {
      const { page, watch, surveyYear } = await openTransport(e2e);
      // The network goes, a comment is typed, then a link: the page tries to save first, then
      // asks; "Stanna kvar" has focus.
      const text = `Skrivet utan nät ${Date.now()}`;
      const { dialog, online } = await typeOfflineThenLeave(page, text);
      const retrying = page.locator('.save-status[data-save-state="retrying"]');
      const overview = page.getByRole('link', { name: 'Tillbaka till översikten' });
      await dialog.getByText('Om du lämnar enkäten nu kan de gå förlorade.', { exact: false }).waitFor();
      const stay = dialog.getByRole('button', { name: 'Stanna kvar' });
      assert(await stay.evaluate((b) => b === document.activeElement), 'the safe choice has focus');
      assertEqual(new URL(page.url()).pathname, '/enkat', 'still on the survey');
      await e2e.axe(page, '/enkat (leaving with answers not saved)');
      await e2e.screenshot(page, 'survey-leave-unsaved', { fullPage: false });
      // Stay: the dialog closes and "Försök nu" takes focus, or the save status while a retry is
      // being sent (the button shows only between attempts).
      await stay.click();
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForFunction(
        () => {
          const focused = document.activeElement;
          return !!focused && (focused.textContent === 'Försök nu' || focused.closest('.save-status') !== null);
        },
        undefined,
        { timeout: 5000 },
      );
      assertEqual(new URL(page.url()).pathname, '/enkat', 'still on the survey after staying');

      // A number out of range too: the one dialog says both.
      const t1 = question(page, 'T1').locator('input');
      await t1.fill('150');
      await t1.press('Tab');
      pressBack(page);
      await dialog.waitFor();
      await dialog
        .getByText(`Dessutom behöver svaret på ”${T1_TITLE}” rättas innan det kan sparas.`, { exact: false })
        .waitFor();
      assertEqual(new URL(page.url()).pathname, '/enkat', 'Back is stopped before the address changes');
      await e2e.axe(page, '/enkat (leaving with answers not saved and a number out of range)');
      await e2e.screenshot(page, 'survey-leave-unsaved-unrecorded', { fullPage: false });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await t1.fill('40');
      await t1.press('Tab');
      await retrying.waitFor();

      // The network is back while the page still waits for its next try: the link stores what is
      // pending first and leaves without asking.
      await online();
      const save = nextSave(page);
      await overview.click();
      assertEqual((await save).status(), 200, 'the answers are saved on leaving');
      await page.waitForURL((url) => url.pathname === '/');
      const answers = await stored(page, surveyYear);
      assertEqual(answers.T1_comment, text, 'the comment typed offline is stored');
      assertEqual(answers.T1, 40, 'the corrected number is stored');

      // Saved already: the link leaves at once.
      await page.getByRole('link', { name: 'Fortsätt fylla i' }).click();
      await waitForSurvey(page);
      await waitSaved(page);
      await overview.click();
      await page.waitForURL((url) => url.pathname === '/');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'a retry that stores the answers while the dialog about leaving is open: it says so, and "Lämna enkäten" goes',
    async run(e2e) {
      const { page, watch, surveyYear } = await openTransport(e2e);
      const text = `Sparat medan dialogen var öppen ${Date.now()}`;
      const { online } = await typeOfflineThenLeave(page, text);

      // The network is back: the page's next try stores the answers while the dialog is open.
      const save = nextSave(page);
      await online();
      assertEqual((await save).status(), 200, 'the retry stores the answers');
      const dialog = page.getByRole('dialog', { name: 'Dina svar är sparade nu' });
      await dialog
        .getByRole('status')
        .getByText('Du kan lämna enkäten utan att något går förlorat.', { exact: false })
        .waitFor({ timeout: 5000 });
      assertEqual(await dialog.getByText('kan de gå förlorade', { exact: false }).count(), 0, 'no warning left');
      assertEqual(new URL(page.url()).pathname, '/enkat', 'the page does not leave by itself');
      assert(
        await dialog.getByRole('button', { name: 'Stanna kvar' }).evaluate((b) => b === document.activeElement),
        'focus stays where it was',
      );
      await e2e.axe(page, '/enkat (leaving: the answers saved while asked)');
      await e2e.screenshot(page, 'survey-leave-stored', { fullPage: false });
      await dialog.getByRole('button', { name: 'Lämna enkäten', exact: true }).click();
      await page.waitForURL((url) => url.pathname === '/');
      assertEqual((await stored(page, surveyYear)).T1_comment, text, 'the comment is stored');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'a number being typed keeps its text through a merge of the other contact’s save, and wins once left',
    async run(e2e) {
      const pageA = await e2e.signIn(await e2e.newContext(), A);
      const pageB = await e2e.signIn(await e2e.newContext(), B);
      const watch = watchPage(pageA);
      const surveyYear = await year(pageA);
      for (const page of [pageA, pageB]) {
        await page.goto(`${e2e.baseUrl}/enkat`);
        await waitForSurvey(page);
        await page.getByRole('menuitemradio', { name: 'Transporter' }).click();
      }
      // B saves 33 in T1.
      const t1B = question(pageB, 'T1').locator('input');
      const saveB = nextSave(pageB);
      await t1B.fill('33');
      await t1B.press('Tab');
      assertEqual((await saveB).status(), 200, 'B saves T1');
      // A changes a comment, then types 88 in T1 and stays in the field: A's save of the comment
      // meets B's version and is merged without asking (B's T1 comes in).
      const savesA = putStatuses(pageA);
      await question(pageA, 'T1_comment').locator('textarea').fill('A:s kommentar');
      const t1A = question(pageA, 'T1').locator('input');
      await t1A.fill('');
      await t1A.pressSequentially('88', { delay: 30 });
      await waitUntil(
        () => savesA.join(' ') === '409 200',
        () => `A merges and saves (${savesA.join(' ')})`,
      );
      await pageA.getByText(/sparade ändringar samtidigt som du/).waitFor();
      assertEqual(await t1A.inputValue(), '88', 'the number being typed is kept through the merge');
      assert(await t1A.evaluate((input) => input === document.activeElement), 'the focus stays in the field');
      await pageA.locator('.save-status[data-save-state="typing"]').waitFor();
      assertEqual((await stored(pageA, surveyYear)).T1, 33, 'B’s answer is stored until A leaves the field');
      // Leaving the field records A's number, saved over B's.
      const saveA = nextSave(pageA);
      await t1A.press('Tab');
      assertEqual((await saveA).status(), 200, 'A’s number saved');
      const answers = await stored(pageA, surveyYear);
      assertEqual(answers.T1, 88, 'A’s pending number wins');
      assertEqual(answers.T1_comment, 'A:s kommentar', 'A’s comment kept');
      // B's next save merges A's answer in (only A changed it since).
      const savesB = putStatuses(pageB);
      await question(pageB, 'T2_comment').locator('textarea').fill('B:s kommentar');
      await waitUntil(
        () => savesB.join(' ') === '409 200',
        () => `B merges and saves (${savesB.join(' ')})`,
      );
      assertEqual(await t1B.inputValue(), '88', 'B sees A’s number');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
];

/** Signed in as LEAVER, on the survey's Transporter page with every answer saved. */
async function openTransport(
  e2e: E2E,
): Promise<{ page: Page; watch: ReturnType<typeof watchPage>; surveyYear: number }> {
  const page = await e2e.signIn(await e2e.newContext(), LEAVER);
  const watch = watchPage(page);
  const surveyYear = await year(page);
  await page.getByRole('link', { name: 'Fortsätt fylla i' }).click();
  await waitForSurvey(page);
  await page.getByRole('menuitemradio', { name: 'Transporter' }).click();
  await waitSaved(page);
  return { page, watch, surveyYear };
}

/**
 * The network goes (every save of the draft fails), `text` is typed into T1's comment, and the
 * link to the overview is clicked: the page tries to save first, then asks. Answers the dialog
 * that asks and what brings the network back.
 */
async function typeOfflineThenLeave(
  page: Page,
  text: string,
): Promise<{ dialog: Locator; online: () => Promise<void> }> {
  const saves = '**/api/campaigns/*/response';
  const offline = (route: Route) =>
    route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.fallback();
  await page.route(saves, offline);
  await question(page, 'T1_comment').locator('textarea').fill(text);
  await page.locator('.save-status[data-save-state="retrying"]').waitFor();
  await page.getByRole('link', { name: 'Tillbaka till översikten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dina senaste svar är inte sparade' });
  await dialog.waitFor();
  return { dialog, online: () => page.unroute(saves, offline) };
}

/**
 * The browser's Back, without waiting for the page to go: the survey may stop it (the Navigation
 * API's navigate event, cancelled), and Playwright would wait for a navigation that never comes.
 */
function pressBack(page: Page): void {
  void page.goBack({ timeout: 5000 }).catch(() => undefined);
}

interface Element {
  name?: string;
  textUpdateMode?: string;
}

/** The organisation's stored answers, read with the page's session. */
async function stored(page: Page, year: number): Promise<Record<string, unknown>> {
  const response = await page.request.get(new URL(`/api/campaigns/${year}/response`, page.url()).href);
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

async function year(page: Page): Promise<number> {
  const response = await page.request.get(new URL('/api/campaigns/current', page.url()).href);
  return ((await response.json()) as { year: number }).year;
}

/** The status of every PUT of the draft from now on, as it is answered. */
function putStatuses(page: Page): number[] {
  const statuses: number[] = [];
  page.on('response', (r) => {
    if (/\/api\/campaigns\/\d+\/response$/.test(r.url()) && r.request().method() === 'PUT') statuses.push(r.status());
  });
  return statuses;
}

async function waitUntil(condition: () => boolean, what: () => string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
