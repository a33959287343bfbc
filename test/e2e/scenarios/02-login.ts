import { assert, assertEqual, type Scenario, watchPage } from '../harness';

export const scenarios: Scenario[] = [
  {
    name: 'a used sign-in link explains why and offers a new one with the address filled in',
    async run(e2e) {
      const email = 'tjansteperson.1480@example.se';
      const first = await e2e.newContext();
      const page = await e2e.signIn(first, email);
      await page.getByRole('heading', { level: 1, name: 'Göteborg' }).waitFor();
      const link = await e2e.latestLoginLink(email);

      const second = await e2e.newContext();
      const again = await second.newPage();
      const watch = watchPage(again);
      await again.goto(link);
      await again.getByText('Inloggningslänken har redan använts.').waitFor();
      assertEqual(await again.getByLabel('E-postadress').inputValue(), email, 'email prefilled from the error');
      assert(!again.url().includes('token='), 'the spent token stays in the address bar');
      await e2e.screenshot(again, 'login-token-used');
      await e2e.axe(again, '/login (token used)');
      await again.getByRole('button', { name: 'Begär en ny länk' }).click();
      await again.getByRole('heading', { name: 'Kolla din e-post' }).waitFor();
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'an unknown token and an invalid address get clear messages',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await context.newPage();
      await page.goto(`${e2e.baseUrl}/login?token=not-a-real-token`);
      await page.getByText('Inloggningslänken är inte giltig.').waitFor();
      await page.getByLabel('E-postadress').fill('inte-en-adress');
      await page.getByRole('button', { name: 'Begär en ny länk' }).click();
      await page.getByText('Ange en giltig e-postadress').waitFor();
      assertEqual(await page.getByLabel('E-postadress').getAttribute('aria-invalid'), 'true', 'aria-invalid');
    },
  },
  {
    name: 'the secretariat lands on its console',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, 'kansli@example.se');
      // The console's own pages are tested by its own scenarios; here only where sign-in lands.
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      assert(new URL(page.url()).pathname.startsWith('/admin'), `admin landed on ${page.url()}`);
      await e2e.screenshot(page, 'admin');
    },
  },
];
