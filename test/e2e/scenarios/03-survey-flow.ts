import path from 'node:path';
import { assert, assertEqual, DESKTOP, PHONE, type Scenario, watchPage } from '../harness';
import {
  answerText,
  choose,
  completeAnswers,
  nextSave,
  question,
  screenshotTocOnPhone,
  tocEntry,
  tocErrorCount,
  waitForSurvey,
  waitSaved,
} from '../survey-helpers';

const A = 'tjansteperson.1281@example.se'; // Erik Nilsson, Lund
const B = 'politiker.1281@example.se'; // Anna Andersson, Lund
const C = 'tjansteperson.1780@example.se'; // Karlstad: submitted last year, not started this year (demo seed)
const D = 'politiker.1880@example.se'; // Örebro: the same
const E = 'politiker.0680@example.se'; // Jönköping: not started this year (demo seed), used by no other scenario
const F = 'tjansteperson.1980@example.se'; // Västerås: used by no other scenario (only moves between pages)
const G = 'politiker.0127@example.se'; // Botkyrka: a draft this year (demo seed), used by no other scenario
const H = 'tjansteperson.0127@example.se'; // Botkyrka's other contact
const I = 'politiker.1233@example.se'; // Vellinge: a draft this year (demo seed), used by no other scenario
const J = 'tjansteperson.1233@example.se'; // Vellinge's other contact

const surveyAssets = (urls: string[]) => urls.filter((u) => /SurveyPage-|survey-core|\/survey-[0-9a-f]+\.css/.test(u));

