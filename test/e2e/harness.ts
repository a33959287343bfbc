import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Route } from 'playwright-core';
import type { WebBuildResult } from '../../web/build-web';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface E2E {
  root: string;
  baseUrl: string;
  browser: Browser;
  build: WebBuildResult;
  resultsDir: string;
  /** A fresh browser context (its own cookies and storage), closed after the scenario. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Signs `email` in through the real flow: request a link, read it from the outbox, open it. */
  signIn(context: BrowserContext, email: string): Promise<Page>;
  /** The newest sign-in link mailed to `email`, pointed at this server. */
  latestLoginLink(email: string): Promise<string>;
  /**
   * Opens a sign-in link as a person does: the page only offers a "Logga in" button (a mail
   * scanner that opens the link spends nothing), and the token is redeemed when it is pressed.
   */
  openLoginLink(page: Page, link: string): Promise<void>;
  outbox(): Promise<OutboxEntry[]>;
  /**
   * Screenshots at desktop and phone width: test-results/<name>-desktop.png and -phone.png. Whole
   * pages by default; `{fullPage: false}` shows what the viewport shows (for modal dialogs).
   */
  screenshot(page: Page, name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** axe-core on the page; throws on serious or critical violations. */
  axe(page: Page, label: string): Promise<void>;
  log(line: string): void;
}

export interface OutboxEntry {
  id: string;
  to: string[];
  subject: string;
  text: string;
  kind: string;
  sentAt: string;
}

export interface Scenario {
  name: string;
  run(e2e: E2E): Promise<void>;
}

export class AssertionError extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new AssertionError(`${message}: expected ${String(expected)}, got ${String(actual)}`);
}

/** Collects browser-side errors and script requests, so a scenario can check both. */
/**
 * A route handler that reshapes what the server answered. A request still being fetched when its
 * page or context closes (the scenario has moved on) is no failure: left alone, its rejection would
 * be unhandled and end the whole run.
 */
export function reshapeRoute(handler: (route: Route) => Promise<unknown>): (route: Route) => Promise<void> {
  return async (route) => {
    try {
      await handler(route);
    } catch (error) {
      const closing =
        /TargetClosedError|context disposed|has been (closed|disposed)|Target (page, context or browser )?(has been )?closed/i;
      if (closing.test(`${(error as Error)?.name} ${String(error)}`)) return;
      throw error;
    }
  };
}

export function watchPage(page: Page): { errors: string[]; scripts: string[]; reset(): void } {
  const state = {
    errors: [] as string[],
    scripts: [] as string[],
    reset() {
      state.errors.length = 0;
      state.scripts.length = 0;
    },
  };
  page.on('pageerror', (error) => state.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Expected HTTP errors (401 before sign-in, 409 conflicts, 422) show up as resource errors.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      state.errors.push(`console: ${message.text()}`);
    }
  });
  page.on('request', (request) => {
    if (['script', 'stylesheet'].includes(request.resourceType())) state.scripts.push(request.url());
  });
  return state;
}

export function makeE2E(input: {
  root: string;
  baseUrl: string;
  browser: Browser;
  build: WebBuildResult;
  resultsDir: string;
  contexts: BrowserContext[];
  log: (line: string) => void;
}): E2E {
  const axeSource = readFileSync(path.join(input.root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  mkdirSync(input.resultsDir, { recursive: true });

  const outbox = async (): Promise<OutboxEntry[]> => {
    const response = await fetch(`${input.baseUrl}/api/dev/outbox`);
    assert(response.ok, `GET /api/dev/outbox answered ${response.status}`);
    return (await response.json()) as OutboxEntry[];
  };

  const latestLoginLink = async (email: string): Promise<string> => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const mail = (await outbox()).reverse().find((m) => m.to.includes(email) && /\/login[?#]token=/.test(m.text));
      const token = mail && /\/login[?#]token=([^\s"&<]+)/.exec(mail.text)?.[1];
      if (token) return `${input.baseUrl}/login#token=${token}`;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new AssertionError(`no sign-in link for ${email} in the outbox`);
  };

  const openLoginLink = async (page: Page, link: string): Promise<void> => {
    await page.goto(link);
    await page.getByRole('button', { name: /^(Logga in|Sign in)$/ }).click();
  };

  const e2e: E2E = {
    ...input,
    async newContext(options) {
      const context = await input.browser.newContext({ viewport: DESKTOP, locale: 'sv-SE', ...options });
      context.setDefaultTimeout(10_000);
      input.contexts.push(context);
      return context;
    },
    outbox,
    latestLoginLink,
    openLoginLink,
    async signIn(context, email) {
      const before = (await outbox()).length;
      const response = await context.request.post(`${input.baseUrl}/api/auth/login-link`, {
        data: { email },
        headers: { origin: input.baseUrl },
      });
      assertEqual(response.status(), 202, `POST /api/auth/login-link for ${email}`);
      for (let i = 0; i < 20 && (await outbox()).length === before; i++) await new Promise((r) => setTimeout(r, 100));
      const page = await context.newPage();
      await openLoginLink(page, await latestLoginLink(email));
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.locator('h1').first().waitFor();
      return page;
    },
    async screenshot(page, name, options) {
      const original = page.viewportSize() ?? DESKTOP;
      for (const [label, size] of [
        ['desktop', DESKTOP],
        ['phone', PHONE],
      ] as const) {
        await page.setViewportSize(size);
        await page.waitForTimeout(150);
        await page.screenshot({
          path: path.join(input.resultsDir, `${name}-${label}.png`),
          fullPage: options?.fullPage ?? true,
        });
      }
      await page.setViewportSize(original);
      await page.waitForTimeout(100);
    },
    async axe(page, label) {
      // page.addScriptTag({path}) injects an inline <script>, which the site's CSP (rightly) blocks
      // and reports as a console error; evaluating the source through the protocol is not subject to it.
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
      });
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      for (const v of violations) {
        input.log(`    axe ${label}: ${v.impact} ${v.id} – ${v.help} (${v.targets.join(' | ')})`);
      }
      assert(
        serious.length === 0,
        `axe found ${serious.length} serious/critical violation(s) on ${label}: ${serious.map((v) => v.id).join(', ')}`,
      );
    },
  };
  return e2e;
}

interface AxeResults {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>;
}
