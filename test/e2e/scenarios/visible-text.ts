import { assert, type Scenario, watchPage } from '../harness';

export const scenarios: Scenario[] = [
  {
    name: 'a reason of NULs is refused at its field, in Swedish and in English, before anything is sent',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, 'kansli@example.se');
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 1, name: 'Kansliets konsol' }).waitFor();
      const sent: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/excuse')) sent.push(request.url());
      });

      // Any organisation that can still be excused: earlier scenarios excuse some (Borlänge).
      const excuseButton = page.getByRole('button', { name: /^Befria / }).first();
      const ORG = ((await excuseButton.getAttribute('aria-label')) ?? (await excuseButton.innerText())).replace(
        /^Befria /,
        '',
      );
      await excuseButton.click();
      const excuse = page.getByRole('dialog', { name: `Befria ${ORG} från årets enkät` });
      const reason = excuse.getByLabel('Motivering');
      await reason.fill('\u0000\u0000\u0000');
      await excuse.getByRole('button', { name: 'Befria' }).click();
      await excuse.getByText(/osynligt styrtecken/).waitFor();
      assert((await reason.getAttribute('aria-invalid')) === 'true', 'the reason is marked invalid');
      await e2e.screenshot(page, 'visible-text-reason-sv', { fullPage: false });
      await reason.fill('\u200b\u200b\u200b');
      await excuse.getByRole('button', { name: 'Befria' }).click();
      await excuse.getByText(/synliga tecken/).waitFor();
      await excuse.getByRole('button', { name: 'Avbryt' }).click();

      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('button', { name: `Excuse ${ORG}` }).click();
      const excuseEn = page.getByRole('dialog', { name: `Excuse ${ORG} from this year's survey` });
      await excuseEn.getByLabel('Reason').fill('\u0000\u0000\u0000');
      await excuseEn.getByRole('button', { name: 'Excuse' }).click();
      await excuseEn.getByText(/invisible control character/).waitFor();
      await e2e.screenshot(page, 'visible-text-reason-en', { fullPage: false });
      await excuseEn.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('button', { name: 'På svenska' }).click();
      assert(sent.length === 0, `nothing was sent (${sent.join(', ')})`);
      assert(watch.errors.length === 0, `no page errors: ${watch.errors.join('; ')}`);
    },
  },
];
