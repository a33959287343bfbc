import { assert, assertEqual, reshapeRoute, type Scenario, watchPage } from '../harness';

export const scenarios: Scenario[] = [
  {
    name: 'a sign-in link signs in only when its button is pressed, so a mail scanner opening it spends nothing',
    async run(e2e) {
      const email = 'politiker.1480@example.se';
      const request = await (await e2e.newContext()).request.post(`${e2e.baseUrl}/api/auth/login-link`, {
        data: { email },
        headers: { origin: e2e.baseUrl },
      });
      assertEqual(request.status(), 202, 'POST /api/auth/login-link');
      const link = await e2e.latestLoginLink(email);

      // A scanner (e.g. Safe Links) opens the link in a real browser, runs its scripts and leaves.
      const scanner = await (await e2e.newContext()).newPage();
      await scanner.goto(link);
      const scannerButton = scanner.getByRole('button', { name: 'Logga in', exact: true });
      await scannerButton.waitFor();
      await scanner.waitForTimeout(500);
      assertEqual(
        (await scanner.request.get(`${e2e.baseUrl}/api/me`)).status(),
        401,
        'opening the link signed the scanner in',
      );
      await scanner.close();

      // The person opens it afterwards: the button is focused and works from the keyboard.
      const context = await e2e.newContext();
      const page = await context.newPage();
      const watch = watchPage(page);
      await page.goto(link);
      const button = page.getByRole('button', { name: 'Logga in', exact: true });
      await button.waitFor();
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      assert(await button.evaluate((el) => el === document.activeElement), 'the Logga in button has focus');
      assert(new URL(page.url()).hash.startsWith('#token='), 'the token stays in the fragment until it is used');
      await e2e.screenshot(page, 'login-token-button');
      await e2e.axe(page, '/login?token= (button)');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Göteborg' }).waitFor();
      await page.getByText('Inloggad som').waitFor();
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'a link sent before the organisation left says it is no longer a member; asking again sends no link but says why',
    async run(e2e) {
      const email = 'politiker.2062@example.se';
      const member = await e2e.newContext();
      const requested = await member.request.post(`${e2e.baseUrl}/api/auth/login-link`, {
        data: { email },
        headers: { origin: e2e.baseUrl },
      });
      assertEqual(requested.status(), 202, 'POST /api/auth/login-link while a member');
      const link = await e2e.latestLoginLink(email);

      // The kansli records that Mora left the association two days ago.
      const kansli = await e2e.signIn(await e2e.newContext(), 'kansli@example.se');
      const left = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
      const patched = await kansli.request.patch(`${e2e.baseUrl}/api/admin/organisations/2062`, {
        data: { memberSince: null, memberUntil: left },
      });
      assertEqual(patched.status(), 200, 'PATCH memberUntil');

      try {
        const page = await member.newPage();
        const watch = watchPage(page);
        await page.goto(link);
        await page.getByRole('button', { name: 'Logga in', exact: true }).click();
        const alert = page.getByRole('alert');
        await alert.getByText(/inte längre medlem i Klimatkommunerna \(medlemskapet upphörde /).waitFor();
        await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
        assertEqual((await page.request.get(`${e2e.baseUrl}/api/me`)).status(), 401, 'no session was opened');
        await e2e.screenshot(page, 'login-not-a-member');
        await e2e.axe(page, '/login (not a member)');

        // Asking again answers as for any address: no link, but the address's owner is told why.
        const links = async () =>
          (await e2e.outbox()).filter((m) => m.to.includes(email) && m.kind === 'login-link').length;
        const linksBefore = await links();
        await page.getByLabel('E-postadress').fill(email);
        await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
        await page.getByRole('heading', { name: 'Kolla din e-post' }).waitFor();
        let told = false;
        for (let i = 0; i < 20 && !told; i++) {
          told = (await e2e.outbox()).some((m) => m.to.includes(email) && m.kind === 'not-a-member');
          if (!told) await page.waitForTimeout(100);
        }
        assert(told, 'the address was emailed why no link comes');
        assertEqual(await links(), linksBefore, 'no new link was sent');
        assert(
          watch.errors.filter((e) => !e.includes('403')).length === 0,
          `browser errors: ${watch.errors.join('; ')}`,
        );
      } finally {
        await kansli.request.patch(`${e2e.baseUrl}/api/admin/organisations/2062`, { data: { memberUntil: null } });
      }
    },
  },
  {
    name: 'a contact whose membership ended while signed in is told on the home page why it cannot answer, and whom to write to',
    async run(e2e) {
      // Borlänge has not started this year's survey (seed); nobody else's scenario answers for it.
      const page = await e2e.signIn(await e2e.newContext(), 'politiker.2081@example.se');
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 1, name: 'Borlänge' }).waitFor();
      await page.getByRole('link', { name: 'Börja fylla i' }).waitFor();

      // A session lasts 12 hours, so the end date in the register can pass while it runs (changing the
      // dates ends the sessions, so this is how it happens): the response as the API then answers it
      // (test/api/membership.integration.test.ts shows the API saying so at that moment).
      const day = (at: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(at);
      const yesterday = day(Date.now() - 86_400_000);
      const RESPONSE = /\/api\/campaigns\/\d{4}\/response$/;
      await page.route(
        RESPONSE,
        reshapeRoute(async (route) => {
          if (route.request().method() !== 'GET') return route.continue();
          const served = await route.fetch();
          const body = (await served.json()) as Record<string, unknown>;
          body.notAMember = { reason: 'ended', memberUntil: yesterday };
          await route.fulfill({ response: served, json: body });
        }),
      );
      await page.reload();
      const ended = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(
        new Date(yesterday),
      );
      const notice = page.getByRole('status').filter({ hasText: 'inte längre medlem i Klimatkommunerna' });
      await notice.getByText(`(medlemskapet upphörde ${ended}) och kan inte svara på enkäten`).waitFor();
      const mail = notice.getByRole('link', { name: 'Mejla kansliet: kansli@klimatkommunerna.se' });
      assertEqual(await mail.getAttribute('href'), 'mailto:kansli@klimatkommunerna.se', 'the link to the kansli');
      // No way into a survey it cannot answer.
      assertEqual(await page.getByRole('link', { name: /^(Börja|Fortsätt) fylla i/ }).count(), 0, 'links to /enkat');
      await e2e.axe(page, '/ (membership ended)');
      await e2e.screenshot(page, 'home-not-a-member');

      await page.getByRole('button', { name: 'In English' }).click();
      const noticeEn = page.getByRole('status').filter({ hasText: 'is no longer a member of Klimatkommunerna' });
      await noticeEn.getByRole('link', { name: 'Email the secretariat: kansli@klimatkommunerna.se' }).waitFor();
      await e2e.axe(page, '/ (membership ended) in English');
      await page.getByRole('button', { name: 'På svenska' }).click();

      // Going straight to the survey: read-only from the start, saying why, before anyone types.
      await page.goto(`${e2e.baseUrl}/enkat`);
      await page.getByText(`(medlemskapet upphörde ${ended}) och kan inte svara på enkäten`).first().waitFor();
      const fields = page.locator('.sd-question input[type="text"], .sd-question textarea');
      await fields.first().waitFor();
      assertEqual(await fields.first().isEditable(), false, 'a survey field of a non-member');
      await page.goto(`${e2e.baseUrl}/`);

      // With the register as it is (a member), the survey is open to it again and the notice is gone.
      await page.unroute(RESPONSE);
      await page.reload();
      await page.getByRole('link', { name: 'Börja fylla i' }).waitFor();
      assertEqual(await page.getByText('inte längre medlem').count(), 0, 'the notice for a member');
      assertEqual(watch.errors.join('; '), '', 'browser errors');
    },
  },
  {
    name: 'a link pasted into a tab already on /login shows its button (only the fragment changes, nothing reloads)',
    async run(e2e) {
      const email = 'politiker.0180@example.se';
      const context = await e2e.newContext();
      const request = await context.request.post(`${e2e.baseUrl}/api/auth/login-link`, {
        data: { email },
        headers: { origin: e2e.baseUrl },
      });
      assertEqual(request.status(), 202, 'POST /api/auth/login-link');
      const link = await e2e.latestLoginLink(email);
      const page = await context.newPage();
      await page.goto(`${e2e.baseUrl}/login`);
      await page.getByLabel('E-postadress').waitFor();
      await page.goto(link);
      await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
      // Also after a link that failed: its error gives way to the new link's button.
      await page.goto(`${e2e.baseUrl}/login#token=not-a-real-token`);
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.getByText('Inloggningslänken är inte giltig.').waitFor();
      await page.goto(link);
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.getByText('Inloggad som').waitFor();
    },
  },
  {
    name: 'in English the link page says Sign in',
    async run(e2e) {
      const page = await (await e2e.newContext()).newPage();
      // A link in the older form, with the token in the query, is still read (and cleared).
      await page.goto(`${e2e.baseUrl}/login?token=not-a-real-token`);
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('alert').waitFor();
      assert(!page.url().includes('token='), 'the bad token left the address bar');
    },
  },
  {
    name: 'someone already signed in who opens a used link goes home, not to "Begär en ny länk"',
    async run(e2e) {
      const email = 'tjansteperson.1280@example.se';
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, email);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const home = page.url();
      const used = await e2e.latestLoginLink(email);
      await page.goto(used);
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      await page.waitForURL(home);
      await page.getByText('Inloggad som').waitFor();
      assert(!(await page.getByText('Begär en ny länk').isVisible()), 'the spent link was offered as an error');
    },
  },
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
      await e2e.openLoginLink(again, link);
      await again.getByText('Inloggningslänken har redan använts.').waitFor();
      assertEqual(await again.getByLabel('E-postadress').inputValue(), email, 'email prefilled from the error');
      // The pressed button is gone: focus is on the new heading, not lost to <body>.
      const title = again.getByRole('heading', { level: 1, name: 'Begär en ny länk' });
      assert(
        await title.evaluate((el) => el === document.activeElement),
        `focus on the heading after the refusal, not ${await again.evaluate(() => document.activeElement?.tagName)}`,
      );
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
      await e2e.openLoginLink(page, `${e2e.baseUrl}/login#token=not-a-real-token`);
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
  {
    name: 'a console address opened signed out goes to the sign-in form and back there; a member opening it is told it is the kansli’s',
    async run(e2e) {
      // Signed out: the whole address is kept in next, and the sign-in form is there (it was a blank /admin/login).
      const context = await e2e.newContext();
      const page = await context.newPage();
      await page.goto(`${e2e.baseUrl}/admin/kampanjer/2026?flik=1`);
      await page.waitForURL((url) => url.pathname === '/login');
      assertEqual(
        new URL(page.url()).searchParams.get('next'),
        '/admin/kampanjer/2026?flik=1',
        'next keeps the console address',
      );
      await page.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      await page.getByLabel('E-postadress').waitFor();
      await e2e.screenshot(page, 'admin-signed-out-login');

      // Signed in as the kansli, the link in the mail leads back to the console page.
      await page.getByLabel('E-postadress').fill('kansli@example.se');
      await page.getByRole('button', { name: 'Skicka inloggningslänk' }).click();
      await page.getByRole('heading', { name: 'Kolla din e-post' }).waitFor();
      await e2e.openLoginLink(page, await e2e.latestLoginLink('kansli@example.se'));
      await page.waitForURL((url) => url.pathname === '/admin/kampanjer/2026');

      // A member opening a console address is told it is the kansli's, with a way home (it was a blank /admin/).
      const member = await e2e.signIn(await e2e.newContext(), 'politiker.1780@example.se');
      await member.goto(`${e2e.baseUrl}/admin/kampanjer`);
      await member.getByRole('heading', { level: 1, name: 'Sidan är för kansliet' }).waitFor();
      assertEqual(new URL(member.url()).pathname, '/admin/kampanjer', 'the address stays as opened');
      await e2e.axe(member, '/admin/kampanjer (member)');
      await e2e.screenshot(member, 'admin-only-member');
      await member.getByRole('link', { name: 'Till startsidan' }).click();
      await member.waitForURL((url) => url.pathname === '/');
      await member.getByRole('heading', { level: 1 }).waitFor();
    },
  },
];
