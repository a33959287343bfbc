import type { Page } from 'playwright-core';
import { assert, assertEqual, type Scenario, watchPage } from '../harness';

const KANSLI = 'kansli@example.se';

/** The newest campaign's year: the editor is only read here, nothing is saved. */
async function newestYear(page: Page): Promise<number> {
  const campaigns = await page.evaluate(async () => (await fetch('/api/admin/campaigns')).json());
  return Math.max(...(campaigns as Array<{ year: number }>).map((c) => c.year));
}

export const scenarios: Scenario[] = [
  {
    name: 'the survey editor explains the scoring properties, completes them in the JSON, and titles section sums in English',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 1, name: 'Kansliets konsol' }).waitFor();
      const year = await newestYear(page);
      await page.goto(`${e2e.baseUrl}/admin/kampanjer/${year}/enkat/kommun`);
      await page.getByRole('heading', { level: 1, name: 'Enkäten för Kommun' }).waitFor();
      await page.locator('[data-testid="survey-preview"]').waitFor();

      // 1. "Så sätts poäng" is closed at first and opens from the keyboard.
      const help = page.locator('details.scoring-help');
      const summary = help.locator('summary', { hasText: 'Så sätts poäng' });
      assertEqual(await help.getAttribute('open'), null, 'the help starts closed');
      await summary.focus();
      await page.keyboard.press('Enter');
      await help.getByRole('heading', { name: 'Egenskaper för poäng' }).waitFor();
      for (const property of ['score', 'scoreTrue', 'scoreFalse', 'scoreBands', 'maxScore', 'gate', 'reviewScore']) {
        assert((await help.locator('dt code', { hasText: new RegExp(`^${property}$`) }).count()) > 0, property);
      }
      await help.getByText('{ "type": "boolean", "name": "B1", "gate": true }').waitFor();
      await e2e.axe(page, '/admin/kampanjer/…/enkat/kommun (scoring help)');
      await e2e.screenshot(page, 'survey-editor-help-sv');

      // 2. Typing a property name's start in the JSON offers the scoring properties.
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+Home');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('"gat');
      const option = page.locator('.cm-tooltip-autocomplete [role="option"]', { hasText: 'gate' });
      await option.waitFor();
      assert((await option.textContent())?.includes('På en fråga'), 'the completion says where it goes');
      await page.keyboard.press('Escape');

      // 3. In English the section sums under the points table take the pages' English titles.
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 1, name: 'The survey for Municipality' }).waitFor();
      await help.locator('summary', { hasText: 'How points are set' }).waitFor();
      const foot = page.locator('.points-table tfoot');
      await foot.getByText('Total for Basic requirements for membership').waitFor();
      const footText = (await foot.textContent()) ?? '';
      assert(!footText.includes('Baskrav'), `no Swedish page title in the English sums: ${footText}`);
      await e2e.axe(page, '/admin/kampanjer/…/enkat/kommun (scoring help, English)');
      await e2e.screenshot(page, 'survey-editor-help-en');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
];