export const scenarios: Scenario[] = [
  {
    name: 'sign in, answer two pages, reload, resolve a conflict with the other contact, submit, receipt',
    async run(e2e) {
      // 1. Sign in through the form and the outbox link.
      const contextA = await e2e.newContext();
      const page = await contextA.newPage();
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/login`);
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      await e2e.screenshot(page, 'login');
      await e2e.axe(page, '/login');
      await page.getByLabel('E-postadress').fill(A);
      await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
      await page.getByRole('heading', { name: 'Kolla din e-post' }).waitFor();
      await page.getByText(`Vi har skickat en länk till ${A}`).waitFor();
      await e2e.screenshot(page, 'login-sent');
      await e2e.openLoginLink(page, await e2e.latestLoginLink(A));
      await page.getByRole('heading', { level: 1, name: 'Lund' }).waitFor();
      await page.getByText('Ej påbörjad').waitFor();
      await page.getByText('Anna Andersson').waitFor();
      // How far the organisation has come: a labelled progress bar, nothing answered yet.
      const progress = page.getByRole('progressbar', { name: /^0 av \d+ obligatoriska frågor besvarade$/ });
      await progress.waitFor();
      assertEqual(await progress.getAttribute('value'), '0', 'nothing answered yet');
      await e2e.screenshot(page, 'home');
      await e2e.axe(page, '/ (organisation page)');
      assertEqual(surveyAssets(watch.scripts).length, 0, 'survey assets loaded before the survey page');

      // 2. Answer questions on two pages; each change autosaves.
      await page.getByRole('link', { name: 'Börja fylla i' }).click();
      await waitForSurvey(page);
      assert(surveyAssets(watch.scripts).length > 0, 'the survey page loaded no survey chunk');
      assertEqual(await question(page, 'organisation').locator('input').inputValue(), 'Lund', 'organisation filled in');
      let save = nextSave(page);
      await answerText(page, 'respondent_name', 'Erik Nilsson');
      await choose(page, 'respondent_role', 'Tjänsteperson');
      assertEqual((await save).status(), 200, 'first autosave');
      await waitSaved(page);
      await page.getByText(/^Sparat \d\d:\d\d$/).waitFor();
      await e2e.axe(page, '/enkat');
      assert(!(await focusedText(page, 'h2')), 'focus stays put on the first render');
      await page.getByRole('button', { name: 'Nästa' }).click();
      await question(page, 'B1').waitFor();
      // The new page's heading takes focus, so a screen reader announces it (WCAG 2.4.3).
      await page.waitForFunction(
        () =>
          document.activeElement?.tagName === 'H2' &&
          /Baskrav för medlemskap/.test(document.activeElement.textContent ?? ''),
        undefined,
        { timeout: 5000 },
      );
      save = nextSave(page);
      await choose(page, 'B1', 'Ja');
      await choose(page, 'B2', 'Ja');
      await answerText(page, 'B1_url', 'https://lund.se/klimatbeslut');
      assertEqual((await save).status(), 200, 'autosave on page 2');
      await waitSaved(page);
      await e2e.screenshot(page, 'survey');

      // The keyboard focus ring on a radio button is on its visible marker: dark and yellow.
      await question(page, 'B2_url').locator('input').focus();
      await page.keyboard.press('Shift+Tab');
      const ring = await page.evaluate(() => {
        const input = document.activeElement;
        const marker = input?.nextElementSibling;
        return input?.matches('.sd-item__control:focus-visible') && marker
          ? getComputedStyle(marker, '::before').boxShadow
          : `focus on ${input?.outerHTML.slice(0, 80)}`;
      });
      assert(/rgb\(27, 31, 35\).*rgb\(255, 191, 71\)/.test(ring), `radio focus ring: ${ring}`);
      await e2e.screenshot(page, 'survey-focus-ring', { fullPage: false });

      // A save the server refuses as invalid names the question, where it stands, and why. Fault
      // injected: the API no longer refuses the usual cause (an answer to a removed question).
      const refused = '**/api/campaigns/*/response';
      await page.route(refused, (route) =>
        route.request().method() === 'PUT'
          ? route.fulfill({
              status: 422,
              contentType: 'application/json',
              body: JSON.stringify({
                error: {
                  code: 'invalid_response',
                  message: 'Några svar är ogiltiga.',
                  details: [
                    {
                      question: 'B2_url',
                      code: 'too_long',
                      message: 'Svaret får vara högst 500 tecken långt.',
                      messageEn: 'The answer can be at most 500 characters long.',
                    },
                  ],
                },
              }),
            })
          : route.fallback(),
      );
      await answerText(page, 'B2_url', 'https://lund.se/utslappsmal');
      const saveErrors = page.getByRole('alert').filter({ hasText: 'Svaren kunde inte sparas' });
      await saveErrors.waitFor();
      await saveErrors.getByRole('button', { name: 'Länk till underlag (beslut eller dokument)' }).waitFor();
      await saveErrors.getByText('Sida: Baskrav för medlemskap · Fråga: Finns beslutade utsläppsmål?').waitFor();
      await saveErrors.getByText(/högst 500 tecken/).waitFor();
      // The refused answer shows its error on the question too, and its page is marked in the contents.
      await question(page, 'B2_url').getByText('Svaret får vara högst 500 tecken långt.').waitFor();
      await tocEntry(page, 'Baskrav för medlemskap', 'svar att rätta', 1).waitFor();
      await e2e.screenshot(page, 'survey-save-refused', { fullPage: false });
      await page.unroute(refused);
      const retried = nextSave(page);
      await page.getByRole('button', { name: 'Försök nu' }).click();
      assertEqual((await retried).status(), 200, 'saved once the server accepts it again');
      await saveErrors.waitFor({ state: 'detached' });
      await waitSaved(page);
      await tocEntry(page, 'Baskrav för medlemskap').waitFor();

      // 3. A reload continues from the stored draft, on the same page. Text typed but never left
      // (no blur) is kept too: recorded as typed, warned about, and sent as the page unloads.
      const dialogs: string[] = [];
      const onDialog = (dialog: import('playwright-core').Dialog) => {
        dialogs.push(dialog.type());
        void dialog.accept();
      };
      page.on('dialog', onDialog);
      await question(page, 'B2_comment').locator('textarea').fill('Skrivet men aldrig lämnat');
      await page.reload();
      page.off('dialog', onDialog);
      assert(dialogs.includes('beforeunload'), `leave-page warning for typed text (dialogs: ${dialogs.join(', ')})`);
      await waitForSurvey(page);
      await question(page, 'B1').waitFor();
      assertEqual(
        await question(page, 'B2_comment').locator('textarea').inputValue(),
        'Skrivet men aldrig lämnat',
        'text typed without leaving the field kept after a reload',
      );
      assert(await question(page, 'B1').getByRole('radio', { name: 'Ja' }).isChecked(), 'B1 kept after reload');
      assertEqual(
        await question(page, 'B1_url').locator('input').inputValue(),
        'https://lund.se/klimatbeslut',
        'B1_url kept',
      );
      await page.getByRole('button', { name: 'Föregående' }).click();
      assertEqual(await question(page, 'respondent_name').locator('input').inputValue(), 'Erik Nilsson', 'name kept');
      await page.waitForFunction(
        () =>
          document.activeElement?.tagName === 'H2' && /Uppgiftslämnare/.test(document.activeElement.textContent ?? ''),
        undefined,
        { timeout: 5000 },
      );

      // 4. The other contact edits the same question; this page's next save meets a conflict.
      const contextB = await e2e.newContext();
      const pageB = await e2e.signIn(contextB, B);
      await pageB.getByText('Utkast').waitFor();
      await pageB.getByText(/Senast ändrad av Erik Nilsson/).waitFor();
      await pageB.getByRole('link', { name: 'Fortsätt fylla i' }).click();
      await waitForSurvey(pageB);
      assertEqual(await question(pageB, 'respondent_name').locator('input').inputValue(), 'Erik Nilsson', 'B sees A');
      const saveB = nextSave(pageB);
      await answerText(pageB, 'respondent_name', 'Anna Andersson');
      assertEqual((await saveB).status(), 200, 'B saves');

      const conflictSave = nextSave(page);
      await answerText(page, 'respondent_name', 'Erik N. Nilsson');
      assertEqual((await conflictSave).status(), 409, 'A meets a version conflict');
      const dialog = page.getByRole('dialog', { name: 'Någon annan har sparat under tiden' });
      await dialog.waitFor();
      await dialog.getByText(/Anna Andersson sparade/).waitFor();
      await dialog.getByText('Namn på kontaktperson för svaren').waitFor();
      await dialog.getByText('Sida: Uppgiftslämnare').waitFor();
      await dialog.getByText('Anna Andersson', { exact: true }).waitFor();
      await dialog.getByText('Erik N. Nilsson', { exact: true }).waitFor();
      await e2e.screenshot(page, 'conflict', { fullPage: false });
      await e2e.axe(page, 'conflict dialog');
      // Saving without choosing asks for a choice; the dialog stays.
      await dialog.getByRole('button', { name: 'Spara valen' }).click();
      await dialog.getByRole('alert').waitFor();
      const resolved = nextSave(page);
      await dialog.getByRole('radio', { name: 'Behåll mitt svar' }).check();
      await dialog.getByRole('button', { name: 'Spara valen' }).click();
      assertEqual((await resolved).status(), 200, 'merged answers saved on the new version');
      await dialog.waitFor({ state: 'hidden' });
      // Focus comes back to the page, not to <body> (WCAG 2.4.3).
      await page.waitForFunction(() => document.activeElement !== document.body && document.activeElement !== null);
      assert(
        await page.evaluate(() => !!document.activeElement?.closest('.survey-frame, .save-status')),
        'focus returns into the survey or to the save status after the conflict',
      );
      await waitSaved(page);
      const stored = (await (
        await pageB.request.get(`${e2e.baseUrl}/api/campaigns/${await year(page)}/response`)
      ).json()) as {
        data: Record<string, unknown>;
        version: number;
      };
      assertEqual(stored.data.respondent_name, 'Erik N. Nilsson', 'the kept answer is stored');
      assertEqual(stored.data.B1_url, 'https://lund.se/klimatbeslut', 'answers on page 2 survive the merge');

      // B, still on the version before A's choice, changes a question A did not touch: merged
      // without asking, said so, and her change is then saved on top of A's (a second PUT).
      const savesB = putResponses(pageB);
      await pageB.getByRole('menuitemradio', { name: 'Baskrav för medlemskap' }).click();
      await question(pageB, 'B1_comment').waitFor();
      await answerText(pageB, 'B1_comment', 'Politikerns kommentar');
      await waitUntil(() => savesB.length >= 2, 'B sends her change again after the merge');
      assertEqual(savesB.map((r) => r.status()).join(' '), '409 200', 'B meets the conflict, then saves the merge');
      await pageB
        .getByRole('status')
        .filter({
          hasText:
            'Erik Nilsson sparade ändringar samtidigt som du. Deras svar på 1 fråga som du inte ändrat har lagts in.',
        })
        .waitFor();
      await waitSaved(pageB);
      assertEqual(await pageB.getByRole('dialog').count(), 0, 'no dialog when nothing needs choosing');
      await pageB.evaluate(() => window.scrollTo(0, 0));
      await e2e.screenshot(pageB, 'survey-auto-merged', { fullPage: false });
      const merged = await storedResponse(pageB, await year(pageB));
      assertEqual(merged.data.B1_comment, 'Politikerns kommentar', 'B’s change is stored after the merge');
      assertEqual(merged.data.respondent_name, 'Erik N. Nilsson', 'A’s answer stays');
      // A starts again from what is stored now.
      await page.reload();
      await waitForSurvey(page);

      // 5. Submitting an incomplete survey lists every question to correct, by page, and takes focus
      // (GOV.UK error summary); a question in the list opens its page, focused. A complete one gives the receipt.
      await page.getByRole('menuitemradio', { name: 'Goda exempel' }).click();
      await page.getByRole('heading', { name: 'Goda exempel' }).first().waitFor();
      await completeButton(page).click();
      const summary = page.getByRole('alert').filter({ hasText: 'Några svar behöver rättas innan du kan skicka in' });
      await summary.waitFor();
      await page.waitForFunction(
        () => document.activeElement?.classList.contains('submit-error-summary') ?? false,
        undefined,
        { timeout: 5000 },
      );
      assert(!(await page.getByRole('dialog').isVisible()), 'no confirm dialog while answers are missing');
      const pageGroups = await summary.locator('.error-summary-group h3').allTextContents();
      assert(pageGroups.length >= 2, `errors on several pages, grouped by page (${pageGroups.join(' | ')})`);
      assert(
        pageGroups.every((title) => /^Sida: \S/.test(title)),
        `each group is headed by its page (${pageGroups.join(' | ')})`,
      );
      const baskrav = summary.locator('.error-summary-group').filter({
        has: page.getByRole('heading', { level: 3, name: /Baskrav för medlemskap/ }),
      });
      const firstMissing = baskrav.getByRole('button').first();
      const itemCount = await summary.getByRole('listitem').count();
      assert(itemCount > pageGroups.length, `more than one missing answer listed (${itemCount})`);
      // The table of contents marks the same pages, with how many answers on each need correcting
      // (in words for screen readers); a page with nothing to correct stays unmarked.
      await tocEntry(page, 'Uppgiftslämnare').waitFor();
      const baskravCount = await tocErrorCount(page, 'Baskrav för medlemskap');
      assertEqual(baskravCount, 2, 'B3 and B4 to correct on the basic requirements');
      await tocEntry(page, 'Baskrav för medlemskap', 'svar att rätta', 2).waitFor();
      // The progress bar says the same: no ✓ on a page with answers to correct, though it was seen.
      assertEqual(await progressStep(page, 'Baskrav för medlemskap (svar att rätta: 2)'), 'mark', 'baskrav step');
      assertEqual(await progressStep(page, 'Uppgiftslämnare (klar)'), 'tick', 'a complete page is ticked');
      assertEqual(
        await page.locator('.sv_progress-toc .toc-errors').count(),
        pageGroups.length,
        'the contents mark as many pages as the summary lists',
      );
      await e2e.axe(page, '/enkat (submit error summary)');
      await e2e.screenshot(page, 'submit-errors', { fullPage: false });
      await page.locator('.survey-frame').evaluate((frame) => frame.scrollIntoView({ block: 'start' }));
      await e2e.screenshot(page, 'submit-errors-toc', { fullPage: false });
      await screenshotTocOnPhone(e2e, page, 'submit-errors-toc-menu');
      await summary.scrollIntoViewIfNeeded();
      await firstMissing.click();
      await question(page, 'B3').getByText('Frågan är obligatorisk.').waitFor();
      // B1 and B2 are answered: the page's first gap is B3, and it takes focus.
      await page.waitForFunction(
        () => document.activeElement?.closest('.sd-question')?.getAttribute('data-name') === 'B3',
        undefined,
        { timeout: 5000 },
      );
      await e2e.screenshot(page, 'submit-errors-question', { fullPage: false });
      // Answering a listed question takes it off the list.
      await choose(page, 'B3', 'Ja');
      await page.waitForFunction(
        (count) => document.querySelectorAll('.submit-error-summary li').length === count - 1,
        itemCount,
        { timeout: 5000 },
      );
      // …and its page's count in the contents.
      await tocEntry(page, 'Baskrav för medlemskap', 'svar att rätta', 1).waitFor();

      // The rest of the answers come in through the API, as from another device.
      const campaign = (await (await pageB.request.get(`${e2e.baseUrl}/api/campaigns/current`)).json()) as {
        year: number;
        survey: { pages: [] };
      };
      // B3 was answered from the summary above: start from what is stored now.
      await waitSaved(page);
      const latest = await storedResponse(page, campaign.year);
      assertEqual(latest.data.B3, true, 'the answer given from the summary is stored');
      const full = completeAnswers(campaign.survey, latest.data);
      const put = await pageB.request.put(`${e2e.baseUrl}/api/campaigns/${campaign.year}/response`, {
        data: { data: full, version: latest.version },
        headers: { origin: e2e.baseUrl },
      });
      assertEqual(put.status(), 200, `PUT complete answers (${await put.text()})`);
      await page.reload();
      await waitForSurvey(page);
      // Pages answered on another device are done here too, though this browser never opened them.
      assertEqual(await progressStep(page, 'Energi (klar)'), 'tick', 'a page completed elsewhere is ticked');
      await page.getByRole('menuitemradio', { name: 'Goda exempel' }).click();
      await completeButton(page).click();
      const confirm = page.getByRole('dialog', { name: 'Skicka in svaren?' });
      await confirm.waitFor();
      await confirm.getByText('Efter inskickning kan svaren inte ändras.', { exact: false }).waitFor();
      await e2e.screenshot(page, 'confirm-submit', { fullPage: false });
      await confirm.getByRole('button', { name: 'Ja, skicka in' }).click();
      await page.waitForURL(`${e2e.baseUrl}/kvitto`, { timeout: 15_000 });
      await page.getByRole('heading', { level: 1, name: 'Kvitto' }).waitFor();
      // Focus lands on the receipt, as on every page change, not on <body> (WCAG 2.4.3).
      await page
        .waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 5000 })
        .catch(async () => {
          const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
          throw new Error(`focus after submitting is not on the receipt's main: ${focused}`);
        });
      assert(
        await page.evaluate(() => !!document.activeElement?.querySelector('h1')?.textContent?.includes('Kvitto')),
        'the focused region holds the receipt',
      );
      await page.getByText(/Tack! Svaren skickades in \d+ \w+ \d{4} kl\. \d\d:\d\d\./).waitFor();
      await page.getByText('Erik N. Nilsson').waitFor();
      await page.getByText('https://lund.se/klimatbeslut').waitFor();

      // A fresh load of the receipt never touches survey-core.
      watch.reset();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Kvitto' }).waitFor();
      await page.getByText('Erik N. Nilsson').waitFor();
      assertEqual(surveyAssets(watch.scripts).length, 0, 'survey assets loaded on the receipt');
      await e2e.screenshot(page, 'receipt');
      await e2e.axe(page, '/kvitto');

      // Every contact got the summary; the organisation page shows the submitted state.
      const receipts = (await e2e.outbox()).filter((m) => m.kind === 'receipt').flatMap((m) => m.to);
      assert(receipts.includes(A) && receipts.includes(B), `receipt mail went to ${receipts.join(', ')}`);
      // B, still on the survey, changes an answer after A has submitted: refused, said so, with the receipt.
      const refusedB = nextSave(pageB);
      await answerText(pageB, 'B1_comment', 'Efter inskickningen');
      const refusal = await refusedB;
      assertEqual(refusal.status(), 409, 'a save after the submission is refused');
      assertEqual(
        ((await refusal.json()) as { error: { code: string } }).error.code,
        'already_submitted',
        'refused as submitted',
      );
      const submittedNotice = 'Svaren är inskickade och kan inte längre ändras.';
      await pageB.getByRole('status').filter({ hasText: submittedNotice }).waitFor();
      await pageB.getByRole('link', { name: 'Visa kvittot' }).waitFor();
      await pageB.evaluate(() => window.scrollTo(0, 0));
      await e2e.screenshot(pageB, 'survey-refused-submitted', { fullPage: false });
      // Opened again, while the campaign is still open: submitted, not "closed", with the receipt.
      pageB.on('dialog', (leaveWarning) => void leaveWarning.accept());
      await pageB.reload();
      await waitForSurvey(pageB);
      await pageB.getByRole('status').filter({ hasText: submittedNotice }).waitFor();
      assertEqual(await pageB.getByText(/Enkäten är stängd/).count(), 0, 'a submitted survey is not called closed');
      await pageB.getByRole('link', { name: 'Visa kvittot' }).waitFor();
      await e2e.screenshot(pageB, 'survey-submitted-by-other', { fullPage: false });
      await pageB.goto(`${e2e.baseUrl}/`);
      await pageB.getByText('Inskickad', { exact: true }).waitFor();
      await pageB.getByRole('link', { name: 'Visa kvitto' }).waitFor();
      await e2e.screenshot(pageB, 'home-submitted');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'a number field saves what was entered: out of range shown as not saved, a decimal comma read as one',
    async run(e2e) {
      const page = await e2e.signIn(await e2e.newContext(), E);
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/enkat`);
      await waitForSurvey(page);
      const surveyYear = await year(page);
      const saves = putResponses(page);
      await page.getByRole('menuitemradio', { name: 'Transporter' }).click();
      const t1 = question(page, 'T1').locator('input');
      await t1.waitFor();
      let save = nextSave(page);
      await t1.fill('40');
      await t1.press('Tab');
      assertEqual((await save).status(), 200, 'a number in range is saved when the field is left');
      await waitSaved(page);
      assertEqual((await storedResponse(page, surveyYear)).data.T1, 40, 'T1 stored');

      // 150 in a 0–100 field, typed key by key: no save of 1 or 15 on the way, and the bar says
      // the number is saved when the field is left, not "Sparat".
      await t1.fill('');
      await t1.pressSequentially('150', { delay: 80 });
      const bar = page.locator('.survey-bar .save-status');
      await page.locator('.save-status[data-save-state="typing"]').getByText('Sparas när du lämnar fältet').waitFor();
      await page.waitForTimeout(2000);
      assertEqual(saves.length, 1, 'nothing saved while a number is typed');
      await t1.press('Tab');
      await question(page, 'T1').getByText('Värdet får inte vara större än 100').waitFor();
      await page.locator('.save-status[data-save-state="unrecorded"]').waitFor();
      // The progress bar agrees with the contents: the page's step shows the "!" and says why, no ✓.
      assertEqual(await progressStep(page, 'Transporter (svar att rätta: 1)'), 'mark', 'the out-of-range page');
      assertEqual(
        (await bar.textContent())?.includes('Inte sparat – ett svar behöver rättas'),
        true,
        'the bar says not saved',
      );
      await page.waitForTimeout(2000);
      assertEqual(saves.length, 1, 'an out-of-range value is never saved');
      assertEqual((await storedResponse(page, surveyYear)).data.T1, 40, 'the stored value is still the one entered');
      await e2e.axe(page, '/enkat (a number out of range)');
      await e2e.screenshot(page, 'survey-number-out-of-range', { fullPage: false });
      // The bar leads back to the answer.
      await bar.getByRole('button', { name: 'Gå till svaret' }).click();
      await page.waitForFunction(
        () => document.activeElement?.closest('.sd-question')?.getAttribute('data-name') === 'T1',
        undefined,
        { timeout: 5000 },
      );
      save = nextSave(page);
      await t1.fill('90');
      await t1.press('Tab');
      assertEqual((await save).status(), 200, 'the corrected value is saved');
      await waitSaved(page);
      assertEqual((await storedResponse(page, surveyYear)).data.T1, 90, 'the corrected value is stored');
      // Corrected, but with required questions left on it: not done either.
      assertEqual(await progressStep(page, 'Transporter'), 'dot', 'a page with answers left is not ticked');

      // A decimal comma is a decimal, as Swedes write it: 1,7 kg is 1.7, not 17.
      await page.getByRole('menuitemradio', { name: 'Upphandling och inköp' }).click();
      await choose(page, 'U4', 'Ja');
      const kg = question(page, 'U4_kg').locator('input');
      await kg.waitFor();
      await waitSaved(page);
      save = nextSave(page);
      await kg.pressSequentially('1,7', { delay: 50 });
      await kg.press('Tab');
      assertEqual((await save).status(), 200, 'the decimal is saved');
      await waitSaved(page);
      assertEqual((await storedResponse(page, surveyYear)).data.U4_kg, 1.7, 'a decimal comma stored as a decimal');
      await e2e.screenshot(page, 'survey-number-decimal', { fullPage: false });
      // In English a comma between groups of three digits separates thousands: 1,500 kg is 1500.
      await page.getByRole('button', { name: 'In English' }).click();
      // The survey is drawn again in English, which writes the recorded 1.7 back into the field:
      // only once that is done is what is typed next the field's whole text.
      await question(page, 'U4_kg').getByText('Kg CO2e per kg of food').waitFor();
      await waitSaved(page);
      save = nextSave(page);
      await kg.fill('');
      await kg.pressSequentially('1,500', { delay: 50 });
      await kg.press('Tab');
      assertEqual((await save).status(), 200, 'the number is saved');
      assertEqual(await kg.inputValue(), '1500', 'the field shows the number recorded');
      assertEqual((await storedResponse(page, surveyYear)).data.U4_kg, 1500, 'English thousands, not 1.5');
      // Thousands and a decimal point, typed key by key: 1,500.75 kW is 1500.75, not 1.50075.
      await page.getByRole('menuitemradio', { name: 'Energy' }).click();
      await choose(page, 'E4', 'Yes');
      const kw = question(page, 'E4_kw').locator('input');
      await kw.waitFor();
      await waitSaved(page);
      save = nextSave(page);
      await kw.pressSequentially('1,500.75', { delay: 50 });
      await kw.press('Tab');
      assertEqual((await save).status(), 200, 'the number is saved');
      await waitSaved(page);
      assertEqual(await kw.inputValue(), '1500.75', 'the field shows the number recorded');
      assertEqual((await storedResponse(page, surveyYear)).data.E4_kw, 1500.75, 'thousands and decimals, as typed');
      await page.getByRole('button', { name: 'På svenska' }).click();
      // A whole-number field keeps the decimal as typed (12,5 is not 125) and says it must be whole,
      // but does not save it: as a number out of range, it is "Inte sparat" until corrected.
      await page.getByRole('menuitemradio', { name: 'Transporter' }).click();
      await t1.waitFor();
      const savesBefore = saves.length;
      await t1.fill('');
      await t1.pressSequentially('12,5', { delay: 50 });
      await t1.press('Tab');
      await question(page, 'T1').getByText('Ange ett heltal').waitFor();
      await page.locator('.save-status[data-save-state="unrecorded"]').waitFor();
      assertEqual(await t1.inputValue(), '12.5', 'the decimal stays in its field, as typed');
      await page.waitForTimeout(2000);
      assertEqual(saves.length, savesBefore, 'a decimal in a whole-number field is never saved');
      assertEqual((await storedResponse(page, surveyYear)).data.T1, 90, 'the stored value is still the one entered');
      await e2e.axe(page, '/enkat (a decimal in a whole-number field)');
      await e2e.screenshot(page, 'survey-number-whole');
      await page.getByRole('button', { name: 'In English' }).click();
      await question(page, 'T1').getByText('Enter a whole number').waitFor();
      await e2e.screenshot(page, 'survey-number-whole-en');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await question(page, 'T1').getByText('Ange ett heltal').waitFor();

      // A save that cannot get through is said beside a number out of range, not hidden behind it.
      const url = question(page, 'T1_url').locator('input');
      await page.route('**/api/campaigns/*/response', (route) =>
        route.request().method() === 'PUT' ? route.abort() : route.continue(),
      );
      await url.fill('https://example.se/resor');
      await url.press('Tab');
      await page.locator('.save-status[data-save-state="retrying"]').waitFor();
      await t1.fill('150');
      await t1.press('Tab');
      await question(page, 'T1').getByText('Värdet får inte vara större än 100').waitFor();
      await bar.getByText('Kunde inte spara – försöker igen').waitFor();
      await bar.getByText('Inte sparat – ett svar behöver rättas').waitFor();
      await bar.getByRole('button', { name: 'Försök nu' }).waitFor();
      await bar.getByRole('button', { name: 'Gå till svaret' }).waitFor();
      await e2e.screenshot(page, 'survey-number-out-of-range-offline', { fullPage: false });
      save = nextSave(page);
      await page.unroute('**/api/campaigns/*/response');
      // The autosaver's own retry may get there before the click (the button then goes): either way
      // the answers are saved once the network is back.
      await Promise.race([
        bar
          .getByRole('button', { name: 'Försök nu' })
          .click()
          .catch(() => undefined),
        save,
      ]);
      assertEqual((await save).status(), 200, 'saved once the network is back');
      await page.locator('.save-status[data-save-state="unrecorded"]').waitFor();

      // "Logga ut" with a number out of range still stores every other change before it asks.
      await url.fill('https://example.se/resplan');
      await page.getByRole('button', { name: 'Logga ut' }).click();
      // Only the number is left, and saving again cannot help: the dialog says it needs correcting.
      const logout = page.getByRole('dialog', { name: 'Ett svar är inte sparat' });
      await logout.waitFor();
      assertEqual(
        (await storedResponse(page, surveyYear)).data.T1_url,
        'https://example.se/resplan',
        'the other change is stored before "Logga ut" asks',
      );
      await logout.getByRole('button', { name: 'Stanna och rätta' }).click();

      // Leaving the survey with the focus still in the field. A link takes the focus when clicked,
      // so the number is recorded first.
      await t1.fill('');
      await t1.pressSequentially('55', { delay: 30 });
      save = nextSave(page);
      await page.getByRole('link', { name: 'Tillbaka till översikten' }).click();
      assertEqual((await save).status(), 200, 'the number is saved when a link leaves the page');
      assertEqual((await storedResponse(page, surveyYear)).data.T1, 55, 'stored on leaving by a link');
      // The browser's Back (Alt+←, a swipe) moves no focus: the number is saved all the same.
      await page.getByRole('link', { name: 'Fortsätt fylla i' }).click();
      await waitForSurvey(page);
      await t1.waitFor();
      await t1.fill('');
      await t1.pressSequentially('66', { delay: 30 });
      save = nextSave(page);
      await page.goBack();
      assertEqual((await save).status(), 200, 'the number is saved when Back leaves the page');
      assertEqual((await storedResponse(page, surveyYear)).data.T1, 66, 'stored on leaving by Back');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'a contact starts from last year’s answers: offered, filled in without overwriting, kept after a reload',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, C);
      const watch = watchPage(page);
      await page.getByText(/^I enkäten kan ni utgå från era svar från \d{4}\.$/).waitFor();
      await page.goto(`${e2e.baseUrl}/enkat`);
      await waitForSurvey(page);
      const lastYear = (await year(page)) - 1;
      const offer = page.getByRole('region', { name: `Utgå från era svar från ${lastYear}?` });
      await offer.waitFor();

      // Something typed this year first: it must survive the carry-over.
      const save = nextSave(page);
      await answerText(page, 'respondent_name', 'Karin Karlsson');
      assertEqual((await save).status(), 200, 'autosave before the carry-over');
      await waitSaved(page);
      await e2e.axe(page, '/enkat (offer of last year’s answers)');
      await e2e.screenshot(page, 'survey-carry-over');

      const carried = page.waitForResponse((r) => /\/response\/carry-over$/.test(r.url()), { timeout: 15_000 });
      await offer.getByRole('button', { name: `Fyll i svaren från ${lastYear}` }).click();
      const response = await carried;
      assertEqual(response.status(), 200, 'carry-over');
      const { values, answers: count } = (await response.json()) as {
        values: Record<string, unknown>;
        answers: number;
      };
      assert(count > 5, `only ${count} answers carried over`);
      assert(!('respondent_name' in values), 'the carry-over overwrote an answer given this year');
      await page.getByText(`${count} svar fylldes i från ${lastYear}. Gå igenom dem innan ni skickar in.`).waitFor();
      assertEqual(await offer.count(), 0, 'the offer is gone once taken');
      assert(
        await page.evaluate(() => document.activeElement?.textContent?.includes('svar fylldes i') ?? false),
        'keyboard focus moves to the message when the button goes away',
      );
      assertEqual(await question(page, 'respondent_name').locator('input').inputValue(), 'Karin Karlsson', 'kept');
      await waitSaved(page);
      await e2e.screenshot(page, 'survey-carried-over');
      // The form was read-only only while the answers were being filled in.
      const editAfter = nextSave(page);
      await answerText(page, 'respondent_name', 'Karin K. Karlsson');
      assertEqual((await editAfter).status(), 200, 'an edit after the carry-over saves');
      await waitSaved(page);

      // Stored for the organisation: a reload shows the answers and offers nothing more.
      await page.reload();
      await waitForSurvey(page);
      const stored = await storedResponse(page, lastYear + 1);
      for (const [key, value] of Object.entries(values)) {
        assertEqual(JSON.stringify(stored.data[key]), JSON.stringify(value), `${key} stored`);
      }
      assertEqual(stored.data.respondent_name, 'Karin K. Karlsson', 'this year’s answer stored');
      assertEqual(stored.carryOver, null, 'nothing more to offer');
      assertEqual(await offer.count(), 0, 'no offer after the reload');

      // Another organisation's contact declines: not asked again in this browser session (a reload).
      const other = await e2e.signIn(await e2e.newContext(), D);
      await other.goto(`${e2e.baseUrl}/enkat`);
      await waitForSurvey(other);
      await other.getByRole('region', { name: `Utgå från era svar från ${lastYear}?` }).waitFor();
      // In English too: this contact reads the page in English, and declines.
      await other.getByRole('button', { name: 'In English' }).click();
      const otherOffer = other.getByRole('region', { name: `Start from your answers from ${lastYear}?` });
      await otherOffer.waitFor();
      await e2e.axe(other, '/enkat (offer of last year’s answers, English)');
      await e2e.screenshot(other, 'survey-carry-over-en');
      await otherOffer.getByRole('button', { name: 'No thanks' }).click();
      assertEqual(await otherOffer.count(), 0, 'the offer is gone once declined');
      assert(
        await other.evaluate(() => document.activeElement?.classList.contains('survey-frame') ?? false),
        'keyboard focus moves to the survey when the offer goes away',
      );
      await other.reload();
      await waitForSurvey(other);
      assertEqual(await otherOffer.count(), 0, 'a declined offer comes back after a reload');
      assertEqual((await storedResponse(other, lastYear + 1)).version, 0, 'declining saved nothing');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the table of contents is one Tab stop: arrows, Home and End move, Enter and Space open; the phone’s menu too',
    async run(e2e) {
      const page = await e2e.signIn(await e2e.newContext(), F);
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/enkat`);
      await waitForSurvey(page);
      // The control Tab reaches right after the contents: the progress bar's step (one stop too).
      const afterContents = page.locator('.sd-progress-buttons [role="tab"][tabindex="0"]');
      const press = async (key: string) => {
        await page.keyboard.press(key);
        return focusedTocEntry(page);
      };

      // Across the contents with Tab: one stop, the page shown (SurveyJS made each of the ten one).
      await afterContents.focus();
      assertEqual(await press('Shift+Tab'), 'Uppgiftslämnare', 'Shift+Tab into the contents: the page shown');
      assertEqual(await press('Shift+Tab'), null, 'Shift+Tab again leaves the contents');
      const stops: string[] = [];
      for (let i = 0; i < 20; i++) {
        const entry = await press('Tab');
        if (entry !== null) stops.push(entry);
        if (await afterContents.evaluate((tab) => tab === document.activeElement)) break;
      }
      assertEqual(stops.join(' | '), 'Uppgiftslämnare', 'Tab stops in the contents');

      // The arrows move between entries, wrapping; Home and End go to the ends.
      assertEqual(await press('Shift+Tab'), 'Uppgiftslämnare', 'back into the contents');
      assertEqual(await press('ArrowDown'), 'Baskrav för medlemskap', 'Down');
      assertEqual(await press('End'), 'Goda exempel', 'End');
      assertEqual(await press('ArrowDown'), 'Uppgiftslämnare', 'Down from the last wraps to the first');
      assertEqual(await press('ArrowUp'), 'Goda exempel', 'Up from the first wraps to the last');
      assertEqual(await press('Home'), 'Uppgiftslämnare', 'Home');
      await press('ArrowDown');
      assertEqual(await press('ArrowDown'), 'Mål, åtgärder och uppföljning', 'Down twice');
      assertEqual(await tocTabStops(page), 'Mål, åtgärder och uppföljning', 'the entry moved to is the one Tab stop');
      await page.screenshot({ path: path.join(e2e.resultsDir, 'survey-toc-focus-desktop.png') });
      // Leaving the contents from there does not stop on the entries before it, and Tab comes
      // back to the page shown.
      assertEqual(await press('Shift+Tab'), null, 'Shift+Tab from a moved-to entry leaves the contents');
      assertEqual(await press('Tab'), 'Uppgiftslämnare', 'Tab back: the page shown');

      // Enter opens the entry's page, whose heading takes focus; it is then the contents' stop.
      await press('ArrowDown');
      await press('ArrowDown');
      await page.keyboard.press('Enter');
      await focusedHeading(page, 'Mål, åtgärder och uppföljning');
      await tocEntry(page, 'Mål, åtgärder och uppföljning').and(page.locator('[aria-checked="true"]')).waitFor();
      assertEqual(await tocTabStops(page), 'Mål, åtgärder och uppföljning', 'the page shown is the Tab stop');
      await afterContents.focus();
      assertEqual(await press('Shift+Tab'), 'Mål, åtgärder och uppföljning', 'Tab reaches the page shown');
      // Space too; and Enter on the page shown keeps focus on the page, not on <body>.
      await press('End');
      await page.keyboard.press(' ');
      await focusedHeading(page, 'Goda exempel');
      await afterContents.focus();
      await press('Shift+Tab');
      await page.keyboard.press('Enter');
      await focusedHeading(page, 'Goda exempel');
      await e2e.axe(page, '/enkat (contents by keyboard)');

      // On a phone the same list is a menu behind a button: it opens on the page shown, the
      // arrows move, Escape closes it with focus back on the button, Enter opens a page.
      await page.setViewportSize(PHONE);
      const toggle = page.locator('.sv_progress-toc--mobile').getByRole('button', { name: 'Enkätens sidor' });
      await toggle.waitFor();
      assertEqual(await toggle.getAttribute('aria-haspopup'), 'menu', 'the button says it opens a menu');
      await toggle.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.closest('.sv-popup') !== null, undefined, {
        timeout: 3000,
      });
      assertEqual(await focusedTocEntry(page), 'Goda exempel', 'the menu opens on the page shown');
      assertEqual(await press('ArrowUp'), 'Kommunikation, samarbete med näringslivet och kommuninvånarna', 'Up');
      await page.screenshot({ path: path.join(e2e.resultsDir, 'survey-toc-focus-phone.png') });
      await page.keyboard.press('Escape');
      await page.locator('.sv_progress-toc--mobile .sv-popup__container').waitFor({ state: 'hidden' });
      assert(
        await toggle.evaluate((button) => button === document.activeElement),
        'Escape returns focus to the button',
      );
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.closest('.sv-popup') !== null, undefined, {
        timeout: 3000,
      });
      assertEqual(await press('ArrowDown'), 'Uppgiftslämnare', 'Down from the last wraps in the menu too');
      await page.keyboard.press('Enter');
      await focusedHeading(page, 'Uppgiftslämnare');
      assertEqual(await toggle.getAttribute('aria-expanded'), 'false', 'the menu closes once a page is opened');
      await page.setViewportSize(DESKTOP);
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'a save refused because the other contact submitted: the submitted answers shown, what was typed kept',
    async run(e2e) {
      // H, the official, fills in every answer from another device while G, the politician, works in the survey.
      const pageH = await e2e.signIn(await e2e.newContext(), H);
      const campaign = (await (await pageH.request.get(`${e2e.baseUrl}/api/campaigns/current`)).json()) as {
        year: number;
        survey: { pages: [] };
      };
      const put = async (data: Record<string, unknown>, version: number) => {
        const response = await pageH.request.put(`${e2e.baseUrl}/api/campaigns/${campaign.year}/response`, {
          data: { data, version },
          headers: { origin: e2e.baseUrl },
        });
        assertEqual(response.status(), 200, `PUT H's answers (${await response.text()})`);
        return ((await response.json()) as { version: number }).version;
      };
      const draft = await storedResponse(pageH, campaign.year);
      const full = {
        ...completeAnswers(campaign.survey, draft.data),
        respondent_name: 'Lars Olsson',
        respondent_role: 'tjansteperson',
      };
      const loaded = await put(full, draft.version);

      const page = await e2e.signIn(await e2e.newContext(), G);
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/enkat`);
      await waitForSurvey(page);
      const name = question(page, 'respondent_name').locator('input');
      assertEqual(await name.inputValue(), 'Lars Olsson', "G sees H's saved answer");

      // H changes a comment G never touches, and submits.
      const submittedVersion = await put({ ...full, B1_comment: 'Beslutet togs 2024.' }, loaded);
      const submit = await pageH.request.post(`${e2e.baseUrl}/api/campaigns/${campaign.year}/response/submit`, {
        data: { version: submittedVersion },
        headers: { origin: e2e.baseUrl },
      });
      assertEqual(submit.status(), 200, `H submits (${await submit.text()})`);
      const submitter = (
        (await (await pageH.request.get(`${e2e.baseUrl}/api/campaigns/${campaign.year}/response`)).json()) as {
          submittedBy: { name: string };
        }
      ).submittedBy.name;

      // G, unaware, changes two answers and leaves the field: the save is refused.
      const refused = nextSave(page);
      await name.fill('Maria Nilsson, kommunalråd');
      await choose(page, 'respondent_role', 'Kontaktpolitiker');
      const refusal = await refused;
      assertEqual(refusal.status(), 409, 'a save after the submission is refused');
      assertEqual(
        ((await refusal.json()) as { error: { code: string } }).error.code,
        'already_submitted',
        'refused as submitted',
      );

      // The fields show what was submitted, not G's unsaved answers.
      await page.waitForFunction(
        () =>
          document.querySelector<HTMLInputElement>('.sd-question[data-name="respondent_name"] input')?.value ===
          'Lars Olsson',
        undefined,
        { timeout: 5000 },
      );
      assert(
        await question(page, 'respondent_role').getByRole('radio', { name: 'Tjänsteperson' }).isChecked(),
        'the submitted role is shown',
      );
      // The notice says who submitted, and names each answer of G's that was not saved (not H's comment).
      const notice = page.locator('.lock-loss');
      const alert = notice.getByRole('alert');
      await alert.waitFor();
      const said = (await alert.textContent()) ?? '';
      assert(said.includes(`Svaren skickades in av ${submitter} `), `the notice names the submitter: ${said}`);
      assert(
        said.includes(
          'Dina senaste ändringar sparades inte: ”Namn på kontaktperson för svaren” och ”Kontaktpersonens roll”.',
        ),
        `the notice names the answers not saved: ${said}`,
      );
      assert(!said.includes('Kommentar'), `an answer G never changed is not G's loss: ${said}`);
      await notice.getByRole('link', { name: 'Visa kvittot' }).waitFor();
      assertEqual(await page.getByRole('link', { name: 'Visa kvittot' }).count(), 1, 'one way to the receipt');
      // The bar says so too, with a way to the notice from far down the survey.
      const bar = page.locator('.survey-bar');
      await bar.getByRole('status').filter({ hasText: 'Dina senaste ändringar sparades inte.' }).waitFor();
      await bar.getByRole('button', { name: 'Visa vilka' }).click();
      await page.waitForFunction(() => document.activeElement?.classList.contains('lock-loss'), undefined, {
        timeout: 3000,
      });
      // What G typed, to copy.
      await notice.getByText('Visa det du skrev (2 svar)').click();
      const mine = notice.locator('dd');
      assertEqual(await mine.first().textContent(), 'Maria Nilsson, kommunalråd', "G's text is kept");
      assertEqual(await mine.nth(1).textContent(), 'Kontaktpolitiker', "G's choice is kept, as shown");
      await e2e.axe(page, '/enkat (a save refused as submitted)');
      await page.evaluate(() => window.scrollTo(0, 0));
      await e2e.screenshot(page, 'survey-lost-edits', { fullPage: false });

      // In English, the same.
      await page.getByRole('button', { name: 'In English' }).click();
      await alert.filter({ hasText: `The answers were submitted by ${submitter} on ` }).waitFor();
      // The titles follow once survey-core has switched language (an effect after the render).
      await alert
        .filter({
          hasText:
            'Your latest changes were not saved: “Name of the contact person for the answers” and “Role of the contact person”.',
        })
        .waitFor({ timeout: 3000 });
      await notice.getByText('Show what you wrote (2 answers)').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await e2e.screenshot(page, 'survey-lost-edits-en', { fullPage: false });
      await page.getByRole('button', { name: 'På svenska' }).click();
      // The stored response is what the server holds: H's answers, submitted.
      const stored = await storedResponse(page, campaign.year);
      assertEqual(stored.data.respondent_name, 'Lars Olsson', 'the submitted name is stored');

      // Leaving now saves nothing (nothing is being saved) but loses the text listed to copy: the
      // dialog says that, not that answers are being saved; "Stanna kvar" goes back to the notice.
      await page.getByRole('link', { name: /Tillbaka till översikten/ }).click();
      const leave = page.getByRole('dialog', { name: 'Det du skrev försvinner' });
      await leave.waitFor({ timeout: 3000 });
      const leaveText = (await leave.textContent()) ?? '';
      assert(leaveText.includes('”Visa det du skrev”'), `the dialog names the list: ${leaveText}`);
      assert(!/sparas|inte sparade/.test(leaveText.replace('är inte sparade och finns', '')), leaveText);
      await e2e.screenshot(page, 'survey-lost-leave', { fullPage: false });
      await leave.getByRole('button', { name: 'Stanna kvar' }).click();
      await page.waitForFunction(() => document.activeElement?.classList.contains('lock-loss'), undefined, {
        timeout: 3000,
      });
      assertEqual(new URL(page.url()).pathname, '/enkat', 'still on the survey');
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('link', { name: /Back to the overview/ }).click();
      const leaveEn = page.getByRole('dialog', { name: 'What you wrote will be lost' });
      await leaveEn.getByText('The answers under “Show what you wrote” are not saved').waitFor({ timeout: 3000 });
      await e2e.screenshot(page, 'survey-lost-leave-en', { fullPage: false });
      await leaveEn.getByRole('button', { name: 'Stay' }).click();
      await page.getByRole('button', { name: 'På svenska' }).click();
      // "Logga ut" has nothing to save after the lock: it signs out without saying answers are not saved.
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.waitForURL((url) => url.pathname === '/login', { timeout: 5000 });
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'an open page shows what the other contact saved when the tab is shown again, without reloading',
    async run(e2e) {
      // J, the official, saves from another device while I, the politician, has the survey open.
      const pageJ = await e2e.signIn(await e2e.newContext(), J);
      const surveyYear = await year(pageJ);
      const page = await e2e.signIn(await e2e.newContext(), I);
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/enkat`);
      await waitForSurvey(page);
      const name = question(page, 'respondent_name').locator('input');
      const before = await name.inputValue();
      // I has nothing unsaved, and keyboard focus rests on a role in the same page.
      const role = question(page, 'respondent_role').getByRole('radio').first();
      await role.focus();
      await page.evaluate(() => {
        (window as unknown as { notReloaded: boolean }).notReloaded = true;
      });

      const draft = await storedResponse(pageJ, surveyYear);
      const put = await pageJ.request.put(`${e2e.baseUrl}/api/campaigns/${surveyYear}/response`, {
        data: { data: { ...draft.data, respondent_name: `${before} och Lars Olsson` }, version: draft.version },
        headers: { origin: e2e.baseUrl },
      });
      assertEqual(put.status(), 200, `PUT J's answer (${await put.text()})`);
      const saver = ((await storedResponse(pageJ, surveyYear)) as unknown as { updatedBy: { name: string } }).updatedBy
        .name;

      // The response reads the page sends from here: the lean one only (the item alone, not the whole GET).
      const reads: string[] = [];
      page.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (request.method() === 'GET' && /\/response(\/|$)/.test(path)) reads.push(path);
      });
      // I comes back to the tab (the browser says so with visibilitychange and focus).
      await page.evaluate(() => {
        document.dispatchEvent(new Event('visibilitychange'));
        window.dispatchEvent(new Event('focus'));
      });
      await page.waitForFunction(
        (expected) =>
          document.querySelector<HTMLInputElement>('.sd-question[data-name="respondent_name"] input')?.value ===
          expected,
        `${before} och Lars Olsson`,
        { timeout: 5000 },
      );
      assert(
        await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true),
        'the page was not reloaded',
      );
      assertEqual(
        reads.join(' '),
        `/api/campaigns/${surveyYear}/response/version`,
        'one read, of the response item alone',
      );
      // Said politely, naming who saved; focus stays where it was.
      const said = page.locator('.fresh-status[role="status"]');
      await said.filter({ hasText: `Svaren uppdaterades med ändringar som ${saver} sparade kl. ` }).waitFor();
      assert(await role.evaluate((element) => element === document.activeElement), 'focus stays on the role I was on');
      // Nothing of I's to save: the page now knows J's version, so I's next change is no conflict.
      assertEqual(
        await page.locator('.survey-bar [data-save-state]').getAttribute('data-save-state'),
        'saved',
        'the bar says saved',
      );
      await e2e.axe(page, "/enkat (updated with the other contact's answers)");
      await page.evaluate(() => window.scrollTo(0, 0));
      await e2e.screenshot(page, 'survey-fresh', { fullPage: false });
      await page.getByRole('button', { name: 'In English' }).click();
      await said.filter({ hasText: `The answers were updated with changes ${saver} saved at ` }).waitFor();
      await e2e.screenshot(page, 'survey-fresh-en', { fullPage: false });
      await page.getByRole('button', { name: 'På svenska' }).click();

      const saved = nextSave(page);
      await name.fill('Ingrid Svensson');
      assertEqual((await saved).status(), 200, "I's change after J's is saved without a conflict");
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
];

