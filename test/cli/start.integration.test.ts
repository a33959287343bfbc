import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, startPlatform } from './run-cli';

const demoOrganisations =
  readFileSync(path.resolve(import.meta.dirname, '../../shared/domain/organisations-demo.csv'), 'utf8')
    .trim()
    .split('\n').length - 1;

/** A port nobody listens on now (the OS's choice, closed again). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start` end to end: its own process, dynalite on disk in DATA_DIR, the demo seed, the built web app. */
describe('npm start', () => {
  let dir: string;
  let dataDir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kk-start-'));
    dataDir = path.join(dir, 'data');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('seeds the demo on a fresh folder, serves the API and the web app, and stops cleanly', async () => {
    const port = await freePort();
    const platform = await startPlatform(dataDir, { PORT: String(port) });
    try {
      const url = `http://localhost:${port}`;
      expect(platform.output()).toContain(
        `Demodata: ${demoOrganisations} organisationer, ${2 * demoOrganisations} kontaktpersoner,`,
      );
      expect(platform.output()).toContain(`Klimatkommunernas medlemstest körs på ${url}\n`);
      expect(platform.output()).toContain(`utkorgen ${url}/dev/outbox`);

      const health = await fetch(`${url}/api/health`);
      expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: { ok: true } });
      // A client-side route gets the page; the API answers a signed-out request in its JSON error format.
      const page = await fetch(`${url}/enkat`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);
      const signedOut = await fetch(`${url}/api/campaigns/current`);
      expect(signedOut.status).toBe(401);
      expect(((await signedOut.json()) as { error: { code: string } }).error.code).toBe('not_authenticated');
      // The demo's admin can ask for a sign-in link, which lands in the local outbox.
      const link = await fetch(`${url}/api/auth/login-link`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'kansli@example.se' }),
      });
      expect(link.status).toBe(202);
      const outbox = (await (await fetch(`${url}/api/dev/outbox`)).json()) as Array<{ to: string[]; text: string }>;
      expect(outbox.find((m) => m.to.includes('kansli@example.se'))?.text).toContain(`${url}/`);
    } finally {
      expect(await platform.stop()).toBe(0);
    }
  });

  it('seeds nothing the second time, and speaks English when the locale asks for it', async () => {
    const port = await freePort();
    const platform = await startPlatform(dataDir, { PORT: String(port), LANG: 'en_GB.UTF-8' });
    try {
      expect(platform.output()).toContain(`Klimatkommunerna's member test is running at http://localhost:${port}\n`);
      expect(platform.output()).not.toMatch(/Demo ?data/);
      expect((await fetch(`http://localhost:${port}/api/health`)).status).toBe(200);
    } finally {
      expect(await platform.stop()).toBe(0);
    }
  });

  describe('stops with one line, exit 1 and no data folder', () => {
    const untouched = () => path.join(dir, `never-${Math.random().toString(36).slice(2)}`);

    it('for a PORT that is not a port number', async () => {
      const dataDirNever = untouched();
      const run = await runCliProcess('functions/local/main.ts', [], dataDirNever, { PORT: 'abc' });
      expect(run).toEqual({ code: 1, stdout: '', stderr: 'npm start: PORT måste vara ett portnummer, inte "abc".\n' });
      expect(existsSync(dataDirNever)).toBe(false);
    });

    it('for a REMINDERS_INTERVAL_MS that is not a number, which would turn the reminders timer off', async () => {
      const dataDirNever = untouched();
      const run = await runCliProcess('functions/local/main.ts', [], dataDirNever, {
        PORT: String(await freePort()),
        REMINDERS_INTERVAL_MS: '15m',
      });
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'npm start: REMINDERS_INTERVAL_MS måste vara ett antal millisekunder, t.ex. 60000 (0 stänger av påminnelsetimern), inte "15m".\n',
      });
      expect(existsSync(dataDirNever)).toBe(false);
    });

    it('for a BASE_URL that is not an absolute address, in English too', async () => {
      const port = await freePort();
      const dataDirNever = untouched();
      const run = await runCliProcess('functions/local/main.ts', [], dataDirNever, {
        PORT: String(port),
        BASE_URL: '/',
        LANG: 'en_US.UTF-8',
      });
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr: `npm start: BASE_URL must be an absolute http(s) address such as http://localhost:${port}, not "/".\n`,
      });
      expect(existsSync(dataDirNever)).toBe(false);
    });

    it('for a DATA_DIR that cannot be made (one under /proc)', async () => {
      const run = await runCliProcess('functions/local/main.ts', [], '/proc/kk-start/data', {
        PORT: String(await freePort()),
      });
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'npm start: DATA_DIR /proc/kk-start/data går inte att skriva till. Välj en annan mapp med DATA_DIR=/sökväg/till/mapp.\n',
      });
    });

    it('for a port another program holds', async () => {
      const holder: Server = createServer();
      await new Promise<void>((resolve) => holder.listen(0, resolve));
      const { port } = holder.address() as { port: number };
      try {
        const dataDirNever = untouched();
        const run = await runCliProcess('functions/local/main.ts', [], dataDirNever, { PORT: String(port) });
        expect(run).toEqual({
          code: 1,
          stdout: '',
          stderr: `npm start: port ${port} används redan. Stoppa det andra programmet, eller starta med PORT=3001 npm start.\n`,
        });
        expect(existsSync(dataDirNever)).toBe(false);
      } finally {
        await new Promise((resolve) => holder.close(resolve));
      }
    });
  });
});
