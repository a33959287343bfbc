import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { AddressErasureResult } from '../../../shared/schemas/privacy.schema';
import { assert, assertEqual, type E2E, type Scenario, watchPage } from '../harness';

const KANSLI = 'kansli@example.se';
/** A small kommun the other scenarios leave alone (the 06 import gives it 2015–2022 only). */
const ORG = { code: '1763', name: 'Forshaga' };
const CONTACT = { name: 'Åsa Testperson', email: 'asa.testperson@example.se', role: 'official' as const };
const POPULATION = 11_500;
/** Moved to another organisation (the third scenario). */
const MOVER = { name: 'Mona Flyttsson', email: 'mona.flyttsson@example.se', role: 'official' as const };
/** Removed, then erased by address (the second scenario). */
const FORMER = { name: 'Bertil Tidigare', email: 'bertil.tidigare@example.se', role: 'official' as const };

/** Figures for 2005–2007 that no other scenario writes, each easy to find on the page. */
const FIGURES: Array<[number, string, number]> = [
  [2005, 'Transporter', 43_210],
  [2005, 'Jordbruk', 12_345],
  [2005, 'Utrikes transporter', 99_001],
  [2006, 'Transporter', 41_000],
  [2006, 'Jordbruk', 12_000],
  [2007, 'Transporter', 39_500],
];

/** A number as the Swedish pages write it ("43 210", with a no-break space). */
const sv = (n: number) => n.toLocaleString('sv-SE');

