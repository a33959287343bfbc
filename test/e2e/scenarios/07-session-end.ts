import type { BrowserContext, Locator, Page, Route } from 'playwright-core';
import { assert, assertEqual, type E2E, type Scenario, watchPage } from '../harness';
import { answerText, nextSave, question, waitForSurvey } from '../survey-helpers';

const EMAIL = 'tjansteperson.0187@example.se'; // Vaxholm: a draft this year (demo seed), used by no other scenario
const T1_TITLE = 'Hur stor andel av kommunens fordonsflotta är fossilfri (%)?';

/**
 * Ends the context's session on the server while the browser keeps its cookie, as when the 12 hours
 * run out (or the kansli ends it): the next request answers 401 not_authenticated.
 */
async function endSessionOnServer(e2e: E2E, context: BrowserContext): Promise<void> {
  const cookies = await context.cookies();
  const logout = await context.request.post(`${e2e.baseUrl}/api/auth/logout`, { headers: { origin: e2e.baseUrl } });
  assert(logout.ok(), `logout answered ${logout.status()}`);
  await context.addCookies(cookies);
  assertEqual((await context.request.get(`${e2e.baseUrl}/api/me`)).status(), 401, 'the old cookie is dead');
}

async function openSurvey(e2e: E2E, context: BrowserContext): Promise<Page> {
  const page = await e2e.signIn(context, EMAIL);
  await page.getByRole('heading', { level: 1, name: 'Vaxholm' }).waitFor();
  await page.getByRole('link', { name: /fylla i/ }).click();
  await waitForSurvey(page);
  return page;
}

/**
 * Every save of the draft fails as when the store is away (fault injected); answers what brings
 * the store back.
 */
async function failSaves(page: Page): Promise<() => Promise<void>> {
  const response = '**/api/campaigns/*/response';
  const unavailable = (route: Route) =>
    route.request().method() === 'PUT'
      ? route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'store_unavailable', message: 'Lagringen svarar inte just nu.' } }),
        })
      : route.fallback();
  await page.route(response, unavailable);
  return () => page.unroute(response, unavailable);
}

/** "Logga ut" with answers not saved: the dialog that asks, once it says they would be lost. */
async function signOutUnsaved(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dina senaste ändringar är inte sparade' });
  await dialog.waitFor();
  await dialog.getByText('Loggar du ut nu går det förlorat.', { exact: false }).waitFor();
  return dialog;
}

/** The organisation's stored answers, read with the page's session. */
async function storedAnswers(e2e: E2E, page: Page): Promise<Record<string, unknown>> {
  const year = ((await (await page.request.get(`${e2e.baseUrl}/api/campaigns/current`)).json()) as { year: number })
    .year;
  const response = await page.request.get(`${e2e.baseUrl}/api/campaigns/${year}/response`);
  return ((await response.json()) as { data: Record<string, unknown> }).data;
}

const banner = (page: Page) => page.getByRole('alert').filter({ hasText: 'Du har loggats ut – logga in igen.' });

