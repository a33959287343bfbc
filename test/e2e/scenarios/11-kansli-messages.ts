import { assert, assertEqual, type Scenario, watchPage } from '../harness';

const KANSLI = 'kansli@example.se';
const REASON = 'Komplettera M4b: kostnaden för åtgärden saknas.';
const NOTE = 'Tack för era svar! Kan ni komplettera M4b med kostnaden?';
const REASON_AGAIN = 'Svaret på M7 gäller fel år.';
/** Organisations other scenarios sign in as, so this one leaves them alone. */
const USED_ELSEWHERE = new Set([
  '0180',
  '0380',
  '0486',
  '0680',
  '1281',
  '1283',
  '1480',
  '1780',
  '1880',
  '2062',
  '2081',
]);

export const scenarios: Scenario[] = [
  {
    name: "members read the kansli's reopen reasons and notes on the home, survey and receipt pages, in both languages",
    async run(e2e) {
      // The kansli reopens one submitted answer with a reason and leaves a note on another
      const admin = await e2e.newContext();
      await e2e.signIn(admin, KANSLI);
      const headers = { origin: e2e.baseUrl };
      const campaigns = (await (await admin.request.get(`${e2e.baseUrl}/api/admin/campaigns`)).json()) as Array<{
        year: number;
        status: string;
      }>;
      const year = campaigns.find((c) => c.status === 'open')!.year;
      const { responses } = (await (
        await admin.request.get(`${e2e.baseUrl}/api/admin/campaigns/${year}/responses`)
      ).json()) as { responses: Array<{ status: string; organisation: { id: string; type: string } }> };
      const [reopened, noted] = responses
        .filter((r) => r.status === 'submitted' && r.organisation.type === 'kommun')
        .map((r) => r.organisation.id)
        .filter((code) => !USED_ELSEWHERE.has(code))
        .reverse();
      assert(reopened && noted, 'two submitted kommuner to work on');
      const reopen = await admin.request.post(
        `${e2e.baseUrl}/api/admin/campaigns/${year}/responses/${reopened}/reopen`,
        {
          headers,
          data: { reason: REASON, intent: 'reopen' },
        },
      );
      assertEqual(reopen.status(), 200, 'reopen');
      const note = await admin.request.post(`${e2e.baseUrl}/api/admin/campaigns/${year}/responses/${noted}/note`, {
        headers,
        data: { message: NOTE },
      });
      assertEqual(note.status(), 201, 'note');

      // The reopened organisation: the reason and the deadline on its home page, then in the survey
      const member = await e2e.newContext();
      const page = await e2e.signIn(member, `tjansteperson.${reopened}@example.se`);
      const watch = watchPage(page);
      const notice = page.getByRole('region', { name: 'Från kansliet' });
      await notice.getByText(REASON).waitFor();
      await notice.getByText(/Kansliet har öppnat ert svar igen .*:/).waitFor();
      await notice.getByText(/Sista dag att skicka in: /).waitFor();
      await e2e.axe(page, '/ with a reopen notice');
      await e2e.screenshot(page, 'kansli-reopen-home');
      await page.getByRole('link', { name: /Fortsätt fylla i/ }).click();
      await page.getByRole('region', { name: 'Från kansliet' }).getByText(REASON).waitFor();
      await e2e.axe(page, '/enkat with a reopen notice');
      await page.getByRole('button', { name: 'In English' }).click();
      const english = page.getByRole('region', { name: 'From the secretariat' });
      await english.getByText(/The secretariat reopened your answers on .*:/).waitFor();
      await english.getByText(REASON).waitFor();
      await e2e.screenshot(page, 'kansli-reopen-survey-en', { fullPage: false });
      await page.getByRole('button', { name: 'På svenska' }).click();
      assert(watch.errors.length === 0, `console errors: ${watch.errors.join('; ')}`);

      // Submitted again and reopened a second time: both reasons, the latest on top, on the home page
      const view = (await (await member.request.get(`${e2e.baseUrl}/api/campaigns/${year}/response`)).json()) as {
        version: number;
      };
      const resubmitted = await member.request.post(`${e2e.baseUrl}/api/campaigns/${year}/response/submit`, {
        headers,
        data: { version: view.version },
      });
      assertEqual(resubmitted.status(), 200, 'submit again');
      const again = await admin.request.post(
        `${e2e.baseUrl}/api/admin/campaigns/${year}/responses/${reopened}/reopen`,
        {
          headers,
          data: { reason: REASON_AGAIN, intent: 'reopen' },
        },
      );
      assertEqual(again.status(), 200, 'second reopen');
      await page.goto(`${e2e.baseUrl}/`);
      const both = page.getByRole('region', { name: 'Från kansliet' });
      await both.getByText(REASON_AGAIN).waitFor();
      await both.getByText(/Kansliet öppnade ert svar igen .*:/).waitFor();
      const text = (await both.textContent()) ?? '';
      assert(text.indexOf(REASON_AGAIN) >= 0 && text.indexOf(REASON_AGAIN) < text.indexOf(REASON), 'newest first');

      // The note on a submitted answer: the email's link, /enkat, opens read-only with the note
      const noteMail = (await e2e.outbox()).find((m) => m.kind === 'review-note');
      assert(/Se svaren: \S+\/enkat\s/.test(noteMail?.text ?? ''), 'the note email links to /enkat');
      const other = await e2e.newContext();
      const otherPage = await e2e.signIn(other, `tjansteperson.${noted}@example.se`);
      await otherPage.goto(`${e2e.baseUrl}/enkat`);
      const read = otherPage.getByRole('region', { name: 'Från kansliet' });
      await read.getByText(NOTE).waitFor();
      await read.getByRole('link', { name: 'kansli@klimatkommunerna.se' }).waitFor();
      await otherPage.getByText('Svaren är inskickade och kan inte längre ändras.').first().waitFor();
      await e2e.axe(otherPage, '/enkat read-only with a note');
      await e2e.screenshot(otherPage, 'kansli-note-survey-readonly', { fullPage: false });

      // The receipt shows the note too, in both languages
      await otherPage.goto(`${e2e.baseUrl}/kvitto`);
      const receipt = otherPage.getByRole('region', { name: 'Från kansliet' });
      await receipt.getByText(NOTE).waitFor();
      await e2e.axe(otherPage, '/kvitto with a note');
      await receipt.scrollIntoViewIfNeeded();
      await e2e.screenshot(otherPage, 'kansli-note-receipt', { fullPage: false });
      await otherPage.getByRole('button', { name: 'In English' }).click();
      await otherPage.getByRole('region', { name: 'From the secretariat' }).getByText(NOTE).waitFor();
      await otherPage.getByRole('button', { name: 'På svenska' }).click();
    },
  },
];
