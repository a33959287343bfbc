/**
 * Browser tests: starts the whole local platform in this process (dynalite on a temp folder,
 * demo seed, API and the built web app on a free port), drives Debian's Chromium with
 * playwright-core through test/e2e/scenarios/*.ts, saves screenshots under test-results/ and ends
 * with a plain "N passed, N failed" line (exit 1 if anything failed).
 */
import '../../functions/local/quiet-node20-warning';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { startLocalPlatform } from '../../functions/local/local-platform';
import { buildWeb } from '../../web/build-web';
import { makeE2E, type Scenario } from './harness';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCENARIO_TIMEOUT_MS = 90_000;
/** `npm run test:e2e -- 05- 04-language`: only scenarios whose name contains one of the arguments. */
const only = process.argv.slice(2);

async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const started = Date.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-e2e-'));
  const resultsDir = path.join(ROOT, 'test-results');
  const build = await buildWeb({ root: ROOT, outdir: path.join(ROOT, 'web/dist') });
  const platform = await startLocalPlatform({
    root: ROOT,
    port: 0,
    dataDir,
    baseUrl: 'http://127.0.0.1:0',
    adminEmails: ['kansli@example.se'],
    sessionSecret: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
    skipWebBuild: true,
    // Every scenario signs in afresh, the kansli a dozen times a run; the real limits (5 per
    // address, 30 per client an hour) are tested in test/security/abuse-limits.integration.test.ts.
    limits: { loginLinksPerEmailPerHour: 100, loginLinksPerIpPerHour: 1000 },
  });
  const baseUrl = `http://127.0.0.1:${platform.port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });

  const scenarioDir = path.join(ROOT, 'test/e2e/scenarios');
  const scenarios: Scenario[] = [];
  for (const file of readdirSync(scenarioDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const mod = (await import(pathToFileURL(path.join(scenarioDir, file)).href)) as { scenarios: Scenario[] };
    scenarios.push(...mod.scenarios.map((s) => ({ ...s, name: `${file.replace(/\.ts$/, '')}: ${s.name}` })));
  }

  let passed = 0;
  let failed = 0;
  console.log(`E2E against ${baseUrl} (Chromium ${browser.version()})`);
  try {
    for (const scenario of scenarios) {
      if (only.length > 0 && !only.some((part) => scenario.name.includes(part))) continue;
      const contexts: BrowserContext[] = [];
      const e2e = makeE2E({ root: ROOT, baseUrl, browser, build, resultsDir, contexts, log: (l) => console.log(l) });
      const t0 = Date.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          scenario.run(e2e),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`timed out after ${SCENARIO_TIMEOUT_MS} ms`)),
              SCENARIO_TIMEOUT_MS,
            );
          }),
        ]);
        passed++;
        console.log(`  ✓ ${scenario.name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed++;
        console.log(
          `  ✗ ${scenario.name} (${Date.now() - t0} ms)\n      ${String((error as Error).stack ?? error)
            .split('\n')
            .slice(0, 6)
            .join('\n      ')}`,
        );
        const pages = contexts.flatMap((c) => c.pages());
        for (const [index, page] of pages.entries()) {
          const file = path.join(
            resultsDir,
            `FAILED-${scenario.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}-${index + 1}.png`,
          );
          await page.screenshot({ path: file, fullPage: true }).catch(() => {});
          console.log(`      screenshot: ${path.relative(ROOT, file)} (${page.url()})`);
        }
      } finally {
        clearTimeout(timer);
        await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      }
    }
  } finally {
    await browser.close().catch(() => {});
    await platform.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`E2E took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in test-results/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`e2e: ${error.stack ?? error.message}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
