import path from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';
import { assertEqual, DESKTOP, type E2E, PHONE } from './harness';

export async function waitForSurvey(page: Page): Promise<void> {
  await page.locator('.sd-root-modern .sd-question').first().waitFor({ timeout: 20_000 });
}

export function question(page: Page, name: string): Locator {
  return page.locator(`.sd-question[data-name="${name}"]`);
}

/** The next PUT of the draft, e.g. started by the change just made. */
export function nextSave(page: Page): Promise<Response> {
  return page.waitForResponse(
    (r) => /\/api\/campaigns\/\d+\/response$/.test(r.url()) && r.request().method() === 'PUT',
    { timeout: 15_000 },
  );
}

/** Types into a text question and leaves it with Tab, as a person would (SurveyJS commits on blur). */
export async function answerText(page: Page, name: string, value: string): Promise<void> {
  const input = question(page, name).locator('input, textarea').first();
  await input.fill(value);
  await input.press('Tab');
}

export async function choose(page: Page, name: string, label: string): Promise<void> {
  await question(page, name).getByText(label, { exact: true }).click();
}

/**
 * A page's entry in the survey's table of contents, by its accessible name: the title alone, or
 * with the words the page adds for screen readers when answers on it need correcting, e.g.
 * `tocEntry(page, 'Transporter', 'svar att rätta', 3)` for "Transporter (svar att rätta: 3)".
 */
export function tocEntry(page: Page, title: string, words?: string, count?: number): Locator {
  const name = words === undefined ? title : `${title} (${words}: ${count})`;
  return page.locator('.sv_progress-toc').getByRole('menuitemradio', { name, exact: true });
}

/** The count a page's entry in the table of contents shows beside its title; 0 when unmarked. */
export async function tocErrorCount(page: Page, title: string): Promise<number> {
  const entry = page.locator('.sv_progress-toc [role="menuitemradio"]').filter({ hasText: title });
  const mark = entry.locator('.toc-errors');
  return (await mark.count()) === 0 ? 0 : Number(await mark.getAttribute('data-errors'));
}

/**
 * At phone width the table of contents is a menu behind a button in the survey's corner (our
 * TocMenuButton: a real, named button): screenshots the button (test-results/<name>-button-phone.png),
 * opens the menu from the keyboard, screenshots it (<name>-phone.png) and closes it with Escape,
 * checking that focus comes back to the button.
 */
export async function screenshotTocOnPhone(e2e: E2E, page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  const toggle = page.locator('.sv_progress-toc--mobile').getByRole('button', { name: /Enkätens sidor|Survey pages/ });
  await toggle.waitFor();
  await toggle.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(e2e.resultsDir, `${name}-button-phone.png`) });
  assertEqual(await toggle.getAttribute('aria-expanded'), 'false', 'the menu button says the menu is closed');
  await toggle.focus();
  await page.keyboard.press('Enter');
  const menu = page.locator('.sv_progress-toc--mobile .sv-popup__container');
  await menu.waitFor();
  assertEqual(await toggle.getAttribute('aria-expanded'), 'true', 'the menu button says the menu is open');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(e2e.resultsDir, `${name}-phone.png`) });
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement?.classList.contains('toc-menu-button'), undefined, {
    timeout: 3000,
  });
  await page.setViewportSize(DESKTOP);
  await page.waitForTimeout(150);
}

export async function waitSaved(page: Page): Promise<void> {
  await page.locator('.save-status[data-save-state="saved"]').waitFor({ timeout: 15_000 });
}

type Element = {
  type: string;
  name?: string;
  isRequired?: boolean;
  requiredIf?: string;
  inputType?: string;
  min?: number;
  choices?: Array<string | number | { value: unknown }>;
  elements?: Element[];
};

/** Fills every required (or requiredIf) question that has no answer yet with a valid one, from the survey JSON. */
export function completeAnswers(
  survey: { pages: Element[] },
  existing: Record<string, unknown>,
): Record<string, unknown> {
  const data = { ...existing };
  const visit = (elements: Element[] = []) => {
    for (const el of elements) {
      if (el.type === 'panel') {
        visit(el.elements);
        continue;
      }
      if (!el.name || !(el.isRequired || el.requiredIf) || data[el.name] !== undefined) continue;
      const first = el.choices?.[0];
      const firstValue = typeof first === 'object' && first !== null ? first.value : first;
      switch (el.type) {
        case 'boolean':
          data[el.name] = true;
          break;
        case 'radiogroup':
        case 'dropdown':
          data[el.name] = firstValue;
          break;
        case 'checkbox':
          data[el.name] = [firstValue];
          break;
        case 'text':
          data[el.name] =
            el.inputType === 'number' ? (el.min ?? 0) : el.inputType === 'url' ? 'https://example.se/underlag' : 'Test';
          break;
        default:
          data[el.name] = 'Test';
      }
    }
  };
  for (const page of survey.pages) visit(page.elements);
  return data;
}
