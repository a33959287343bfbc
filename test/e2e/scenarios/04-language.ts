import { assertEqual, type Scenario, watchPage } from '../harness';
import { question, waitForSurvey } from '../survey-helpers';

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
      await question(page, 'respondent_name').getByText('Your name').waitFor();
      await e2e.screenshot(page, 'survey-en');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await question(page, 'respondent_name').getByText('Ditt namn').waitFor();
      assertEqual(await page.locator('html').getAttribute('lang'), 'sv', 'html lang back to sv');
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
];
