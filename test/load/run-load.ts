/**
 * `npm run test:load`: 50 concurrent autosaves from two contacts of the same organisation against
 * the local platform (in this process, loopback only) for a bounded time, then checks that
 * optimistic locking held: every accepted version is in a gap-free history, every 409 carries a
 * real accepted version, and the stored data is the last accepted write. Prints the counts and a
 * final `N passed, N failed` line. LOAD_SECONDS and LOAD_CONCURRENCY override the defaults.
 */
import '../../functions/local/quiet-node20-warning';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalPlatform } from '../../functions/local/local-platform';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 50);
const CONTACTS = ['tjansteperson.1281@example.se', 'politiker.1281@example.se'];

interface Accepted {
  version: number;
  data: Record<string, unknown>;
  client: number;
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kk-load-'));
  const platform = await startLocalPlatform({
    root: process.cwd(),
    port: 0,
    dataDir,
    baseUrl: 'http://127.0.0.1:3000',
    adminEmails: ['kansli@example.se'],
    sessionSecret: 'load-test-secret-that-is-long-enough',
    remindersEveryMs: 0,
    skipWebBuild: true,
  });
  const base = platform.url;
  const results: Array<[string, boolean, string]> = [];
  const check = (name: string, ok: boolean, detail = '') => results.push([name, ok, detail]);
  try {
    const cookies: string[] = [];
    for (const email of CONTACTS) cookies.push(await signIn(base, email));
    const current = (await (
      await fetch(`${base}/api/campaigns/current`, { headers: { cookie: cookies[0]! } })
    ).json()) as {
      year: number;
    };
    const url = `${base}/api/campaigns/${current.year}/response`;
    const initial = (await (await fetch(url, { headers: { cookie: cookies[0]! } })).json()) as {
      version: number;
      data: Record<string, unknown>;
      status: string;
    };
    if (initial.status === 'submitted') throw new Error('the demo response is already submitted');

    const accepted: Accepted[] = [];
    const conflicts: number[] = [];
    const conflictData: Array<{ version: number; data: unknown }> = [];
    let unavailable = 0;
    let other = 0;
    let requests = 0;
    let sequence = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;

    const worker = async (client: number) => {
      const cookie = cookies[client % cookies.length]!;
      let version = initial.version;
      while (performance.now() < deadline) {
        const data = { respondent_name: `last ${client}-${sequence++}` };
        requests++;
        const res = await fetch(url, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ data, version }),
        });
        const body = (await res.json()) as { version?: number; current?: { version: number; data: unknown } };
        if (res.status === 200 && typeof body.version === 'number') {
          accepted.push({ version: body.version, data, client });
          version = body.version;
        } else if (res.status === 409 && body.current) {
          conflicts.push(body.current.version);
          conflictData.push(body.current);
          version = body.current.version;
        } else if (res.status === 503) unavailable++;
        else other++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
    const elapsed = (performance.now() - started) / 1000;

    const final = (await (await fetch(url, { headers: { cookie: cookies[1]! } })).json()) as {
      version: number;
      data: Record<string, unknown>;
    };
    const versions = accepted.map((a) => a.version).sort((a, b) => a - b);
    const unique = new Set(versions);
    const highest = accepted.reduce<Accepted | undefined>(
      (top, a) => (!top || a.version > top.version ? a : top),
      undefined,
    );
    const expectedHistory = Array.from({ length: final.version - initial.version }, (_, i) => initial.version + i + 1);
    const byVersion = new Map(accepted.map((a) => [a.version, a.data]));

    check('some autosaves were accepted', accepted.length > 0, `${accepted.length}`);
    check('every 200 version is unique (no two writes got the same version)', unique.size === versions.length);
    check(
      'accepted versions form the gap-free history initial+1..final',
      JSON.stringify(versions) === JSON.stringify(expectedHistory),
      `initial ${initial.version}, final ${final.version}, accepted ${versions.length}`,
    );
    check(
      'every 409 carries a real version (one that was accepted, or the initial one)',
      conflicts.every((v) => v === initial.version || unique.has(v)),
    );
    check(
      "every 409's data is exactly what was accepted as that version",
      conflictData.every(
        (c) => c.version === initial.version || JSON.stringify(byVersion.get(c.version)) === JSON.stringify(c.data),
      ),
    );
    check(
      'the stored data equals the last accepted write',
      highest !== undefined &&
        final.version === highest.version &&
        JSON.stringify(final.data) === JSON.stringify(highest.data),
    );
    check('no unexpected statuses', other === 0, `${other}`);

    console.log(
      [
        `load: ${CONCURRENCY} concurrent clients, 2 contacts, ${elapsed.toFixed(1)} s`,
        `requests ${requests}, 200 ${accepted.length}, 409 ${conflicts.length}, 503 ${unavailable}, other ${other}`,
        `throughput ${(requests / elapsed).toFixed(0)} req/s, final version ${final.version}`,
      ].join('\n'),
    );
  } catch (error) {
    check('the load run completed', false, (error as Error).message);
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  for (const [name, ok, detail] of results) console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` (${detail})` : ''}`);
  const failed = results.filter(([, ok]) => !ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

/** Signs in as a person does: request a link, read it from the local outbox, redeem it. */
async function signIn(base: string, email: string): Promise<string> {
  const link = await fetch(`${base}/api/auth/login-link`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (link.status !== 202) throw new Error(`login-link answered ${link.status}`);
  const outbox = (await (await fetch(`${base}/api/dev/outbox`)).json()) as Array<{ to: string[]; text: string }>;
  const message = outbox.filter((m) => m.to.includes(email)).at(-1);
  const token = /\/login[?#]token=([A-Za-z0-9_%-]+)/.exec(message?.text ?? '')?.[1];
  if (!token) throw new Error(`no sign-in link for ${email}`);
  const res = await fetch(`${base}/api/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: decodeURIComponent(token) }),
  });
  if (res.status !== 200) throw new Error(`session answered ${res.status}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

main().catch((error) => {
  console.error(`load test failed to start: ${(error as Error).message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