/** Imports the figures through the kansli's import API (preview, then commit). */
async function importFigures(e2e: E2E, context: BrowserContext): Promise<void> {
  const headers = { origin: e2e.baseUrl };
  const rows = ['Kommunkod;År;Sektor;Utsläpp (ton CO2e);Invånare'];
  for (const [year, sector, tonnes] of FIGURES) rows.push(`${ORG.code};${year};${sector};${tonnes};${POPULATION}`);
  const preview = await context.request.post(`${e2e.baseUrl}/api/admin/imports`, {
    headers,
    multipart: {
      file: { name: 'forshaga-2005-2007.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\n')}\n`) },
    },
  });
  assertEqual(preview.status(), 201, 'POST /api/admin/imports');
  const { id, errors } = (await preview.json()) as { id: string; errors: unknown[] };
  assertEqual(errors.length, 0, 'import errors');
  const commit = await context.request.post(`${e2e.baseUrl}/api/admin/imports/${id}/commit`, { headers });
  assert(commit.ok(), `commit answered ${commit.status()}`);
}

async function openOrganisation(e2e: E2E, page: Page): Promise<void> {
  await page.goto(`${e2e.baseUrl}/admin/organisationer/${ORG.code}`);
  await page.getByRole('heading', { level: 1, name: ORG.name }).waitFor();
  await page.locator('.loading').first().waitFor({ state: 'detached' });
}

export const scenarios: Scenario[] = [
  {
    name: 'the kansli sees an organisation’s imported emissions, exports a contact’s personal data and erases them',
    async run(e2e) {
      const kansliContext = await e2e.newContext();
      const page = await e2e.signIn(kansliContext, KANSLI);
      const watch = watchPage(page);
      await importFigures(e2e, kansliContext);

      // A contact who has signed in: they have a session and an email in the outbox.
      const added = await kansliContext.request.post(`${e2e.baseUrl}/api/admin/organisations/${ORG.code}/contacts`, {
        headers: { origin: e2e.baseUrl },
        data: CONTACT,
      });
      assertEqual(added.status(), 201, 'POST …/contacts');
      const contactId = ((await added.json()) as { contact: { id: string } }).contact.id;
      const contactContext = await e2e.newContext();
      const contactPage = await e2e.signIn(contactContext, CONTACT.email);
      assert((await contactPage.request.get(`${e2e.baseUrl}/api/me`)).ok(), 'the contact is signed in');

      // 1. Emissions: the section, its charts and the table with the imported figures.
      await openOrganisation(e2e, page);
      const emissions = page.getByRole('region', { name: 'Utsläpp (Sustainable Advantage)', exact: true });
      await emissions.waitFor();
      const table = emissions.getByRole('table', { name: /Utsläpp per sektor och år/ });
      await table.waitFor();
      const head = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
      const column = (year: number) => head.indexOf(String(year));
      assert(column(2005) > 0 && column(2007) > column(2005), `years are columns, oldest first (${head.join(', ')})`);
      const cells = (row: string) =>
        table.locator('tr', { has: page.getByRole('rowheader', { name: row, exact: true }) }).locator('th, td');
      assertEqual(((await cells('Transporter').nth(column(2005)).textContent()) ?? '').trim(), sv(43_210), 'cell');
      assertEqual(((await cells('Jordbruk').nth(column(2006)).textContent()) ?? '').trim(), sv(12_000), 'cell');
      // No figure: a dash for the eye, words for a screen reader.
      assertEqual(
        ((await cells('Jordbruk').nth(column(2007)).textContent()) ?? '').trim(),
        '–ingen siffra',
        'a missing figure',
      );
      // The territorial total leaves out international transport.
      const total2005 = ((await cells('Totalt (territoriellt)').nth(column(2005)).textContent()) ?? '').trim();
      assert(total2005.startsWith(sv(43_210 + 12_345)), `2005 total without international transport (${total2005})`);
      await emissions.getByText('Totalen är territoriell').first().waitFor();
      // The charts are images with a summary; the sector chart follows the chosen year.
      await emissions
        .getByRole('img', { name: /^Stapeldiagram över de totala utsläppen för Forshaga per år/ })
        .waitFor();
      await emissions.getByLabel('År för sektordiagrammet').selectOption('2005');
      await emissions.getByText('Utsläpp per sektor 2005 (ton CO₂e)').waitFor();
      await emissions
        .getByRole('img', { name: /per sektor 2005\. Störst: Utrikes transporter, 99\s001 ton/ })
        .waitFor();
      const link = emissions.getByRole('link', { name: 'Visa importerna' });
      assertEqual(await link.getAttribute('href'), '/admin/import', 'the link to the imports page');
      await e2e.axe(page, `/admin/organisationer/${ORG.code} (emissions)`);
      await emissions.scrollIntoViewIfNeeded();
      await e2e.screenshot(page, 'admin-organisation-emissions');

      // 2. Export: a JSON download named for the person and the day, announced.
      const privacy = page.getByRole('region', { name: 'Personuppgifter', exact: true });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        privacy.getByRole('button', { name: `Exportera personuppgifter för ${CONTACT.name}` }).click(),
      ]);
      const fileName = download.suggestedFilename();
      assert(
        /^personuppgifter-asa-testperson-\d{4}-\d{2}-\d{2}\.json$/.test(fileName),
        `export file name (${fileName})`,
      );
      const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
        contact: { id: string; email: string };
        sessions: unknown[];
        outbox: unknown[];
      };
      assertEqual(exported.contact.email, CONTACT.email, 'the export is the contact’s');
      assert(exported.sessions.length >= 1 && exported.outbox.length >= 1, 'the export has sessions and email');
      await privacy
        .getByRole('status')
        .getByText(`Personuppgifterna för ${CONTACT.name} är nedladdade som ${fileName}`)
        .waitFor();

      // 3. Erase, from the keyboard: the dialog says what happens; Escape cancels and gives focus back.
      const eraseButton = privacy.getByRole('button', { name: `Radera personuppgifter för ${CONTACT.name}` });
      await eraseButton.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Radera personuppgifterna för ${CONTACT.name}?` });
      await dialog.waitFor();
      for (const text of [
        `Det här går inte att ångra. För ${CONTACT.name} (${CONTACT.email})`,
        'Alla inloggningar avslutas direkt.',
        'Inloggningslänkar som skickats till personen slutar gälla.',
        'Sparade kopior av e-post som skickats till personen raderas.',
        'Att en påminnelse skickades finns kvar.',
        'visas som sparade av ”raderad kontakt”',
        'Kontaktpersonen tas bort från organisationen',
        'Namn och adress tas bort ur tidigare poster i loggen',
      ]) {
        await dialog.getByText(text).waitFor();
      }
      await e2e.axe(page, 'erase dialog');
      await e2e.screenshot(page, 'admin-contact-erase-dialog', { fullPage: false });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assertEqual(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
        `Radera personuppgifter för ${CONTACT.name}`,
        'focus back on the button after cancelling',
      );
      await page.keyboard.press('Enter');
      await dialog.waitFor();
      // The first request stops part-way (409 erasure_incomplete, injected once): the dialog stays
      // open with the API's message and its button now continues.
      let injected = 0;
      await page.route(`**/api/admin/contacts/${contactId}/erase`, async (route) => {
        if (injected++ > 0) return route.fallback();
        await route.fulfill({
          status: 409,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'erasure_incomplete', message: 'Fler loggposter återstår. Radera igen för att fortsätta.' },
          }),
        });
      });
      await dialog.getByRole('button', { name: 'Radera personuppgifterna' }).press('Enter');
      await dialog.getByRole('alert').getByText('Fler loggposter återstår.').waitFor();
      await dialog.getByRole('button', { name: 'Fortsätt radera' }).press('Enter');
      await privacy
        .getByRole('status')
        .getByText(
          new RegExp(
            `^Personuppgifterna för ${CONTACT.name} är raderade\\. Avslutade inloggningar: [1-9]\\d*\\. Borttagna inloggningslänkar: \\d+\\. Raderade e-postmeddelanden: [1-9]\\d*\\..* Loggposter rensade från namn och adress: \\d+\\.$`,
          ),
        )
        .waitFor();
      // The lists are reloaded without the person, and focus is on the section's heading.
      await page.getByRole('button', { name: `Ändra ${CONTACT.name}` }).waitFor({ state: 'detached' });
      assertEqual(await eraseButton.count(), 0, 'the contact is gone from the privacy list');
      await page.waitForFunction(() => document.activeElement?.id === 'privacy-heading');
      await page.unrouteAll({ behavior: 'wait' });
      assertEqual(injected, 2, 'the erasure was sent again to continue');
      const gone = await kansliContext.request.get(`${e2e.baseUrl}/api/admin/contacts/${contactId}/export`);
      assertEqual(gone.status(), 404, 'the contact is erased');
      assertEqual((await contactPage.request.get(`${e2e.baseUrl}/api/me`)).status(), 401, 'their session ended');
      await e2e.axe(page, `/admin/organisationer/${ORG.code} (after erasure)`);
      await privacy.scrollIntoViewIfNeeded();
      await e2e.screenshot(page, 'admin-contact-erased', { fullPage: false });

      // 4. English.
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 2, name: 'Emissions (Sustainable Advantage)' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Personal data' }).waitFor();
      await page
        .getByRole('table', { name: /Emissions by sector and year/ })
        .getByText('International transport')
        .waitFor();
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.getByRole('heading', { level: 2, name: 'Personuppgifter' }).waitFor();

      // 5. Nothing imported: the section says so and links to the import.
      await page.route('**/api/admin/organisations/*/emissions', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: '[]' }),
      );
      await openOrganisation(e2e, page);
      await emissions.getByText(`Inga utsläppssiffror är importerade för ${ORG.name} ännu.`).waitFor();
      assertEqual(
        await emissions.getByRole('link', { name: 'Importera utsläppsdata' }).getAttribute('href'),
        '/admin/import',
        'the empty state links to the import',
      );
      assertEqual(await emissions.getByRole('table').count(), 0, 'no table without figures');
      await e2e.axe(page, `/admin/organisationer/${ORG.code} (no emissions)`);
      await emissions.scrollIntoViewIfNeeded();
      await e2e.screenshot(page, 'admin-organisation-emissions-empty', { fullPage: false });
      await page.unrouteAll({ behavior: 'wait' });
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the kansli erases a former contact’s data by their address, continuing an erasure that stopped part-way',
    async run(e2e) {
      const kansliContext = await e2e.newContext();
      const page = await e2e.signIn(kansliContext, KANSLI);
      const watch = watchPage(page);
      const headers = { origin: e2e.baseUrl };

      // A contact who signed in (a session, a sign-in email in the outbox), still in the register.
      const added = await kansliContext.request.post(`${e2e.baseUrl}/api/admin/organisations/${ORG.code}/contacts`, {
        headers,
        data: FORMER,
      });
      assertEqual(added.status(), 201, 'POST …/contacts');
      const contactId = ((await added.json()) as { contact: { id: string } }).contact.id;
      await e2e.signIn(await e2e.newContext(), FORMER.email);

      // 1. Found from the organisations page and from an organisation's personal-data section.
      await page.goto(`${e2e.baseUrl}/admin/organisationer`);
      await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
      await page.getByRole('link', { name: 'Radera uppgifter om en tidigare kontakt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Radera uppgifter om en tidigare kontakt' }).waitFor();
      assert((await page.title()).startsWith('Radera uppgifter om en tidigare kontakt'), 'the page title');
      const form = page.getByRole('form', { name: 'Radera uppgifter om en e-postadress' });
      const field = form.getByLabel('E-postadress');
      const submit = form.getByRole('button', { name: 'Radera uppgifter' });
      const outcome = page.locator('.erase-outcome');
      const outcomeHeading = outcome.getByRole('heading', { level: 2 });
      const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
      const dialog = page.getByRole('dialog', { name: /^Radera uppgifterna om / });
      const confirmErase = async (address: string) => {
        await field.fill(address);
        await submit.click();
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Radera uppgifterna' }).click();
        await dialog.waitFor({ state: 'hidden' });
      };

      // 2. No address: the error is the field's, and focus goes to it.
      await submit.click();
      await form.getByText('Skriv e-postadressen som uppgifterna ska raderas för.').waitFor();
      assertEqual(await field.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
      assert(errorId, `the error describes the field (${describedBy})`);
      assertEqual(await focusedId(), await field.getAttribute('id'), 'focus on the field');
      await e2e.axe(page, '/admin/organisationer/radera-tidigare-kontakt (no address)');
      await field.fill('inte-en-adress');
      await submit.click();
      await form.getByText('Ange en giltig e-postadress').waitFor();
      assertEqual(await dialog.count(), 0, 'no dialog for an invalid address');

      // 3. An address in the register: refused, with the way to the contact's organisation.
      await confirmErase(FORMER.email);
      await outcomeHeading.getByText(`${FORMER.email} tillhör en kontaktperson i registret`).waitFor();
      const holderLink = outcome.getByRole('link', { name: `${FORMER.name}, ${ORG.name} (${ORG.code})` });
      await holderLink.waitFor();
      assertEqual(
        await holderLink.getAttribute('href'),
        `/admin/organisationer/${ORG.code}`,
        'link to the organisation',
      );
      assertEqual(await focusedId(), 'erase-outcome-heading', 'focus on the answer');
      assertEqual(await field.getAttribute('aria-invalid'), null, 'the address itself is valid');
      await e2e.axe(page, 'erase by address (in the register)');
      await e2e.screenshot(page, 'admin-former-contact-in-register');
      await holderLink.click();
      await page.getByRole('heading', { level: 1, name: ORG.name }).waitFor();
      const privacy = page.getByRole('region', { name: 'Personuppgifter', exact: true });
      await privacy.getByText('Är personen inte längre kontaktperson?').waitFor();
      assertEqual(
        await privacy.getByRole('link', { name: 'Radera uppgifter om en tidigare kontakt' }).getAttribute('href'),
        '/admin/organisationer/radera-tidigare-kontakt',
        'the organisation page links to the erasure by address',
      );

      // 4. The contact is removed (not erased): what the removal keeps is now erased by address.
      const removal = await kansliContext.request.delete(`${e2e.baseUrl}/api/admin/contacts/${contactId}`, { headers });
      assertEqual(removal.status(), 200, 'DELETE the contact');
      await privacy.getByRole('link', { name: 'Radera uppgifter om en tidigare kontakt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Radera uppgifter om en tidigare kontakt' }).waitFor();

      // The confirmation lists what happens, as the per-contact erasure does.
      await field.fill(`  ${FORMER.email.toUpperCase()} `);
      await submit.click();
      await dialog.waitFor();
      for (const text of [
        `Det här går inte att ångra. För adressen ${FORMER.email} händer följande:`,
        'Alla inloggningar avslutas direkt.',
        'Inloggningslänkar som skickats till personen slutar gälla.',
        'Sparade kopior av e-post som skickats till personen raderas.',
        'Att en påminnelse skickades finns kvar.',
        'visas som sparade av ”raderad kontakt”',
        'Sparade uppgifter om att personen har tagits bort som kontaktperson raderas.',
        'Raderingen loggas med antal, utan adressen.',
      ]) {
        await dialog.getByText(text).waitFor();
      }
      await e2e.axe(page, 'erase-by-address dialog');
      await e2e.screenshot(page, 'admin-former-contact-dialog', { fullPage: false });

      // 5. The first request stops part-way (409 erasure_incomplete, injected once): continue.
      let injected = 0;
      await page.route('**/api/admin/contacts/erase', async (route) => {
        if (injected++ > 0) return route.fallback();
        await route.fulfill({
          status: 409,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'erasure_incomplete', message: 'Fler loggposter återstår. Radera igen för att fortsätta.' },
          }),
        });
      });
      await dialog.getByRole('button', { name: 'Radera uppgifterna' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await outcomeHeading.getByText(`Raderingen av ${FORMER.email} är inte klar`).waitFor();
      assertEqual(await focusedId(), 'erase-outcome-heading', 'focus on the unfinished erasure');
      // Focus on the heading reads the panel; no live region says it again.
      await outcome.getByText(/Det finns fler loggposter att rensa/).waitFor();
      assertEqual(
        await page
          .getByRole('status')
          .getByText(/är inte klar/)
          .count(),
        0,
        'not announced twice',
      );
      await e2e.axe(page, 'erase by address (incomplete)');
      await e2e.screenshot(page, 'admin-former-contact-incomplete');
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/admin/contacts/erase') && r.request().method() === 'POST'),
        outcome.getByRole('button', { name: 'Fortsätt radera' }).click(),
      ]);
      assertEqual(answer.status(), 200, 'the continued erasure');
      const first = (await answer.json()) as AddressErasureResult;
      assertEqual(first.contacts.map((c) => c.contactId).join(), contactId, 'the removed contact’s record');
      assert(first.outboxDeleted >= 1, `the sign-in email is deleted (${first.outboxDeleted})`);
      await page.unrouteAll({ behavior: 'wait' });

      // 6. The answer in counts, focused and announced.
      await outcomeHeading.getByText(`Uppgifterna om ${FORMER.email} är raderade`).waitFor();
      assertEqual(await focusedId(), 'erase-outcome-heading', 'focus on the answer');
      const stat = (label: string) =>
        outcome.locator('dl > div', { has: page.getByText(label, { exact: true }) }).locator('dd');
      assertEqual(
        (await stat('Raderade e-postmeddelanden').textContent())?.trim(),
        String(first.outboxDeleted),
        'emails deleted',
      );
      assertEqual(
        (await stat('Avslutade inloggningar').textContent())?.trim(),
        String(first.sessionsEnded),
        'sign-ins ended',
      );
      assertEqual(await outcome.locator('dt').count(), 7, 'every count is shown');
      assertEqual((await stat('Raderade uppgifter om borttagna kontakter').textContent())?.trim(), '1', 'records');
      await outcome.getByText('Tidigare kontaktperson i').waitFor();
      await outcome.getByRole('link', { name: `${ORG.name} (${ORG.code})` }).waitFor();
      assertEqual(
        await page
          .getByRole('status')
          .getByText(/är raderade/)
          .count(),
        0,
        'not announced twice',
      );
      assertEqual(await field.inputValue(), '', 'the field is emptied for the next address');
      await e2e.axe(page, 'erase by address (done)');
      await e2e.screenshot(page, 'admin-former-contact-erased');
      const exported = await kansliContext.request.get(`${e2e.baseUrl}/api/admin/contacts/${contactId}/export`);
      assertEqual(exported.status(), 404, 'nothing left under the removed contact’s id');

      // 7. The same address again: nothing is left, every count zero.
      const [again] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/admin/contacts/erase') && r.request().method() === 'POST'),
        confirmErase(FORMER.email),
      ]);
      assertEqual(again.status(), 200, 'the repeat');
      const repeat = (await again.json()) as Record<string, unknown>;
      assertEqual(
        JSON.stringify(repeat),
        JSON.stringify({
          contacts: [],
          sessionsEnded: 0,
          outboxDeleted: 0,
          loginTokensDeleted: 0,
          reminderLogRedacted: 0,
          responsesRedacted: 0,
          auditRedacted: 0,
        }),
        'a repeat answers zeros',
      );
      await outcomeHeading.getByText(`Inget fanns kvar att radera om ${FORMER.email}`).waitFor();
      assertEqual(await outcome.locator('dt').count(), 0, 'no counts when nothing was found');
      assertEqual(await focusedId(), 'erase-outcome-heading', 'focus on the repeat’s answer');
      await e2e.screenshot(page, 'admin-former-contact-nothing-left');

      // 8. English.
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Erase a former contact’s data' }).waitFor();
      await outcomeHeading.getByText(`Nothing was left to erase about ${FORMER.email}`).waitFor();
      await page
        .getByRole('form', { name: 'Erase the data of an email address' })
        .getByLabel('Email address')
        .waitFor();
      await page.getByRole('button', { name: 'Erase data', exact: true }).waitFor();
      await e2e.axe(page, 'erase by address (English)');
      await e2e.screenshot(page, 'admin-former-contact-en');
      await page.getByRole('button', { name: 'På svenska' }).click();
      await page.getByRole('heading', { level: 1, name: 'Radera uppgifter om en tidigare kontakt' }).waitFor();

      // 9. The log says what was done, in words, and nowhere the address.
      await page.goto(`${e2e.baseUrl}/admin/logg`);
      const log = page.getByRole('table', { name: /^Händelser/ });
      await log.getByText('Uppgifter raderade under en adress').first().waitFor();
      await log.getByText('Kontakt raderad').first().waitFor();
      assertEqual(await page.getByText(FORMER.email).count(), 0, 'the address is nowhere in the log');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'editing an organisation sends only what was changed, so another admin’s change made meanwhile stands',
    async run(e2e) {
      const code = '1267';
      const page = await e2e.signIn(await e2e.newContext(), KANSLI);
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/admin/organisationer/${code}`);
      await page.getByRole('heading', { level: 1, name: 'Höör' }).waitFor();
      await page.locator('.loading').first().waitFor({ state: 'detached' });

      // Another admin records an end of membership while this page still shows none.
      const other = await page.request.patch(`${e2e.baseUrl}/api/admin/organisations/${code}`, {
        data: { memberUntil: '2030-12-31' },
      });
      assertEqual(other.status(), 200, 'the other admin’s PATCH');
      try {
        await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('Invånare').fill('17 100');
        const sent = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/organisations/${code}`));
        await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
        assertEqual(
          JSON.stringify((await sent).postDataJSON()),
          JSON.stringify({ population: 17100 }),
          'the PATCH body',
        );
        await dialog.waitFor({ state: 'hidden' });
        const stored = (await (await page.request.get(`${e2e.baseUrl}/api/admin/organisations/${code}`)).json()) as {
          population?: number;
          memberUntil?: string;
        };
        assertEqual(stored.population, 17100, 'the new population is stored');
        assertEqual(stored.memberUntil, '2030-12-31', 'the other admin’s end of membership stands');
        assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
      } finally {
        await page.request.patch(`${e2e.baseUrl}/api/admin/organisations/${code}`, {
          data: { memberUntil: null, population: 17_000 },
        });
      }
    },
  },
  {
    name: 'the kansli moves a contact to another organisation, and an address another organisation has is named with a link',
    async run(e2e) {
      const kansliContext = await e2e.newContext();
      const page = await e2e.signIn(kansliContext, KANSLI);
      const watch = watchPage(page);
      const headers = { origin: e2e.baseUrl };
      const TARGET = { code: '1780', name: 'Karlstad' };
      const added = await kansliContext.request.post(`${e2e.baseUrl}/api/admin/organisations/${ORG.code}/contacts`, {
        headers,
        data: MOVER,
      });
      assertEqual(added.status(), 201, 'POST …/contacts');
      const contactId = ((await added.json()) as { contact: { id: string } }).contact.id;
      try {
        // 1. "Flytta" on the contact, from the keyboard: find the organisation by typing.
        await openOrganisation(e2e, page);
        // The list of organisations is held back a moment: until it is there, "Flytta" cannot be pressed
        // (a refusal then named a field that was not on the page, and focus was lost under load).
        let release = () => {};
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        const list = /\/api\/admin\/organisations(\?[^/]*)?$/;
        // The list also shows Karlstad as a former member (the register is not changed): the dialog
        // marks it and warns when it is chosen, as the person would then have no access.
        await page.route(list, async (route) => {
          await held;
          const response = await route.fetch();
          const rows = (await response.json()) as Array<{ id: string; memberUntil?: string }>;
          const json = rows.map((row) => (row.id === TARGET.code ? { ...row, memberUntil: '2025-12-31' } : row));
          await route.fulfill({ response, json });
        });
        await page.getByRole('button', { name: `Flytta ${MOVER.name} till en annan organisation` }).press('Enter');
        const dialog = page.getByRole('dialog', { name: `Flytta ${MOVER.name} till en annan organisation` });
        await dialog.waitFor();
        await dialog.getByText('Hämtar organisationerna…').waitFor();
        assert(
          await dialog.getByRole('button', { name: 'Flytta', exact: true }).isDisabled(),
          '"Flytta" waits for the list',
        );
        release();
        await dialog.getByLabel('Ny organisation').waitFor();
        await page.unroute(list);
        await dialog.getByText(`${MOVER.name} flyttas från ${ORG.name} med namn och e-postadress.`).waitFor();
        const search = dialog.getByLabel('Ny organisation');
        // Nothing chosen: the field says so and takes the focus.
        await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();
        await dialog.getByText('Välj organisationen i listan.').waitFor();
        await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'search');
        await search.fill('a');
        await dialog
          .getByRole('status')
          .getByText(/^\d+ organisationer matchar/)
          .waitFor();
        await search.fill('KARL');
        await dialog.getByRole('status').getByText('1 organisation matchar.').waitFor();
        await page.keyboard.press('Tab');
        await page.keyboard.press('Space');
        const choice = dialog.getByRole('radio', { name: `${TARGET.name} (${TARGET.code})` });
        assert(await choice.isChecked(), 'Karlstad is chosen from the keyboard');
        await dialog
          .getByRole('radio', { name: `${TARGET.name} (${TARGET.code}) – medlemskapet upphörde 31 december 2025` })
          .waitFor();
        await dialog
          .getByText(
            `${TARGET.name} är inte längre medlem: medlemskapet upphörde 31 december 2025. ${MOVER.name} kommer inte att kunna logga in`,
            { exact: false },
          )
          .waitFor();
        // Karlstad has an official already: the dialog says so before anything is moved.
        await dialog
          .getByText(new RegExp(`^${TARGET.name} har redan .+ som tjänsteperson\\. Efter flytten har`))
          .waitFor();
        await e2e.axe(page, 'move dialog');
        await e2e.screenshot(page, 'admin-contact-move-dialog', { fullPage: false });
        const sent = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/contacts/${contactId}`));
        await dialog.getByRole('button', { name: 'Flytta', exact: true }).click();
        assertEqual(
          JSON.stringify((await sent).postDataJSON()),
          JSON.stringify({ organisationId: TARGET.code }),
          'the PATCH body',
        );
        await dialog.waitFor({ state: 'hidden' });
        await page
          .getByRole('status')
          .getByText(`${MOVER.name} är flyttad till ${TARGET.name} (${TARGET.code}).`)
          .waitFor();
        await page.getByRole('button', { name: `Ändra ${MOVER.name}` }).waitFor({ state: 'detached' });
        const target = (await (
          await kansliContext.request.get(`${e2e.baseUrl}/api/admin/organisations/${TARGET.code}/contacts`)
        ).json()) as { contacts: Array<{ id: string; role: string }> };
        assert(
          target.contacts.some((c) => c.id === contactId && c.role === 'official'),
          'the contact is Karlstad’s now, still an official',
        );

        // 2. Adding the person here again: the address is named as another organisation's, with a link.
        await page.getByRole('button', { name: 'Lägg till kontakt' }).click();
        const add = page.getByRole('dialog', { name: 'Lägg till kontaktperson' });
        await add.getByLabel('Namn').fill(MOVER.name);
        await add.getByLabel('E-post').fill(MOVER.email);
        await add.getByRole('button', { name: 'Lägg till kontakt' }).click();
        await add
          .locator('.error-message')
          .getByText(`E-postadressen används redan av en kontakt hos ${TARGET.name} (${TARGET.code}).`)
          .waitFor();
        const open = add.getByRole('link', { name: `Öppna ${TARGET.name} (${TARGET.code})` });
        assertEqual(await open.getAttribute('href'), `/admin/organisationer/${TARGET.code}`, 'the link');
        await e2e.axe(page, 'add dialog (address in use)');
        await e2e.screenshot(page, 'admin-contact-email-in-use', { fullPage: false });
        await open.click();
        await page.getByRole('heading', { level: 1, name: TARGET.name }).waitFor();
        assertEqual(await page.getByRole('dialog').count(), 0, 'the dialog closed with the move to the other page');
        await page.getByRole('button', { name: `Flytta ${MOVER.name} till en annan organisation` }).waitFor();
        await e2e.axe(page, `/admin/organisationer/${TARGET.code} (moved contact)`);
        await e2e.screenshot(page, 'admin-contact-moved-target');

        // 3. The log words the move.
        await page.goto(`${e2e.baseUrl}/admin/logg?organisation=${TARGET.code}`);
        const log = page.getByRole('table', { name: 'Händelser, senaste först' });
        const entry = log
          .locator('tbody tr', { has: page.getByRole('rowheader', { name: /^Kontakt flyttad/ }) })
          .first();
        await entry.getByText(`Organisation: ${ORG.code} → ${TARGET.code}`).waitFor();
        await entry.getByText('Ändrat: Organisation').waitFor();
        await e2e.screenshot(page, 'admin-audit-contact-moved');
        assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
      } finally {
        await kansliContext.request.delete(`${e2e.baseUrl}/api/admin/contacts/${contactId}`, { headers });
      }
    },
  },
  {
    name: 'a former member’s page says it is not in this year’s survey, and offers the review only for a response it has',
    async run(e2e) {
      const page = await e2e.signIn(await e2e.newContext(), KANSLI);
      const watch = watchPage(page);
      const api = page.request;
      const campaigns = (await (await api.get(`${e2e.baseUrl}/api/admin/campaigns`)).json()) as Array<{
        year: number;
        status: string;
        opensAt: string;
      }>;
      const open = campaigns.find((c) => c.status === 'open');
      assert(open, 'the demo has an open campaign');
      const { year } = open;
      const rows = (await (await api.get(`${e2e.baseUrl}/api/admin/campaigns/${year}/progress`)).json()) as Array<{
        organisationId: string;
        status: string;
      }>;
      // The last of each in code order: organisations the other scenarios leave alone.
      const idle = rows.filter((r) => r.status === 'not_started').at(-1)?.organisationId;
      const drafting = rows.filter((r) => r.status === 'draft').at(-1)?.organisationId;
      assert(idle && drafting, 'the demo has an organisation not started and one with a draft');
      // Ended two days before the campaign opened: not a member on any of its answer days.
      const until = new Date(Date.parse(open.opensAt) - 2 * 86_400_000).toISOString().slice(0, 10);
      const date = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(
        new Date(until),
      );
      const headers = { origin: e2e.baseUrl };
      try {
        for (const code of [idle, drafting]) {
          const res = await api.patch(`${e2e.baseUrl}/api/admin/organisations/${code}`, {
            headers,
            data: { memberUntil: until },
          });
          assertEqual(res.status(), 200, `PATCH …/organisations/${code}`);
        }
        const notIn = `Inte med i enkäten ${year}: medlemskapet upphörde ${date}.`;

        // 1. No response: the page says why it has no status, with nothing to review.
        await page.goto(`${e2e.baseUrl}/admin/organisationer/${idle}`);
        await page.locator('.loading').first().waitFor({ state: 'detached' });
        const facts = page.locator('.facts');
        await facts.getByText(notIn).waitFor();
        assertEqual(await facts.getByText('Ej påbörjad').count(), 0, 'no "Ej påbörjad" for a former member');
        assertEqual(await facts.getByRole('link', { name: 'Granska svaret' }).count(), 0, 'nothing to review');

        // 2. A draft from outside the membership stands: said so, with its status and the review.
        await page.goto(`${e2e.baseUrl}/admin/organisationer/${drafting}`);
        await page.locator('.loading').first().waitFor({ state: 'detached' });
        await facts.getByText(notIn).waitFor();
        await facts.getByText(`Ett svar för ${year} finns ändå, från tiden utanför medlemskapet`).waitFor();
        assertEqual(
          await facts.getByRole('link', { name: 'Granska svaret' }).getAttribute('href'),
          `/admin/granskning/${year}/${drafting}`,
          'the review link',
        );
        await e2e.axe(page, `/admin/organisationer/${drafting} (former member)`);
        await e2e.screenshot(page, 'admin-organisation-former-member', { fullPage: false });

        // 3. The same in English.
        await page.getByRole('button', { name: 'In English' }).click();
        await facts.getByText(`Not in the ${year} survey: membership ended`).waitFor();
        await facts.getByRole('link', { name: 'Review the response' }).waitFor();
        await page.getByRole('button', { name: 'På svenska' }).click();
        await facts.getByText(notIn).waitFor();
        assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
      } finally {
        for (const code of [idle, drafting]) {
          await api.patch(`${e2e.baseUrl}/api/admin/organisations/${code}`, { headers, data: { memberUntil: null } });
        }
      }
    },
  },
];
