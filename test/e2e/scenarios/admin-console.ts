import type { Page } from 'playwright-core';
import { assert, assertEqual, PHONE, type Scenario, watchPage } from '../harness';

const KANSLI = 'kansli@example.se';
const EXCUSED = { code: '2081', name: 'Borlänge' };

/** The number in a points-table cell, e.g. "12" or "1 234". */
async function cellNumber(page: Page, question: string, cell: 'max' | 'points'): Promise<number> {
  const text = (await page.locator(`tr[data-question="${question}"] td[data-cell="${cell}"]`).textContent()) ?? '';
  return Number(text.replace(/\s/g, '').replace(',', '.'));
}

async function waitForCell(page: Page, question: string, cell: 'max' | 'points', expected: number): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if ((await cellNumber(page, question, cell).catch(() => Number.NaN)) === expected) return;
    await page.waitForTimeout(100);
  }
  assertEqual(await cellNumber(page, question, cell), expected, `points table ${question} ${cell}`);
}

type Json = Record<string, unknown>;

/** The scored choice question with the highest-scoring choice, and that choice. */
function topChoiceQuestion(survey: Json): { name: string; choice: Json } {
  let best: { name: string; choice: Json } | undefined;
  for (const page of survey.pages as Json[]) {
    for (const element of (page.elements as Json[]) ?? []) {
      if (element.type !== 'radiogroup' || !Array.isArray(element.choices)) continue;
      for (const choice of element.choices as Json[]) {
        if (typeof choice.score === 'number' && (!best || choice.score > (best.choice.score as number))) {
          best = { name: element.name as string, choice };
        }
      }
    }
  }
  assert(best, 'the survey has a scored radiogroup');
  return best;
}