/** The focused element's text when it is an entry of the table of contents, else null. */
async function focusedTocEntry(page: import('playwright-core').Page): Promise<string | null> {
  return page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused?.closest('.sv_progress-toc')) return null;
    return focused.getAttribute('role') === 'menuitemradio' ? (focused.textContent ?? '').trim() : 'not an entry';
  });
}

/** The entries of the table of contents that Tab reaches (tabindex 0), by text. */
async function tocTabStops(page: import('playwright-core').Page): Promise<string> {
  return page.locator('.sv_progress-toc [role="menuitemradio"]').evaluateAll((entries) =>
    entries
      .filter((entry) => (entry as HTMLElement).tabIndex === 0)
      .map((entry) => (entry.textContent ?? '').trim())
      .join(' | '),
  );
}

/** Waits until the survey page's heading `title` has focus (a page opened takes focus there). */
async function focusedHeading(page: import('playwright-core').Page, title: string): Promise<void> {
  await page
    .waitForFunction(
      (text) => document.activeElement?.tagName === 'H2' && document.activeElement.textContent?.trim() === text,
      title,
      { timeout: 5000 },
    )
    .catch(async () => {
      const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 100));
      throw new Error(`focus is not on the heading "${title}": ${focused}`);
    });
}

/**
 * What a step of the page progress bar (a tab, found by its name) shows: a ✓, the "!" for answers
 * to correct, or a dot for a page not done.
 */
