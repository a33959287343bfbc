import type { Page } from 'playwright-core';
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
  {
    name: 'survey layout: the progress steps show their titles (a phone "Sida 7 av 10"), the save bar keeps its dot by its words and never covers a focused field',
    async run(e2e) {
      // Skellefteå: a draft this year, used by no other scenario.
      const page = await e2e.signIn(await e2e.newContext(), 'tjansteperson.2482@example.se');
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/enkat`);
      await waitForSurvey(page);

      // A desktop: each step's page title under it, within its own column, whole words in at
      // most two lines; the ✓/"!"/dot above it, not covered.
      const titles = await page.locator('.sd-progress-buttons__page-title').allTextContents();
      assertEqual(titles.length, 10, 'a title for each of the kommun survey’s pages');
      assertEqual(titles[6], 'Samhällsplanering och byggande', 'the steps’ titles are the pages’');
      await page.getByRole('menuitemradio', { name: 'Samhällsplanering och byggande' }).click();
      await page.getByRole('heading', { name: 'Samhällsplanering och byggande' }).first().waitFor();
      await page.waitForTimeout(300);
      const shown = await stepTitleLayout(page, 'Samhällsplanering och byggande');
      assert(shown.visible, `the current step’s title is shown in the bar: ${JSON.stringify(shown)}`);
      assert(shown.wholeWords, `"Samhällsplanering" fits its column: ${JSON.stringify(shown)}`);
      assert(shown.lines <= 2, `at most two lines: ${JSON.stringify(shown)}`);
      assert(shown.belowStep, `the title is under its step, not over the ✓/"!": ${JSON.stringify(shown)}`);
      assert(shown.ownColumn, `the title stays in its column: ${JSON.stringify(shown)}`);
      const first = await stepTitleLayout(page, 'Uppgiftslämnare');
      assert(first.ownColumn && first.belowStep, `the first step’s title: ${JSON.stringify(first)}`);
      await e2e.screenshot(page, 'survey-progress-titles', { fullPage: false });

      // A phone: no room for titles, so where the person is, in words.
      await page.setViewportSize(PHONE);
      await page.getByText('Sida 7 av 10', { exact: true }).waitFor();
      assertEqual(
        await page.locator('.sd-progress-buttons__page-title').first().isVisible(),
        false,
        'no titles squeezed under a phone’s steps',
      );
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByText('Page 7 of 10', { exact: true }).waitFor();

      // The save bar in English at 390 px with a number out of range and a save that cannot get
      // through: the longest it gets. The dot stays by the first line, the words wrap beside it.
      await page
        .locator('.sd-progress-buttons')
        .getByRole('tab', { name: /^Transport( \(|$)/ })
        .click();
      const t1 = question(page, 'T1').locator('input');
      await t1.waitFor();
      await t1.fill('150');
      await t1.press('Tab');
      await page.locator('.save-status[data-save-state="unrecorded"]').waitFor();
      for (const width of [390, 320]) {
        await page.setViewportSize({ width, height: PHONE.height });
        await page.waitForTimeout(200);
        const bar = await saveBarLayout(page);
        assert(bar.dotBesideWords, `${width} px, English: the "●" is beside its words: ${JSON.stringify(bar)}`);
        assert(bar.lines <= 2, `${width} px, English: at most two lines: ${JSON.stringify(bar)}`);
      }
      await page.route('**/api/campaigns/*/response', (route) =>
        route.request().method() === 'PUT' ? route.abort() : route.continue(),
      );
      const url = question(page, 'T1_url').locator('input');
      await url.fill('https://example.se/resor');
      await url.press('Tab');
      await page.locator('.save-status[data-save-state="retrying"]').waitFor();
      await page.locator('.survey-bar').getByRole('button', { name: 'Go to the answer' }).waitFor();
      await page.setViewportSize({ width: 320, height: PHONE.height });
      await page.waitForTimeout(200);
      const longest = await saveBarLayout(page);
      assert(longest.dotBesideWords, `the longest bar keeps its "●" by its words: ${JSON.stringify(longest)}`);
      await e2e.screenshot(page, 'survey-save-bar-longest', { fullPage: false });

      // WCAG 2.4.11: a field reached with Shift+Tab while it sits just under the bar (the page
      // scrolled so) is scrolled clear of the bar, however tall the bar is now.
      const fields = page.locator(
        '.survey-frame .sd-question input[type="text"], .survey-frame .sd-question input[type="number"], .survey-frame .sd-question input[type="url"], .survey-frame .sd-question textarea',
      );
      const covered: string[] = [];
      for (let i = 0; i < (await fields.count()); i++) {
        const field = fields.nth(i);
        if (!(await field.isVisible()) || !(await field.isEditable())) continue;
        await field.focus();
        await page.keyboard.press('Tab');
        // The field's top 16 px under the bar's lower edge: in the window, hidden by the bar.
        await field.evaluate((element) => {
          const bar = document.querySelector('.survey-bar')?.getBoundingClientRect().height ?? 0;
          window.scrollBy(0, element.getBoundingClientRect().top - (bar - 16));
        });
        await page.keyboard.press('Shift+Tab');
        const hidden = await field.evaluate((element) => {
          if (document.activeElement !== element) return `focus went to ${document.activeElement?.tagName}`;
          const bar = document.querySelector('.survey-bar')?.getBoundingClientRect();
          const box = element.getBoundingClientRect();
          return bar && bar.top <= 1 && box.top < bar.bottom
            ? `${element.closest('.sd-question')?.getAttribute('data-name')} at ${Math.round(box.top)} px under a bar to ${Math.round(bar.bottom)} px`
            : null;
        });
        if (hidden) covered.push(hidden);
      }
      assertEqual(covered.join('; '), '', 'fields focused under the sticky bar');
      await page.unroute('**/api/campaigns/*/response');
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
];

/** Where a progress step's title is drawn: shown, in its own column, under its step, whole words, lines. */
async function stepTitleLayout(page: Page, title: string) {
  return page.evaluate((title) => {
    const item = [...document.querySelectorAll('.sd-progress-buttons li')].find(
      (li) => li.querySelector('.sd-progress-buttons__page-title')?.textContent === title,
    );
    const text = item?.querySelector<HTMLElement>('.sd-progress-buttons__page-title');
    const button = item?.querySelector('button');
    const scroller = item?.closest('.sd-progress-buttons__list-container');
    if (!item || !text || !button || !scroller)
      return { found: false, visible: false, wholeWords: false, lines: 0, belowStep: false, ownColumn: false };
    const box = text.getBoundingClientRect();
    const column = item.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    const lineHeight = Number.parseFloat(getComputedStyle(text).lineHeight);
    return {
      found: true,
      visible: box.height > 0 && box.left >= view.left - 1 && box.right <= view.right + 1,
      // A word wider than the column would be cut off (or broken mid-word) inside it.
      wholeWords: text.scrollWidth <= text.clientWidth,
      lines: Math.round(text.clientHeight / lineHeight),
      belowStep: box.top >= button.getBoundingClientRect().bottom,
      ownColumn: box.left >= column.left - 0.5 && box.right <= column.right + 0.5,
    };
  }, title);
}

/** The save bar's lines, and whether its dot sits by the first line of its words. */
async function saveBarLayout(page: Page) {
  return page.evaluate(() => {
    const status = document.querySelector('.save-status[data-save-state]');
    const dot = status?.querySelector('.save-dot')?.getBoundingClientRect();
    const words = status?.querySelector('[role="status"]');
    if (!status || !dot || !words) return { dotBesideWords: false, lines: 0 };
    const range = document.createRange();
    range.selectNodeContents(words);
    const first = range.getClientRects()[0];
    const middle = dot.top + dot.height / 2;
    const lineHeight = Number.parseFloat(getComputedStyle(status).lineHeight);
    return {
      dotBesideWords: !!first && middle >= first.top && middle <= first.bottom && dot.right <= first.left,
      lines: Math.round(status.getBoundingClientRect().height / lineHeight),
      height: Math.round(status.getBoundingClientRect().height),
    };
  });
}