export const scenarios: Scenario[] = [
  {
    name: 'the kansli creates next year’s campaign, edits points with a live preview, works the progress page and sees the audit trail',
    async run(e2e) {
      const context = await e2e.newContext();
      // 1. Sign in.
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      await page.getByRole('heading', { level: 1, name: 'Kansliets konsol' }).waitFor();
      const nav = page.getByRole('navigation', { name: 'Konsolen' });

      // 2. Next year's campaign from last year's.
      await nav.getByRole('link', { name: 'Kampanjer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kampanjer' }).waitFor();
      const latest = Math.max(
        ...(
          (await (await page.request.get(`${e2e.baseUrl}/api/admin/campaigns`)).json()) as Array<{ year: number }>
        ).map((c) => c.year),
      );
      const year = latest + 1;
      await e2e.screenshot(page, 'admin-campaigns');
      await page.getByRole('button', { name: 'Skapa nästa års kampanj' }).click();
      const create = page.getByRole('dialog', { name: 'Skapa nästa års kampanj' });
      await create.getByText(`kopieras från ${latest}`).waitFor();
      assertEqual(await create.getByLabel('År').inputValue(), String(year), 'next year prefilled');
      await e2e.screenshot(page, 'admin-campaign-create-dialog', { fullPage: false });
      await create.getByRole('button', { name: 'Skapa kampanjen' }).click();
      await page.waitForURL(`**/admin/kampanjer/${year}`);
      await page.getByRole('heading', { level: 1, name: String(year) }).waitFor();
      await e2e.screenshot(page, 'admin-campaign-detail');

      // A bad reminder policy answers 400 with paths; the page shows the message beside the field.
      await page.getByLabel('Påminnelsesteg (dagar före sista svarsdag)').fill('14, -3');
      await page.getByRole('button', { name: 'Spara inställningarna' }).click();
      await page.locator('.afield-error').getByText('negativt').waitFor();
      await page.getByLabel('Påminnelsesteg (dagar före sista svarsdag)').fill('14, 7, 2');
      // A Monday deadline: "2 dagar före" falls on the Saturday and moves onto the last day's morning,
      // so it is not sent. The save says so, and so does the policy on the page.
      const monday = [25, 26, 27, 28, 29, 30, 31].find((day) => new Date(Date.UTC(year, 9, day)).getUTCDay() === 1);
      await page.getByLabel('Öppnar', { exact: true }).fill(`${year}-09-01T08:00`);
      await page.getByLabel('Sista svarsdag', { exact: true }).fill(`${year}-10-${monday}T17:00`);
      await page.getByRole('button', { name: 'Spara inställningarna' }).click();
      const notSent = `Påminnelsen 2 dagar före (lördag ${monday! - 2} oktober) flyttas till måndag ${monday} oktober kl. 08:00, samma tid som påminnelsen sista dagen, och skickas inte.`;
      await page.getByText(`Ändringarna är sparade. ${notSent}`).waitFor();
      await page.getByTestId('policy-warnings').getByText(notSent).waitFor();
      await e2e.screenshot(page, 'admin-campaign-policy-warning');
      // Dates typed as Swedish wall-clock time: a Friday-afternoon deadline suits the send window.
      await page.getByLabel('Sista svarsdag', { exact: true }).fill(`${year}-10-29T17:00`);
      await page.getByRole('button', { name: 'Spara inställningarna' }).click();
      await page.getByText('Ändringarna är sparade.', { exact: true }).waitFor();
      await page.getByTestId('policy-warnings').waitFor({ state: 'detached' });
      const dates = (await (await page.request.get(`${e2e.baseUrl}/api/admin/campaigns/${year}`)).json()) as {
        opensAt: string;
        closesAt: string;
      };
      assertEqual(new Date(dates.closesAt).toISOString(), `${year}-10-29T15:00:00.000Z`, 'closesAt stored as UTC');

      // 3. Edit one question's points and watch the points table and the preview's points change.
      await page.getByRole('link', { name: 'Redigera enkäten för Kommun' }).click();
      await page.getByRole('heading', { level: 1, name: 'Enkäten för Kommun' }).waitFor();
      await page.locator('.cm-content').waitFor();
      await page.locator('[data-testid="survey-preview"]').waitFor();
      const campaign = (await (await page.request.get(`${e2e.baseUrl}/api/admin/campaigns/${year}`)).json()) as {
        surveys: { kommun: Json };
      };
      const survey = campaign.surveys.kommun;
      const { name, choice } = topChoiceQuestion(survey);
      const before = choice.score as number;
      await waitForCell(page, name, 'max', before);
      assertEqual(await cellNumber(page, name, 'points'), 0, `${name} earns nothing before answering`);
      // Find the line of that choice's "score" in the editor's text (the API's JSON, indented by 2),
      // go there with CodeMirror's "go to line" (Ctrl+Alt+G) and retype the number.
      choice.score = 987654321;
      const line =
        JSON.stringify(survey, null, 2)
          .split('\n')
          .findIndex((l) => l.includes('987654321')) + 1;
      choice.score = before;
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+Alt+g');
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      for (const _ of String(before)) await page.keyboard.press('Backspace');
      await page.keyboard.type(String(before + 10));
      await waitForCell(page, name, 'max', before + 10);
      await page.getByRole('button', { name: 'Fyll i svar med högsta poäng' }).click();
      await waitForCell(page, name, 'points', before + 10);
      assert(
        /ger \d+ av \d+ poäng/.test((await page.getByTestId('score-summary').textContent()) ?? ''),
        'the score summary shows the preview total',
      );
      // A syntax error shows inline and in the problem list, and blocks saving.
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.insertText(',');
      await page.getByText('1 fel att rätta').waitFor();
      const lines = ((await page.locator('.cm-lineNumbers .cm-gutterElement').last().textContent()) ?? '').trim();
      await page.locator('.problem-panel').getByText(`Rad ${lines}`).waitFor();
      await page.locator('.cm-lint-marker-error').first().waitFor();
      await page.keyboard.press('Backspace');
      await page.getByText('Osparade ändringar').waitFor();
      await page.getByRole('button', { name: 'Spara enkäten' }).click();
      await page.getByText('Enkäten är sparad.').waitFor();
      await e2e.axe(page, `/admin/kampanjer/${year}/enkat/kommun`);
      await e2e.screenshot(page, 'admin-survey-editor', { fullPage: false });
      choice.score = before + 10;
      const saved = (await (await page.request.get(`${e2e.baseUrl}/api/admin/campaigns/${year}`)).json()) as {
        surveys: { kommun: Json };
      };
      assertEqual(
        topChoiceQuestion(saved.surveys.kommun).choice.score,
        before + 10,
        'the saved survey has the new points',
      );

      // 4. Progress.
      await nav.getByRole('link', { name: 'Översikt' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kansliets konsol' }).waitFor();
      const table = page.locator('table.progress-table');
      await table.locator('tbody tr').first().waitFor();
      const rows = await table.locator('tbody tr').count();
      assert(rows >= 20, `progress lists the organisations (${rows})`);
      await page.getByRole('button', { name: 'Organisation' }).click();
      assertEqual(
        await table
          .locator('th', { has: page.getByRole('button', { name: 'Organisation' }) })
          .getAttribute('aria-sort'),
        'ascending',
        'aria-sort after sorting by name',
      );
      await page.getByLabel('Status').selectOption('submitted');
      await page.getByText(/Visar \d+ av \d+ organisationer/).waitFor();
      const submitted = await table.locator('tbody tr').count();
      assert(submitted < rows, 'the status filter narrows the list');
      await page.getByRole('button', { name: 'Rensa filter' }).click();
      await page.getByRole('button', { name: 'Visa som diagram' }).click();
      await page.locator('.status-bars .status-bar-row').first().waitFor();
      assert((await page.locator('.status-bars .status-bar-row').count()) === 4, 'one bar per status');
      await e2e.axe(page, '/admin (progress)');
      await e2e.screenshot(page, 'admin-progress');

      // 5. Excuse an organisation, with a reason.
      await page.getByRole('button', { name: `Befria ${EXCUSED.name}` }).click();
      const excuse = page.getByRole('dialog', { name: `Befria ${EXCUSED.name} från årets enkät` });
      await excuse.getByRole('button', { name: 'Befria' }).click();
      await excuse.getByText('Skriv en motivering.').first().waitFor();
      await excuse.getByLabel('Motivering').fill('Kommunen har meddelat att de avstår i år.');
      await e2e.screenshot(page, 'admin-excuse-dialog', { fullPage: false });
      await excuse.getByRole('button', { name: 'Befria' }).click();
      await page.getByRole('status').getByText(`${EXCUSED.name} är befriad.`).waitFor();
      const excusedRow = table.locator('tr', { has: page.getByRole('link', { name: EXCUSED.name, exact: true }) });
      await excusedRow.getByText('Befriad').waitFor();

      // 5b. "Påminn nu" for one organisation that has not started. The demo seed sent no invitation,
      // so the confirmation says its contacts get the invitation (not a reminder that says nothing of
      // what the survey is); the announcer says who got it, the mail is in the dev outbox and the
      // row's reminder count stays (an invitation is no reminder). The same day nothing more goes.
      await page.getByLabel('Status', { exact: true }).selectOption('not_started');
      const remindButton = table.getByRole('button', { name: /^Påminn nu: / }).first();
      const remindName = ((await remindButton.getAttribute('aria-label')) ?? '').replace(/^Påminn nu: /, '');
      const remindRow = table.locator('tr', { has: page.getByRole('link', { name: remindName, exact: true }) });
      const remindCode = ((await remindRow.locator('td.num').first().textContent()) ?? '').trim();
      const remindersBefore = Number(await remindRow.locator('td.num').nth(1).textContent());
      const outboxBefore = new Set((await e2e.outbox()).map((m) => m.id));
      const campaignMail = async () =>
        (await e2e.outbox()).filter(
          (m) => !outboxBefore.has(m.id) && (m.kind === 'invitation' || m.kind === 'reminder'),
        );
      await remindButton.click();
      const remindDialog = page.getByRole('dialog', { name: `Påminn ${remindName} nu?` });
      await remindDialog.getByText(/högst ett mejl per dag/).waitFor();
      await remindDialog
        .getByRole('status')
        .getByText(/ får inbjudan\.$/)
        .waitFor();
      await e2e.axe(page, '/admin (remind now dialog)');
      await e2e.screenshot(page, 'admin-remind-now-dialog', { fullPage: false });
      await remindDialog.getByRole('button', { name: 'Skicka inbjudan' }).click();
      const announced = page.getByRole('status').getByText(/^Inbjudan skickad till /);
      await announced.waitFor();
      const invitations = await campaignMail();
      assert(invitations.length > 0, `an invitation for ${remindName} is in the dev outbox`);
      for (const mail of invitations) {
        assertEqual(mail.kind, 'invitation', `the first email to ${mail.to.join(', ')} is the invitation`);
        assert(
          mail.to.every((to) => to.endsWith(`.${remindCode}@example.se`)),
          `the invitation went to ${remindName}'s contacts (${mail.to.join(', ')})`,
        );
        assert(`${mail.subject} ${mail.text}`.includes(remindName), 'the invitation names the organisation');
        assert(/\/login#token=/.test(mail.text), 'the invitation carries a sign-in link');
        assert((await announced.textContent())?.includes(mail.to[0] ?? '—'), 'the announcer says who got it');
      }
      await page.locator('.loading').waitFor({ state: 'detached' });
      assertEqual(
        Number(await remindRow.locator('td.num').nth(1).textContent()),
        remindersBefore,
        'an invitation is not counted as a reminder',
      );
      await e2e.screenshot(page, 'admin-progress-reminded');
      await remindRow.getByRole('button', { name: `Påminn nu: ${remindName}` }).click();
      await remindDialog.getByRole('status').getByText('Ingen får något mejl nu.').waitFor();
      await remindDialog
        .getByText(/fick inbjudan i dag/)
        .first()
        .waitFor();
      assert(
        await remindDialog.getByRole('button', { name: 'Skicka påminnelsen' }).isDisabled(),
        'nothing can be sent a second time the same day',
      );
      await remindDialog.getByRole('button', { name: 'Avbryt' }).click();
      assertEqual((await campaignMail()).length, invitations.length, 'a second click the same day sends nothing');
      await page.getByRole('button', { name: 'Rensa filter' }).click();

      // The reminders panel: each step with the day it goes out, and a dry run for a date.
      await page
        .getByTestId('reminder-schedule')
        .getByText(/^Sista dagen: \S+ \d+ \S+ kl\. 08:00$/)
        .waitFor();
      await page.getByRole('button', { name: 'Förhandsgranska', exact: true }).click();
      await page.getByText(/Förhandsgranskningen är klar/).waitFor();

      // 6. The audit trail.
      await nav.getByRole('link', { name: 'Logg' }).click();
      await page.getByRole('heading', { level: 1, name: 'Logg' }).waitFor();
      const audit = page.locator('table.audit-table');
      await audit.getByText('Organisation befriad').first().waitFor();
      await audit.getByText('Enkät ändrad').first().waitFor();
      await audit.getByText('Kampanj skapad').first().waitFor();
      await page.getByLabel('Organisationskod').fill(EXCUSED.code);
      await page.getByRole('button', { name: 'Visa', exact: true }).click();
      await page.waitForURL(`**/admin/logg?organisation=${EXCUSED.code}`);
      await audit.getByText('Organisation befriad').waitFor();
      await audit.getByText('Kommunen har meddelat att de avstår i år.').waitFor();
      assertEqual(await audit.getByText('Kampanj skapad').count(), 0, 'filtered by organisation');
      await e2e.screenshot(page, 'admin-audit');

      // 7. More entries than a page: "Visa fler" fetches the next page with the API's cursor.
      for (let i = 0; i < 101; i++) {
        const res = await page.request.patch(`${e2e.baseUrl}/api/admin/organisations/1281`, {
          data: { population: 128_000 + i },
        });
        assertEqual(res.status(), 200, 'PATCH organisation');
      }
      await page.getByRole('button', { name: 'Rensa filter' }).click();
      await page.waitForURL(/\/admin\/logg$/);
      await page.reload();
      await page.getByText(/händelser visas, senaste först\. Det finns fler\./).waitFor();
      assertEqual(await audit.locator('tbody tr').count(), 100, 'the first page holds 100 entries');
      assertEqual(await audit.getByText('Organisation befriad').count(), 0, 'older entries are on the next page');
      await page.getByRole('button', { name: 'Visa fler' }).click();
      await audit.getByText('Organisation befriad').first().waitFor();
      assert((await audit.locator('tbody tr').count()) > 100, 'the next page is added below the first');
      assert(
        await page.evaluate(() => document.activeElement?.closest('tr')?.rowIndex === 101),
        'focus moves to the first entry of the new page',
      );
      await e2e.screenshot(page, 'admin-audit-more', { fullPage: false });

      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the progress page fits a phone: no sideways scrolling, every value and action in view, still a table',
    async run(e2e) {
      const context = await e2e.newContext({ viewport: PHONE });
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/admin?ar=${new Date().getFullYear()}`);
      const table = page.locator('table.progress-table');
      await table.locator('tbody tr').first().waitFor();
      // A row the kansli can act on: the one chased from a phone.
      const row = table.locator('tbody tr', { has: page.getByRole('button') }).first();
      const inView = async (what: string, box: { x: number; width: number } | null) => {
        assert(box, `${what} is shown`);
        assert(
          box.x >= 0 && box.x + box.width <= PHONE.width,
          `${what} is within the ${PHONE.width} px viewport (x ${Math.round(box.x)} to ${Math.round(box.x + box.width)})`,
        );
      };
      const fitsPhone = async (reminders: string) => {
        // The column's cell found by its head's place, as a screen reader pairs them.
        const heads = await table.locator('thead th').allTextContents();
        const index = heads.findIndex((head) => head.startsWith(reminders));
        assert(index >= 0, `a "${reminders}" column`);
        await inView(`the ${reminders} cell`, await row.locator('xpath=./*').nth(index).boundingBox());
        for (const button of await row.getByRole('button').all()) {
          await inView(`"${await button.textContent()}"`, await button.boundingBox());
        }
        await inView(
          `the sort button ${reminders}`,
          await table.getByRole('button', { name: reminders, exact: true }).boundingBox(),
        );
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - window.innerWidth,
          table: (() => {
            const scroll = document.querySelector('table.progress-table')?.closest('.table-scroll');
            return scroll ? scroll.scrollWidth - scroll.clientWidth : Number.NaN;
          })(),
        }));
        assert(overflow.page <= 0, `the page does not scroll sideways (${overflow.page} px too wide)`);
        assert(overflow.table <= 0, `the table does not scroll sideways (${overflow.table} px too wide)`);
      };
      await fitsPhone('Påminnelser');

      // Sorting and the row's actions from the keyboard.
      await table.getByRole('button', { name: 'Påminnelser', exact: true }).focus();
      await page.keyboard.press('Enter');
      // The most reminded first.
      await table.locator('th[aria-sort="descending"]', { hasText: 'Påminnelser' }).waitFor();
      const action = row.getByRole('button').first();
      const actionName = (await action.getAttribute('aria-label')) ?? '';
      await action.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, actionName);

      // Chromium's accessibility tree still has the table's rows, heads and cells.
      const cdp = await context.newCDPSession(page);
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }>;
      };
      const roles = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role);
      const rows = await table.locator('tbody tr').count();
      assert(roles('table').length > 0, 'a table for screen readers');
      assert(roles('rowheader').length >= rows, `a row header per organisation (${roles('rowheader').length})`);
      assert(
        roles('columnheader').some((n) => n.name?.value === 'Påminnelser'),
        'the Påminnelser column head for screen readers',
      );
      assert(roles('cell').length >= rows * 6, `the rows' cells for screen readers (${roles('cell').length})`);
      await e2e.axe(page, '/admin (progress, phone)');

      await page.getByRole('button', { name: 'In English' }).click();
      await table.getByRole('columnheader', { name: 'Reminders' }).waitFor();
      await fitsPhone('Reminders');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'every console page renders, in Swedish and English, for screenshots',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      const visit = async (path: string, heading: string | RegExp, shot: string) => {
        await page.goto(`${e2e.baseUrl}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.locator('.loading').waitFor({ state: 'detached' });
        await e2e.screenshot(page, shot);
      };
      await visit('/admin/organisationer', 'Organisationer', 'admin-organisations');
      await visit('/admin/organisationer/1281', 'Lund', 'admin-organisation-detail');
      await visit('/admin/organisationer/import-kontakter', 'Importera kontakter', 'admin-contact-import');
      await page
        .getByLabel('Eller klistra in innehållet')
        .fill('kod;namn;e-post;roll\n1281;Ny Person;ny.person@lund.se;politiker\n9999;Fel;inte-en-adress;chef');
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.getByRole('table', { name: 'Fel per rad' }).waitFor();
      await e2e.screenshot(page, 'admin-contact-import-preview');
      await visit('/admin/import', 'Import av utsläppsdata', 'admin-import');
      const year = new Date().getFullYear();
      await visit(`/admin/granskning?ar=${year}`, 'Granskning', 'admin-review-picker');
      // The list shows each submitted organisation's score and grade; sorted by score from the keyboard.
      await page.getByRole('button', { name: /^Poäng/ }).focus();
      await page.keyboard.press('Enter');
      await page.locator('th[aria-sort="descending"]', { hasText: 'Poäng' }).waitFor();
      const firstRow = page.locator('tbody tr').first();
      assert(/Inskickad/.test((await firstRow.textContent()) ?? ''), 'the highest score first: a submitted row');
      assert(/\d+(,\d+)? \/ \d+ \(/.test((await firstRow.textContent()) ?? ''), 'its points of the maximum');
      const unsubmitted = page.locator('tbody tr', { hasText: /Utkast|Ej påbörjad/ }).first();
      await unsubmitted.getByRole('img', { name: 'Ingen poäng, inte inskickad' }).waitFor();
      await e2e.axe(page, '/admin/granskning (list sorted by score)');
      await e2e.screenshot(page, 'admin-review-picker-by-score');
      const submitted = page.locator('tbody tr', { hasText: 'Inskickad' }).first().getByRole('link');
      await submitted.click();
      await page.locator('.review-table').first().waitFor();
      const compare = page.getByLabel(/Jämför med/);
      if (await compare.count()) await compare.check();
      await e2e.screenshot(page, 'admin-review');
      // Override one question's points, then remove the override again, with a reason.
      const overrideButton = page.getByRole('button', { name: /^Justera poängen för / }).first();
      const question = ((await overrideButton.getAttribute('aria-label')) ?? '').replace(/^Justera poängen för /, '');
      await overrideButton.click();
      const overrideDialog = page.getByRole('dialog', { name: 'Justera poängen' });
      const pointsField = overrideDialog.getByLabel(/Nya poäng/);
      // The closed dialog's field is in the page too (empty): read it once the dialog is open and filled.
      const openedPoints = async () => {
        await overrideDialog.waitFor();
        await page.waitForFunction(
          (field) => (field as HTMLInputElement | null)?.value !== '',
          await pointsField.elementHandle(),
          { timeout: 5000 },
        );
        return pointsField.inputValue();
      };
      // It opens on the rules' own points: saving them unchanged is refused in the dialog, not sent.
      let overridesSent = 0;
      const countOverrides = (request: { method(): string; url(): string }) => {
        if (request.method() === 'POST' && request.url().endsWith('/overrides')) overridesSent += 1;
      };
      page.on('request', countOverrides);
      const calculated = await openedPoints();
      await overrideDialog.getByLabel('Motivering').fill('Underlaget saknas.');
      await overrideDialog.getByRole('button', { name: 'Spara justeringen' }).click();
      await overrideDialog.getByText(`Poängen är redan ${calculated}. Ändra poängen eller avbryt.`).waitFor();
      page.off('request', countOverrides);
      assertEqual(overridesSent, 0, 'an unchanged adjustment is not sent');
      // Garbage is refused with a clear message; a decimal point is shown back with a Swedish comma and saved.
      await pointsField.fill('två');
      await overrideDialog.getByRole('button', { name: 'Spara justeringen' }).click();
      await overrideDialog.getByText('Skriv poängen som ett tal, till exempel 2 eller 2,5.').waitFor();
      await pointsField.fill('0.5');
      await pointsField.blur();
      assertEqual(await pointsField.inputValue(), '0,5', 'the points in the Swedish format');
      // Typed with a decimal comma, key by key (a number field would drop the comma: "05").
      await pointsField.fill('');
      await pointsField.pressSequentially('0,5');
      await overrideDialog.getByRole('button', { name: 'Spara justeringen' }).click();
      await page.getByRole('status').getByText(`Poängen för ${question} är justerad.`).waitFor();
      await page
        .locator('tr', { has: page.getByRole('button', { name: `Ta bort justeringen för ${question}` }) })
        .getByText(/^0,5 \/ /)
        .waitFor();
      await e2e.screenshot(page, 'admin-review-overridden');
      // Adjusted again, the dialog starts from the adjustment: its points and its reason.
      await page.getByRole('button', { name: `Justera poängen för ${question}` }).click();
      assertEqual(await openedPoints(), '0,5', 'the adjusted points prefilled');
      assertEqual(await overrideDialog.getByLabel('Motivering').inputValue(), 'Underlaget saknas.', 'its reason');
      await overrideDialog.getByRole('button', { name: 'Avbryt' }).click();
      await page.getByRole('button', { name: `Ta bort justeringen för ${question}` }).click();
      const removeDialog = page.getByRole('dialog', { name: 'Ta bort justeringen?' });
      await removeDialog.getByRole('button', { name: 'Ta bort justeringen' }).click();
      await removeDialog.getByText('Skriv en motivering.').first().waitFor();
      await removeDialog.getByLabel('Motivering').fill('Underlaget kom in i efterhand.');
      await e2e.axe(page, '/admin/granskning (remove override dialog)');
      await e2e.screenshot(page, 'admin-review-remove-override-dialog', { fullPage: false });
      await removeDialog.getByRole('button', { name: 'Ta bort justeringen' }).click();
      await page.getByRole('status').getByText(`Justeringen för ${question} är borttagen.`, { exact: false }).waitFor();
      assertEqual(
        await page.getByRole('button', { name: `Ta bort justeringen för ${question}` }).count(),
        0,
        'no override left to remove',
      );
      // A refused removal is shown in 'the settings page offers no removal …' below.
      await visit('/admin/installningar', 'Inställningar', 'admin-settings');
      await page.goto(`${e2e.baseUrl}/admin`);
      await page.getByRole('heading', { level: 1, name: 'Kansliets konsol' }).waitFor();
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 1, name: /secretariat's console/ }).waitFor();
      await page.getByRole('columnheader', { name: 'Last edited' }).waitFor();
      await e2e.screenshot(page, 'admin-progress-en');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the settings page offers no removal of an admin from the configuration, and a failed removal keeps focus in sight',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      const other = { name: 'Tillfällig Administratör', email: `tillfallig.${Date.now()}@example.se` };
      const request = (method: 'POST' | 'DELETE', path: string, data?: Json) =>
        page.request.fetch(`${e2e.baseUrl}${path}`, { method, data, headers: { origin: e2e.baseUrl } });
      assertEqual((await request('POST', '/api/admin/admins', other)).status(), 201, 'add a second admin');
      await page.goto(`${e2e.baseUrl}/admin/installningar`);
      await page.getByRole('heading', { level: 1, name: 'Inställningar' }).waitFor();

      // The configured admin's row says why it cannot be removed here, instead of a button the API refuses.
      const ownRow = () => page.getByRole('row').filter({ has: page.getByRole('cell', { name: KANSLI, exact: true }) });
      const configured = ownRow();
      await configured.getByText('Tas bort i konfigurationen').waitFor();
      assertEqual(await configured.getByRole('button').count(), 0, 'no remove button for the configured admin');

      // Another kansli removes the second admin meanwhile: the removal here fails (404) …
      assertEqual(
        (await request('DELETE', `/api/admin/admins/${encodeURIComponent(other.email)}`)).status(),
        200,
        'removed elsewhere',
      );
      const rowButton = page.getByRole('button', { name: `Ta bort ${other.name} som administratör` });
      await rowButton.click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: 'Ta bort' }).click();
      const alert = dialog.getByRole('alert');
      await alert.waitFor();
      // … and focus is on the reason, not lost on the page's body.
      await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
      await e2e.axe(page, '/admin/installningar (refused removal)');
      await e2e.screenshot(page, 'admin-settings-refused', { fullPage: false });
      // Closing the dialog hands focus back to the row's button.
      await dialog.getByRole('button', { name: 'Avbryt' }).click();
      await page.waitForFunction(
        (name) => document.activeElement?.getAttribute('aria-label') === name,
        `Ta bort ${other.name} som administratör`,
      );
      assert(await rowButton.isVisible(), 'the row stays until the list is reloaded');

      // In English too.
      await page.getByRole('button', { name: 'In English' }).click();
      await ownRow().getByText('Removed in the configuration').waitFor();
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'the kansli reopens and extends only where it changes something, and nothing once a year is published',
    async run(e2e) {
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      const year = new Date().getFullYear();
      const api = async (method: 'GET' | 'POST', path: string) => {
        const res = await page.request.fetch(`${e2e.baseUrl}${path}`, { method, headers: { origin: e2e.baseUrl } });
        return { status: res.status(), body: (await res.json()) as Json };
      };
      const campaign = (await api('GET', `/api/admin/campaigns/${year}`)).body;
      const campaignCloses = Date.parse(campaign.closesAt as string);
      const later = stockholmInput(campaignCloses + 7 * 86_400_000);
      const table = page.locator('table.progress-table');
      const progress = async (y: number) => {
        await page.goto(`${e2e.baseUrl}/admin?ar=${y}`);
        await table.locator('tbody tr').first().waitFor();
      };
      const reopenButtons = table.getByRole('button', { name: /^Öppna igen eller förläng för / });
      const nameOf = async (button: ReturnType<Page['getByRole']>) =>
        ((await button.getAttribute('aria-label')) ?? '').replace(/^Öppna igen eller förläng för /, '');

      // 1. "Förläng" needs a date later than the campaign's; then the row shows the own deadline.
      await progress(year);
      await page.getByLabel('Status', { exact: true }).selectOption('not_started');
      const extendButton = reopenButtons.filter({ hasText: 'Förläng' }).first();
      const extended = await nameOf(extendButton);
      await extendButton.click();
      const extend = page.getByRole('dialog', { name: `Förläng svarstiden för ${extended}` });
      await extend.getByLabel('Motivering').fill('Kommunen har bett om en vecka till.');
      await extend.getByRole('button', { name: 'Förläng' }).click();
      await extend.getByText('Ange den nya sista svarsdagen.').waitFor();
      await extend.getByLabel('Ny sista svarsdag').fill(stockholmInput(campaignCloses - 86_400_000));
      await extend.getByRole('button', { name: 'Förläng' }).click();
      await extend.getByText(/Välj en dag senare än kampanjens sista svarsdag/).waitFor();
      await e2e.axe(page, '/admin (extend dialog)');
      await e2e.screenshot(page, 'admin-extend-dialog', { fullPage: false });
      await extend.getByLabel('Ny sista svarsdag').fill(later);
      await extend.getByRole('button', { name: 'Förläng' }).click();
      await page
        .getByRole('status')
        .getByText(`${extended} har fått en egen sista svarsdag:`, { exact: false })
        .waitFor();
      const extendedRow = table.locator('tr', { has: page.getByRole('link', { name: extended, exact: true }) });
      await extendedRow.getByText(`Egen sista svarsdag ${later.replace('T', ' ')}`).waitFor();
      await e2e.screenshot(page, 'admin-progress-own-deadline');
      // The review page's header says so too.
      await extendedRow.getByRole('link', { name: extended, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: extended }).waitFor();
      await page.locator('.facts').getByText('Egen sista svarsdag').waitFor();
      await e2e.screenshot(page, 'admin-review-own-deadline');

      // 2. While the campaign takes answers, a submitted response reopens without a date.
      await progress(year);
      await page.getByLabel('Status', { exact: true }).selectOption('submitted');
      const reopenButton = reopenButtons.filter({ hasText: 'Öppna igen' }).first();
      const reopened = await nameOf(reopenButton);
      await reopenButton.click();
      const reopen = page.getByRole('dialog', { name: `Öppna svaret från ${reopened} igen` });
      await reopen.getByText(`Sista svarsdag för ${reopened} nu:`, { exact: false }).waitFor();
      await reopen.getByLabel('Motivering').fill('Fel i transportsvaren.');
      await reopen.getByRole('button', { name: 'Öppna igen' }).click();
      await page
        .getByRole('status')
        .getByText(`${reopened} är öppnad igen och kan svara till`, { exact: false })
        .waitFor();

      // 3. Once the campaign is closed, reopening needs a new deadline, and the dialog says why.
      assertEqual((await api('POST', `/api/admin/campaigns/${year}/close`)).status, 200, 'close the campaign');
      try {
        await progress(year);
        await page.getByLabel('Status', { exact: true }).selectOption('submitted');
        const closedButton = reopenButtons.filter({ hasText: 'Öppna igen' }).first();
        const closedName = await nameOf(closedButton);
        await closedButton.click();
        const dialog = page.getByRole('dialog', { name: `Öppna svaret från ${closedName} igen` });
        await dialog.getByText(/^Kampanjen tar inte längre emot svar\. Ange en ny sista svarsdag/).waitFor();
        await dialog.getByLabel('Motivering').fill('Fel i transportsvaren.');
        await dialog.getByRole('button', { name: 'Öppna igen' }).click();
        await dialog.getByText('Ange en ny sista svarsdag: kampanjen tar inte längre emot svar.').waitFor();
        assert(
          await dialog.getByLabel('Ny sista svarsdag').evaluate((input) => (input as HTMLInputElement).required),
          'the date field is marked required',
        );
        await e2e.axe(page, '/admin (reopen dialog, closed campaign)');
        await e2e.screenshot(page, 'admin-reopen-closed-dialog', { fullPage: false });
        await dialog.getByLabel('Ny sista svarsdag').fill(later);
        await dialog.getByRole('button', { name: 'Öppna igen' }).click();
        await page
          .getByRole('status')
          .getByText(`${closedName} är öppnad igen och kan svara till`, { exact: false })
          .waitFor();
        const closedRow = table.locator('tr', { has: page.getByRole('link', { name: closedName, exact: true }) });
        await page.getByRole('button', { name: 'Rensa filter' }).click();
        await closedRow.getByText('Utkast').waitFor();
        await closedRow.getByText('Egen sista svarsdag').waitFor();
      } finally {
        await api('POST', `/api/admin/campaigns/${year}/open`);
      }

      // 4. A published year offers no actions, and says why.
      const lastYear = year - 1;
      if ((await api('GET', `/api/admin/campaigns/${lastYear}`)).body.status !== 'published') {
        assertEqual((await api('POST', `/api/admin/campaigns/${lastYear}/publish`)).status, 201, 'publish last year');
      }
      await progress(lastYear);
      await page.getByText('Kampanjen är publicerad och rapporten är låst.', { exact: false }).waitFor();
      assertEqual(await table.getByRole('button', { name: /^Befria / }).count(), 0, 'no excuse on a published year');
      assertEqual(await reopenButtons.count(), 0, 'no reopen on a published year');
      assertEqual(await table.getByRole('columnheader', { name: 'Åtgärder' }).count(), 0, 'no actions column');
      await e2e.axe(page, '/admin (published year)');
      await e2e.screenshot(page, 'admin-progress-published');
      const submittedRow = table.locator('tbody tr', { hasText: 'Inskickad' }).first();
      await submittedRow.getByRole('link').click();
      await page.locator('.review-table').first().waitFor();
      // Members' answers are frozen, but the kansli can still correct points for a new version.
      await page.getByText('så medlemmens svar är låsta', { exact: false }).waitFor();
      assert(
        (await page.getByRole('button', { name: /^Justera poängen för / }).count()) > 0,
        'point adjustments stay possible on a published year',
      );
      await e2e.axe(page, '/admin/granskning (published year)');
      await e2e.screenshot(page, 'admin-review-published');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
  {
    name: 'contacts import after an election replaces the old politician, or keeps both when asked',
    async run(e2e) {
      // Uppsala, which no other scenario uses: its new politician replaces the old one, its new
      // official is added beside the old one ("behåll båda").
      const context = await e2e.newContext();
      const page = await e2e.signIn(context, KANSLI);
      const watch = watchPage(page);
      await page.goto(`${e2e.baseUrl}/admin/organisationer/import-kontakter`);
      await page.getByRole('heading', { level: 1, name: 'Importera kontakter' }).waitFor();
      // Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252 (latin1 for å, ä and ö): read whole.
      await page.getByLabel('CSV-fil').setInputFiles({
        name: 'kontakter.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('kod;namn;e-post;roll\r\n0380;Åsa Öberg;asa.oberg@uppsala.se;tjänsteperson\r\n', 'latin1'),
      });
      await page.getByText('Innehållet från kontakter.csv.').waitFor();
      assertEqual(
        await page.getByLabel('Eller klistra in innehållet').inputValue(),
        // A textarea's value has \n for every line break.
        'kod;namn;e-post;roll\n0380;Åsa Öberg;asa.oberg@uppsala.se;tjänsteperson\n',
        'a Windows-1252 file is read with its å, ä and ö',
      );
      await page
        .getByLabel('Eller klistra in innehållet')
        .fill(
          'kod;namn;e-post;roll\n0380;Anna Andersson;anna.andersson@uppsala.se;politiker\n0380;Bo Berg;bo.berg@uppsala.se;tjänsteperson',
        );
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await page.getByRole('table', { name: 'Giltiga rader' }).waitFor();
      // The preview takes focus (the busy button had lost it to the page's body).
      await page.waitForFunction(() => document.activeElement?.id === 'contact-preview-heading');
      const politicianRow = page.getByRole('row', { name: /Anna Andersson/ });
      await politicianRow.getByText(/^Ersätter /).waitFor();
      await politicianRow.getByText('politiker.0380@example.se', { exact: false }).waitFor();
      const politicianChoice = page.getByRole('group', { name: /^Rad 2: Anna Andersson får rollen som / });
      const replace = politicianChoice.getByRole('radio', { name: /^Ersätt: ta bort / });
      assert(await replace.isChecked(), 'replacing is the default');
      await page.getByText('Kontakter som ersätts och tas bort när du sparar: 2').waitFor();
      await page.getByRole('button', { name: 'Spara 2 ändringar och ersätt 2 kontakter' }).waitFor();
      await e2e.axe(page, '/admin/organisationer/import-kontakter (replacements)');
      await e2e.screenshot(page, 'admin-contact-import-replace');

      const officialRow = page.getByRole('row', { name: /Bo Berg/ });
      const group = page.getByRole('group', {
        name: /^Rad 3: Bo Berg får rollen som .*tjansteperson\.0380@example\.se/,
      });
      await group.getByRole('radio', { name: 'Behåll båda' }).check();
      await officialRow.getByText(/^Behåller även /).waitFor();
      await page.getByText('Kontakter som ersätts och tas bort när du sparar: 1').waitFor();
      await page.getByRole('button', { name: 'Spara 2 ändringar och ersätt 1 kontakt', exact: true }).click();
      await page.getByText('Ersatta och borttagna kontakter: 1', { exact: false }).first().waitFor();
      // The saved result replaced the button: focus is on it, not on the page's body.
      await page.waitForFunction(() => document.activeElement?.classList.contains('notice-success') === true);
      assertEqual(await page.getByRole('radio').count(), 0, 'no choice is offered once saved');
      await politicianRow.getByText(/^Ersätter /).waitFor();
      await officialRow.getByText(/^Behåller även /).waitFor();
      await e2e.axe(page, '/admin/organisationer/import-kontakter (committed)');
      await e2e.screenshot(page, 'admin-contact-import-replaced');

      await page.goto(`${e2e.baseUrl}/admin/organisationer/0380`);
      await page.getByRole('heading', { level: 1, name: 'Uppsala' }).waitFor();
      await page.getByText('anna.andersson@uppsala.se').first().waitFor();
      await page.getByText('tjansteperson.0380@example.se').first().waitFor();
      assertEqual(await page.getByText('politiker.0380@example.se').count(), 0, 'the old politician is gone');

      // The same choice in English.
      await page.goto(`${e2e.baseUrl}/admin`);
      await page.getByRole('heading', { level: 1, name: 'Kansliets konsol' }).waitFor();
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('heading', { level: 1, name: /secretariat's console/ }).waitFor();
      await page.goto(`${e2e.baseUrl}/admin/organisationer/import-kontakter`);
      await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();
      await page
        .getByLabel('Or paste the content')
        .fill('kod;namn;e-post;roll\n0380;Cecilia Ek;cecilia.ek@uppsala.se;politiker');
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      await page.getByText('Replaces Anna Andersson').waitFor();
      await page.getByRole('radio', { name: 'Keep both' }).waitFor();
      await e2e.axe(page, '/admin/organisationer/import-kontakter (replacements, English)');
      await e2e.screenshot(page, 'admin-contact-import-replace-en');
      assert(watch.errors.length === 0, `browser errors: ${watch.errors.join('; ')}`);
    },
  },
];

/** An instant as an `<input type="datetime-local">` value in Swedish time, e.g. "2026-05-12T23:59". */
function stockholmInput(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(ms))
    .replace(' ', 'T');
}