async function progressStep(page: import('playwright-core').Page, name: string): Promise<'tick' | 'mark' | 'dot'> {
  const tab = page.locator('.sd-progress-buttons').getByRole('tab', { name, exact: true });
  await tab.waitFor({ state: 'attached' });
  return tab.evaluate((button) => {
    if (button.querySelector('.sd-progress-buttons__check-icon')) return 'tick';
    return button.closest('li')?.classList.contains('kk-progress-errors') ? 'mark' : 'dot';
  });
}

/** Every PUT of the draft from now on, as it is answered. */
function putResponses(page: import('playwright-core').Page): import('playwright-core').Response[] {
  const responses: import('playwright-core').Response[] = [];
  page.on('response', (r) => {
    if (/\/api\/campaigns\/\d+\/response$/.test(r.url()) && r.request().method() === 'PUT') responses.push(r);
  });
  return responses;
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text of the focused element when it matches `selector`, else ''. */
async function focusedText(page: import('playwright-core').Page, selector: string): Promise<string> {
  return page.evaluate(
    (s) => (document.activeElement?.matches(s) ? (document.activeElement.textContent ?? '') : ''),
    selector,
  );
}

function completeButton(page: import('playwright-core').Page) {
  return page.locator('.sd-navigation__complete-btn, input[value="Skicka in"], button:has-text("Skicka in")').first();
}

/** The organisation's response as the API holds it, read with the page's session. */
async function storedResponse(page: import('playwright-core').Page, year: number) {
  const response = await page.request.get(new URL(`/api/campaigns/${year}/response`, page.url()).href);
  return (await response.json()) as { data: Record<string, unknown>; version: number; carryOver: unknown };
}

async function year(page: import('playwright-core').Page): Promise<number> {
  const response = await page.request.get(new URL('/api/campaigns/current', page.url()).href);
  return ((await response.json()) as { year: number }).year;
}
