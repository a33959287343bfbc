import { assert, assertEqual, DESKTOP, PHONE, type Scenario, watchPage } from '../harness';
import { answerText, question, tocEntry, waitForSurvey } from '../survey-helpers';

export const scenarios: Scenario[] = [
  {
    name: 'English toggle: remembered, sets <html lang>, switches the survey locale',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, 'politiker.12@example.se');
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 1, name: 'Region Skåne' }).waitFor();
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('link', { name: /Start filling in/ }).waitFor();
      assertEqual(await page.locator('html').getAttribute('lang'), 'en', 'html lang');
      await page.reload();
      await page.getByRole('link', { name: /Start filling in/ }).waitFor();
      await e2e.screenshot(page, 'home-en');
      await page.getByRole('link', { name: /Start filling in/ }).click();
      await waitForSurvey(page);
      await question(page, 'respondent_name').getByText('Name of the contact person for the answers').waitFor();
      await e2e.screenshot(page, 'survey-en');
      const contents = page.locator('.sv_progress-toc [role="menu"]');
      assertEqual(await contents.getAttribute('aria-label'), 'Table of contents', 'the contents’ name in English');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await question(page, 'respondent_name').getByText('Namn på kontaktperson för svaren').waitFor();
      assertEqual(await page.locator('html').getAttribute('lang'), 'sv', 'html lang back to sv');
      // The contents are named again for screen readers in the language switched to (survey-core
      // names them once), and so is their menu button on a phone.
      assertEqual(await contents.getAttribute('aria-label'), 'Innehållsförteckning', 'the contents’ name in Swedish');
      await page.getByRole('button', { name: 'In English' }).click();
      await question(page, 'respondent_name').getByText('Name of the contact person for the answers').waitFor();
      assertEqual(
        await contents.getAttribute('aria-label'),
        'Table of contents',
        'the contents’ name in English again',
      );
      await page.setViewportSize(PHONE);
      await page
        .locator('.sv_progress-toc--mobile')
        .getByRole('button', { name: 'Survey pages', exact: true })
        .waitFor();
      await page.setViewportSize(DESKTOP);
      await page.getByRole('button', { name: 'På svenska' }).click();
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'English: the summary of what to correct, the contents’ marks and a refused save’s details follow the language',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, 'politiker.12@example.se');
      const watch = watchPage(page);
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('link', { name: /Start filling in/ }).click();
      await waitForSurvey(page);

      // "Submit" with nothing answered: the summary, each line and the contents are in English.
      await page.locator('.sv_progress-toc').getByRole('menuitemradio').last().click();
      await page.getByRole('heading', { name: 'Good examples' }).first().waitFor();
      await page.locator('.sd-navigation__complete-btn').click();
      const summary = page.getByRole('alert').filter({ hasText: 'Some answers need correcting before you can submit' });
      await summary.waitFor();
      await summary.getByRole('heading', { level: 3, name: 'Page: Respondent' }).waitFor();
      const respondent = summary
        .getByRole('listitem')
        .filter({ hasText: 'Name of the contact person for the answers' });
      assertEqual(
        (await respondent.textContent())?.trim(),
        'Name of the contact person for the answers: Response required.',
        'an English line',
      );
      const text = (await summary.textContent()) ?? '';
      assert(!/[åäöÅÄÖ]|obligatorisk/.test(text), `Swedish in the English summary: ${text.slice(0, 300)}`);
      await tocEntry(page, 'Respondent', 'answers to correct', 2).waitFor();
      await e2e.axe(page, '/enkat (submit error summary, English)');
      await e2e.screenshot(page, 'submit-errors-en', { fullPage: false });

      // A line opens its question, whose error is in English too.
      await respondent.getByRole('button', { name: 'Name of the contact person for the answers' }).click();
      await question(page, 'respondent_name').getByText('Response required.').waitFor();

      // Switching language words the summary, the marks and the questions' errors again.
      await page.getByRole('button', { name: 'På svenska' }).click();
      const sv = page.getByRole('alert').filter({ hasText: 'Några svar behöver rättas innan du kan skicka in' });
      await sv
        .getByRole('listitem')
        .filter({ hasText: 'Namn på kontaktperson för svaren: Frågan är obligatorisk.' })
        .waitFor();
      await tocEntry(page, 'Uppgiftslämnare', 'svar att rätta', 2).waitFor();
      await question(page, 'respondent_name').getByText('Frågan är obligatorisk.').waitFor();
      await page.getByRole('button', { name: 'In English' }).click();
      await respondent.getByText('Response required.').waitFor();
      await question(page, 'respondent_name').getByText('Response required.').waitFor();

      // A save the server refuses: its details in English, on the question too, and back in
      // Swedish with the language. Fault injected: the page never sends what the server refuses.
      const refused = '**/api/campaigns/*/response';
      await page.route(refused, (route) =>
        route.request().method() === 'PUT'
          ? route.fulfill({
              status: 422,
              contentType: 'application/json',
              body: JSON.stringify({
                error: {
                  code: 'invalid_response',
                  message: 'Some answers are not valid.',
                  details: [
                    {
                      question: 'respondent_name',
                      code: 'too_long',
                      message: 'Svaret får vara högst 200 tecken långt.',
                      messageEn: 'The answer can be at most 200 characters long.',
                    },
                  ],
                },
              }),
            })
          : route.fallback(),
      );
      await answerText(page, 'respondent_name', 'Anna Region');
      const saveErrors = page.getByRole('alert').filter({ hasText: 'The answers could not be saved' });
      await saveErrors.waitFor();
      await saveErrors.getByRole('button', { name: 'Name of the contact person for the answers' }).waitFor();
      await saveErrors.getByText('(Page: Respondent): The answer can be at most 200 characters long.').waitFor();
      await question(page, 'respondent_name').getByText('The answer can be at most 200 characters long.').waitFor();
      // The name is no longer missing, but refused: still two answers to correct on the page.
      await tocEntry(page, 'Respondent', 'answers to correct', 2).waitFor();
      await e2e.axe(page, '/enkat (save refused, English)');
      await e2e.screenshot(page, 'survey-save-refused-en', { fullPage: false });
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Svaren kunde inte sparas' })
        .getByText('Svaret får vara högst 200 tecken långt.')
        .waitFor();
      await question(page, 'respondent_name').getByText('Svaret får vara högst 200 tecken långt.').waitFor();
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'switching language mid-survey keeps saving where it was: no conflict with oneself',
    async run(e2e) {
      const page = await e2e.signIn(await e2e.newContext(), 'politiker.0486@example.se');
      const watch = watchPage(page);
      await page.getByRole('link', { name: /Börja fylla i|Fortsätt/ }).click();
      await waitForSurvey(page);
      const saved = () =>
        page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/response'), {
          timeout: 15_000,
        });
      let response = saved();
      await answerText(page, 'respondent_name', 'Sara Strängnäs');
      assertEqual((await response).status(), 200, 'the first save');
      await page.getByRole('button', { name: 'In English' }).click();
      await question(page, 'respondent_name').getByText('Name of the contact person for the answers').waitFor();
      response = saved();
      await answerText(page, 'respondent_name', 'Sara Strängnäs-Ek');
      assertEqual((await response).status(), 200, 'the save after the switch is not refused as a conflict');
      assertEqual(await page.getByRole('dialog').count(), 0, 'no conflict dialog');
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
];
