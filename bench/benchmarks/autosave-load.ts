import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import autocannon from 'autocannon';
import { createDynamoDbClients } from '../../functions/store/dynamodb-client';
import { DynamoDbTableStore } from '../../functions/store/dynamodb-table-store';
import { sdkDynamoDbDriver } from '../../functions/store/sdk-dynamodb-driver';
import { keys } from '../../functions/store/table-design';
import type { Organisation } from '../../shared/schemas/organisation.schema';
import { tokenFromText } from '../lib/app-stack';
import { autosaveAnswers } from '../lib/autosave-payload';
import type { Benchmark } from '../lib/context';
import { startBareAutosaveProcess, startLocalStackProcess } from '../lib/local-stack-process';
import { bulkSeed } from '../lib/seed';

const CONNECTIONS = 10;
// Fresh organisations (valid kommunkoder the demo seed does not use), so every one starts unsubmitted.
const LOAD_ORGANISATIONS: Organisation[] = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12'].map((lan) => ({
  id: `${lan}99`,
  name: `Lastkommun ${lan}99`,
  type: 'kommun',
  population: 20_000,
}));

interface Load {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  non2xx: number;
  errors: number;
}

function summarise(result: autocannon.Result): Load {
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function postJson(url: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** Signs in over HTTP as a person would: login link, the local outbox, redeem. */
async function signInOverHttp(base: string, email: string): Promise<string> {
  const link = await postJson(`${base}/api/auth/login-link`, { email });
  if (link.status !== 202) throw new Error(`login-link answered ${link.status}: ${await link.text()}`);
  const outbox = (await (await fetch(`${base}/api/dev/outbox`)).json()) as Array<{ to: string[]; text: string }>;
  const message = [...outbox].reverse().find((m) => m.to.includes(email) && tokenFromText(m.text));
  const token = message ? tokenFromText(message.text) : undefined;
  if (!token) throw new Error(`no login link for ${email} in the outbox`);
  const session = await postJson(`${base}/api/auth/session`, { token });
  if (session.status !== 200) throw new Error(`session answered ${session.status}: ${await session.text()}`);
  const cookie = session.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/**
 * 3. Autosave under load: autocannon with 10 connections, each signed in as a different
 * organisation and saving its whole draft at the version the last save answered. The floor is
 * the same server's GET /api/health plus a raw PutItem of the stored response's size to the same
 * dynalite, each under the same 10 connections; floor = the sum of their p50s.
 */
export const autosaveLoad: Benchmark = {
  name: 'autosave-load',
  title: 'Autosave under load (autocannon)',
  async run(ctx, rows) {
    const duration = ctx.quick ? 1 : 10;
    const stack = await startLocalStackProcess(ctx.root, ctx.tmp);
    try {
      const clients = createDynamoDbClients({ endpoint: stack.dynamoEndpoint });
      await bulkSeed(new DynamoDbTableStore(sdkDynamoDbDriver(clients.doc), stack.tableName), LOAD_ORGANISATIONS);
      const sessions: Array<{ organisation: Organisation; cookie: string; version: number }> = [];
      for (const organisation of LOAD_ORGANISATIONS) {
        sessions.push({
          organisation,
          cookie: await signInOverHttp(stack.url, `tjansteperson.${organisation.id}@example.se`),
          version: 0,
        });
      }
      const current = await fetch(`${stack.url}/api/campaigns/current`, { headers: { cookie: sessions[0]!.cookie } });
      if (current.status !== 200) throw new Error(`campaigns/current answered ${current.status}`);
      const { year } = (await current.json()) as { year: number };
      const path = `/api/campaigns/${year}/response`;
      const data = autosaveAnswers();
      const bodyBytes = Buffer.byteLength(JSON.stringify({ data, version: 0 }));

      let conflicts = 0;
      const autosaveRun = (seconds: number) => {
        let next = 0;
        return autocannon({
          url: stack.url,
          connections: CONNECTIONS,
          duration: seconds,
          setupClient: (client) => {
            const session = sessions[next++ % sessions.length]!;
            const headers = { 'content-type': 'application/json', cookie: session.cookie };
            client.setRequests([
              {
                method: 'PUT',
                path,
                headers,
                setupRequest: (request) => ({
                  ...request,
                  headers,
                  body: JSON.stringify({ data, version: session.version }),
                }),
                onResponse: (status, body) => {
                  try {
                    const parsed = JSON.parse(body) as { version?: number; current?: { version?: number } };
                    if (status === 200 && typeof parsed.version === 'number') session.version = parsed.version;
                    else if (status === 409) {
                      conflicts++;
                      if (typeof parsed.current?.version === 'number') session.version = parsed.current.version;
                    }
                  } catch {
                    // A body that is not JSON is counted by autocannon as non-2xx.
                  }
                },
              },
            ]);
          },
        });
      };

      // Warm-up: JIT, the campaign cache, connection pools. Not recorded.
      await autosaveRun(1);
      // Saves still in flight when a run stops are stored but never seen; let them land, read each version back.
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const session of sessions) {
        const res = await fetch(`${stack.url}${path}`, { headers: { cookie: session.cookie } });
        session.version = ((await res.json()) as { version: number }).version;
      }
      conflicts = 0;

      const raw = await clients.raw.send(
        new GetItemCommand({
          TableName: stack.tableName,
          Key: { pk: { S: keys.response(year, '0199').pk }, sk: { S: keys.response(year, '0199').sk } },
        }),
      );
      if (!raw.Item) throw new Error('the warm-up autosave stored no response');
      const itemBytes = Buffer.byteLength(JSON.stringify(raw.Item));

      const floorDuration = Math.max(1, Math.round(duration / 2));
      const health = summarise(
        await autocannon({ url: `${stack.url}/api/health`, connections: CONNECTIONS, duration: floorDuration }),
      );
      let client = 0;
      const putItem = summarise(
        await autocannon({
          url: stack.dynamoEndpoint,
          connections: CONNECTIONS,
          duration: floorDuration,
          setupClient: (c) => {
            const pk = `BENCH#FLOOR#${client++}`;
            c.setHeadersAndBody(
              {
                'content-type': 'application/x-amz-json-1.0',
                'x-amz-target': 'DynamoDB_20120810.PutItem',
                'x-amz-date': '20260101T000000Z',
                authorization:
                  'AWS4-HMAC-SHA256 Credential=local/20260101/eu-north-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0',
              },
              JSON.stringify({ TableName: stack.tableName, Item: { ...raw.Item, pk: { S: pk } } }),
            );
          },
          method: 'POST',
        }),
      );
      // Not a budget: how much of the autosave's p50 its two requests and Hono take on their own.
      const bareServer = await startBareAutosaveProcess(ctx.root, stack.dynamoEndpoint, stack.tableName);
      let slot = 0;
      const bare = await (async () => {
        try {
          return summarise(
            await autocannon({
              url: bareServer.url,
              connections: CONNECTIONS,
              duration: floorDuration,
              setupClient: (c) => {
                const savePath = `/save/${slot++}`;
                c.setRequests([
                  {
                    method: 'PUT',
                    path: savePath,
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify({ data, version: 0 }),
                  },
                ]);
              },
            }),
          );
        } finally {
          await bareServer.close();
        }
      })();

      const load = summarise(await autosaveRun(duration));

      if (health.non2xx + putItem.non2xx > 0)
        throw new Error(`the floor answered non-2xx (${health.non2xx} health, ${putItem.non2xx} PutItem)`);
      const floor = health.p50 + putItem.p50;
      rows.measured({
        metric: `autosave p50 (${CONNECTIONS} orgs, ${duration} s)`,
        value: load.p50,
        unit: 'ms',
        floor,
        budget: { kind: 'ratio-max', max: 1.5 },
        note: `floor = GET /api/health p50 ${health.p50} ms + raw PutItem p50 ${putItem.p50} ms (item ${Math.round(itemBytes / 1024)} KB as JSON); autosave body ${Math.round(bodyBytes / 1024)} KB; ${load.requests} saves, ${load.non2xx} non-2xx (${conflicts} version conflicts), ${load.errors} errors`,
      });
      rows.measured({
        metric: 'autosave p50 against a bare two-request server (no budget)',
        value: load.p50,
        unit: 'ms',
        floor: bare.p50,
        note: `a Hono server whose one route sends autosave's GetItem and UpdateItem through the local stack's transport (aws-lite) and nothing else (bench/entries/bare-autosave-server.ts), same 10 connections and body: p50 ${bare.p50} ms, ${Math.round(bare.rps)} req/s; the ratio is what the app adds to the least an autosave's two requests can cost`,
      });
      if (bare.non2xx + bare.errors > 0)
        rows.error('bare autosave server answers', `${bare.non2xx} non-2xx and ${bare.errors} errors`);
      rows.info('autosave p99', load.p99, 'ms', `floor p99: health ${health.p99} ms, PutItem ${putItem.p99} ms`);
      rows.info(
        'autosave throughput',
        Math.round(load.rps),
        'req/s',
        `health ${Math.round(health.rps)} req/s, raw PutItem ${Math.round(putItem.rps)} req/s`,
      );
      // A 409 is answered with the stored version and the client carries on, as the web page does.
      if (load.non2xx - conflicts > 0 || load.errors > 0) {
        rows.error(
          'autosave answers',
          `${load.non2xx - conflicts} non-2xx (besides ${conflicts} version conflicts) and ${load.errors} errors of ${load.requests} saves`,
        );
      }
    } finally {
      await stack.close();
    }
  },
};