export const scenarios: Scenario[] = [
  {
    name: 'a session that ends mid-survey keeps the answers, says so, and picks up a new sign-in from another tab',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await openSurvey(e2e, context);
      const watch = watchPage(page);
      await page.getByText('Inloggad som').waitFor();
      await endSessionOnServer(e2e, context);

      const refused = nextSave(page);
      await answerText(page, 'respondent_name', 'Sara Utloggad');
      assertEqual((await refused).status(), 401, 'the autosave after the end');
      await banner(page).waitFor();
      assert(!(await page.getByText('Inloggad som').isVisible()), 'the header still says signed in');
      assertEqual(
        await question(page, 'respondent_name').locator('input').inputValue(),
        'Sara Utloggad',
        'the unsaved answer stays in the form',
      );
      const signInAgain = banner(page).getByRole('link', { name: 'Logga in igen (öppnas i en ny flik)' });
      assertEqual(await signInAgain.getAttribute('href'), '/login?next=%2Fenkat', 'the link back to the survey');
      assertEqual(await signInAgain.getAttribute('target'), '_blank', 'sign-in opens in a new tab');
      await e2e.screenshot(page, 'session-ended-survey', { fullPage: false });
      await e2e.axe(page, '/enkat (session ended)');

      // The link opens the login page in a new tab, which says why.
      const [loginTab] = await Promise.all([context.waitForEvent('page'), signInAgain.click()]);
      await loginTab.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      assert(new URL(loginTab.url()).searchParams.get('next') === '/enkat', `login tab at ${loginTab.url()}`);
      await loginTab.close();

      // Signed in again in another tab (the mail's link); back on this tab, the session is picked up
      // and the answer typed after the end is saved.
      const other = await e2e.signIn(context, EMAIL);
      await other.close();
      await page.bringToFront();
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await page.getByRole('status').filter({ hasText: 'Du är inloggad igen och kan fortsätta.' }).waitFor();
      await banner(page).waitFor({ state: 'hidden' });
      await page.getByText('Inloggad som').waitFor();
      assertEqual(
        await question(page, 'respondent_name').locator('input').inputValue(),
        'Sara Utloggad',
        'the answer is still there after signing in again',
      );
      // What waited is saved at once, without a click.
      await page.getByText(/^Sparat \d\d:\d\d$/).waitFor();
      const year = ((await (await page.request.get(`${e2e.baseUrl}/api/campaigns/current`)).json()) as { year: number })
        .year;
      const stored = (await (await page.request.get(`${e2e.baseUrl}/api/campaigns/${year}/response`)).json()) as {
        data: Record<string, unknown>;
      };
      assertEqual(stored.data.respondent_name, 'Sara Utloggad', 'the answer typed after the end is stored');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'leaving the page after the session ended leads to sign-in with the address filled in, and back',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await openSurvey(e2e, context);
      await endSessionOnServer(e2e, context);
      const refused = nextSave(page);
      await answerText(page, 'respondent_name', 'Sara Igen');
      assertEqual((await refused).status(), 401, 'the autosave after the end');
      await banner(page).waitFor();
      await page.getByRole('link', { name: 'Tillbaka till översikten' }).click();
      // The answer typed after the end cannot be saved: the survey asks before it is lost.
      await page
        .getByRole('dialog', { name: 'Dina senaste svar är inte sparade' })
        .getByRole('button', { name: 'Lämna enkäten ändå' })
        .click();
      await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/');
      await page.getByText('Du har loggats ut. Logga in igen för att fortsätta där du var.').waitFor();
      assertEqual(await page.getByLabel('E-postadress').inputValue(), EMAIL, 'the address is filled in');
      assert(!(await page.getByText('Inloggad som').isVisible()), 'the header still says signed in');
      await e2e.screenshot(page, 'session-ended-login');
      await e2e.axe(page, '/login (session ended)');
      await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
      await page.getByRole('heading', { name: 'Kolla din e-post' }).waitFor();
      await e2e.openLoginLink(page, await e2e.latestLoginLink(EMAIL));
      await page.getByRole('heading', { level: 1, name: 'Vaxholm' }).waitFor();
      await page.getByText('Inloggad som').waitFor();
    },
  },
  {
    name: '"Logga ut" right after typing saves the answer first, and asks before losing one it cannot save',
    async run(e2e) {
      const page = await openSurvey(e2e, await e2e.newContext());
      const watch = watchPage(page);
      // Typed, then "Logga ut" at once, well inside autosave's pause: saved before the session ends.
      const save = nextSave(page);
      await answerText(page, 'respondent_name', 'Sara Utloggning');
      await page.getByRole('button', { name: 'Logga ut' }).click();
      assertEqual((await save).status(), 200, 'the answer is saved while the session lasts');
      await page.waitForURL((url) => url.pathname === '/login');
      const again = await openSurvey(e2e, await e2e.newContext());
      assertEqual((await storedAnswers(e2e, again)).respondent_name, 'Sara Utloggning', 'the last answer is stored');

      // The store is away (fault injected): "Logga ut" says the answer is not saved and lets the
      // person stay, with the answer still in the form.
      const storeBack = await failSaves(again);
      await answerText(again, 'respondent_name', 'Sara Osparad');
      const dialog = await signOutUnsaved(again);
      await e2e.axe(again, 'logout with unsaved answers');
      await e2e.screenshot(again, 'logout-unsaved', { fullPage: false });
      await dialog.getByRole('button', { name: 'Stanna kvar' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await again.getByText('Inloggad som').waitFor();
      assertEqual(
        await question(again, 'respondent_name').locator('input').inputValue(),
        'Sara Osparad',
        'the answer is still in the form',
      );
      // Back again: "Logga ut" saves it, then signs out.
      await storeBack();
      await again.getByRole('button', { name: 'Logga ut' }).click();
      await again.waitForURL((url) => url.pathname === '/login');
      const third = await openSurvey(e2e, await e2e.newContext());
      assertEqual((await storedAnswers(e2e, third)).respondent_name, 'Sara Osparad', 'stored before signing out');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: '"Logga ut" with a number out of range names the answer, and "Stanna och rätta" goes to it',
    async run(e2e) {
      const page = await openSurvey(e2e, await e2e.newContext());
      const watch = watchPage(page);
      const before = (await storedAnswers(e2e, page)).T1;
      await page.getByRole('menuitemradio', { name: 'Transporter' }).click();
      const t1 = question(page, 'T1').locator('input');
      await t1.fill('150');
      await t1.press('Tab');
      await page.locator('.save-status[data-save-state="unrecorded"]').waitFor();
      // On another page of the survey: "Stanna och rätta" has to bring the answer back.
      await page.getByRole('menuitemradio', { name: 'Baskrav för medlemskap' }).click();
      await question(page, 'T1').waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Logga ut' }).click();
      // Not "try again": saving cannot help, correcting can.
      const dialog = page.getByRole('dialog', { name: 'Ett svar är inte sparat' });
      await dialog.waitFor();
      await dialog
        .getByText(`Svaret på ”${T1_TITLE}” behöver rättas innan det kan sparas.`, { exact: false })
        .waitFor();
      assertEqual(await dialog.getByText('försök igen', { exact: false }).count(), 0, 'no advice to try again');
      const stay = dialog.getByRole('button', { name: 'Stanna och rätta' });
      assert(await stay.evaluate((b) => b === document.activeElement), 'the safe choice has focus');
      await e2e.axe(page, 'logout with a number out of range');
      await e2e.screenshot(page, 'logout-correct', { fullPage: false });
      await stay.click();
      await dialog.waitFor({ state: 'hidden' });
      await page.waitForFunction(
        () => document.activeElement?.closest('.sd-question')?.getAttribute('data-name') === 'T1',
        undefined,
        { timeout: 5000 },
      );
      assertEqual(await t1.inputValue(), '150', 'the number is still there to correct');
      await page.getByText('Inloggad som').waitFor();

      // In English too; "Sign out anyway" signs out and the number out of range is not stored.
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      const english = page.getByRole('dialog', { name: 'An answer is not saved' });
      await english
        .getByText('needs correcting before it can be saved. If you sign out now, it is lost.', { exact: false })
        .waitFor();
      await english.getByRole('button', { name: 'Stay and correct' }).waitFor();
      await english.getByRole('button', { name: 'Sign out anyway' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      await page.getByRole('button', { name: 'På svenska' }).click();
      const again = await openSurvey(e2e, await e2e.newContext());
      assertEqual((await storedAnswers(e2e, again)).T1, before, 'the number out of range is not stored');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: '"Logga ut" with a failed save and a number out of range says both; "Stanna kvar" goes to the answer',
    async run(e2e) {
      const page = await openSurvey(e2e, await e2e.newContext());
      const watch = watchPage(page);
      // The store is away (fault injected) and a number is out of range.
      await failSaves(page);
      await answerText(page, 'respondent_name', 'Sara Båda');
      await page.getByRole('menuitemradio', { name: 'Transporter' }).click();
      const t1 = question(page, 'T1').locator('input');
      await t1.fill('150');
      await t1.press('Tab');
      await page.locator('.save-status[data-save-state="retrying"]').waitFor();

      const dialog = await signOutUnsaved(page);
      await dialog.getByText(`Dessutom behöver svaret på ”${T1_TITLE}” rättas innan det kan sparas.`).waitFor();
      const stay = dialog.getByRole('button', { name: 'Stanna kvar' });
      assert(await stay.evaluate((b) => b === document.activeElement), 'the safe choice has focus');
      await e2e.axe(page, 'logout with unsaved answers and a number out of range');
      await e2e.screenshot(page, 'logout-unsaved-and-correct', { fullPage: false });
      await stay.click();
      await dialog.waitFor({ state: 'hidden' });
      // Correcting it sends a new save of everything pending, so the answer is where staying leads.
      await page.waitForFunction(
        () => document.activeElement?.closest('.sd-question')?.getAttribute('data-name') === 'T1',
        undefined,
        { timeout: 5000 },
      );
      await page.getByText('Inloggad som').waitFor();
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'a page that cannot load for want of a session goes to sign-in instead of offering a retry',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, EMAIL);
      await page.getByRole('heading', { level: 1, name: 'Vaxholm' }).waitFor();
      await endSessionOnServer(e2e, context);
      // The app still believes it is signed in; the survey's load is refused.
      await page.getByRole('link', { name: /fylla i/ }).click();
      await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('next') === '/enkat');
      await page.getByText('Du har loggats ut. Logga in igen för att fortsätta där du var.').waitFor();
      assert(!(await page.getByRole('button', { name: 'Försök igen' }).isVisible()), 'a retry that cannot work');
    },
  },
];
