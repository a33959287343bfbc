import { completeKommunAnswers } from '../../test/helpers/complete-answers';
import { BENCH_YEAR, json, makeAppStack, seedOpenCampaign, startBenchDynamo, tokenFromText } from '../lib/app-stack';
import { autosaveAnswers } from '../lib/autosave-payload';
import type { Benchmark } from '../lib/context';
import { type DynamoCost, describeCommands } from '../lib/dynamo-meter';
import { bulkSeed } from '../lib/seed';

const RESPONSE = `/api/campaigns/${BENCH_YEAR}/response`;

/**
 * 4. DynamoDB requests and consumed capacity per member operation, on the app as the Lambda
 * builds it. The request budgets are deterministic and also asserted in npm test
 * (test/api/dynamodb-budgets.integration.test.ts); here they are reported with their capacity
 * and in-process handling time, which the cost model uses as Lambda duration.
 */
export const dynamodbOperations: Benchmark = {
  name: 'dynamodb',
  title: 'DynamoDB requests and capacity per operation',
  async run(ctx, rows) {
    const repeats = ctx.quick ? 2 : 10;
    const db = await startBenchDynamo();
    try {
      const stack = await makeAppStack(db.endpoint);
      await bulkSeed(stack.store, [{ id: '1281', name: 'Lund', type: 'kommun', population: 128000 }]);
      await seedOpenCampaign(stack.store);
      stack.meter.take();

      /** Runs `op` `times` times and answers the cost and time of one, averaged. */
      const measure = async (
        name: string,
        times: number,
        op: (i: number) => Response | Promise<Response>,
      ): Promise<{ cost: DynamoCost; ms: number; emails: number }> => {
        let ms = 0;
        const mailBefore = stack.mail.sent.length;
        stack.meter.take();
        for (let i = 0; i < times; i++) {
          const start = performance.now();
          const res = await op(i);
          ms += performance.now() - start;
          if (res.status >= 300) throw new Error(`${name} answered ${res.status}: ${await res.text()}`);
        }
        const total = stack.meter.take();
        const per = (n: number) => n / times;
        const cost: DynamoCost = {
          commands: Object.fromEntries(Object.entries(total.commands).map(([k, v]) => [k, per(v)])),
          reads: per(total.reads),
          writes: per(total.writes),
          scans: per(total.scans),
          readUnits: per(total.readUnits),
          writeUnits: per(total.writeUnits),
          indexWriteUnits: per(total.indexWriteUnits),
        };
        const result = { cost, ms: ms / times, emails: (stack.mail.sent.length - mailBefore) / times };
        ctx.shared.operations[name] = result;
        return result;
      };
      const report = (
        metric: string,
        m: { cost: DynamoCost; ms: number; emails: number },
        budget?: { reads: number; writes: number },
      ) => {
        const detail = `${describeCommands(m.cost.commands)}; ${m.cost.readUnits} RCU, ${m.cost.writeUnits} WCU (of which ${m.cost.indexWriteUnits} GSI); ${m.ms.toFixed(1)} ms in process${m.emails ? `; ${m.emails} email(s)` : ''}`;
        if (budget) {
          rows.measured({
            metric: `${metric}: reads`,
            value: m.cost.reads,
            unit: 'req',
            budget: { kind: 'max', max: budget.reads },
            deterministic: true,
            note: detail,
          });
          rows.measured({
            metric: `${metric}: writes`,
            value: m.cost.writes,
            unit: 'req',
            budget: { kind: 'max', max: budget.writes },
            deterministic: true,
          });
        } else {
          rows.info(`${metric}: requests`, m.cost.reads + m.cost.writes, 'req', detail);
        }
        rows.info(`${metric}: capacity`, m.cost.readUnits + m.cost.writeUnits, 'RCU+WCU');
      };

      // Sign-in: the link (an email), then redeeming it.
      const email = 'tjansteperson.1281@example.se';
      const link = await measure('loginLink', repeats, () =>
        stack.app.request('/api/auth/login-link', json('POST', { email })),
      );
      report('login link', link);
      const tokens = stack.mail.sent
        .map((m) => tokenFromText(m.text))
        .filter((t): t is string => !!t)
        .slice(-repeats);
      let cookie = '';
      const session = await measure('session', tokens.length, async (i) => {
        const res = await stack.app.request('/api/auth/session', json('POST', { token: tokens[i] }));
        cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
        return res;
      });
      report('sign-in (redeem link)', session, { reads: 2, writes: 2 });

      // What the survey page loads; the first call also warms the campaign cache, as on a warm instance.
      await stack.app.request('/api/campaigns/current', { headers: { cookie } });
      report(
        'load campaign',
        await measure('campaignCurrent', repeats, () =>
          stack.app.request('/api/campaigns/current', { headers: { cookie } }),
        ),
      );
      report(
        'load response',
        await measure('responseView', repeats, () => stack.app.request(RESPONSE, { headers: { cookie } })),
      );

      let version = 0;
      const data = autosaveAnswers();
      const autosave = await measure('autosave', repeats, async () => {
        const res = await stack.app.request(RESPONSE, json('PUT', { data, version }, cookie));
        if (res.status === 200) version = ((await res.clone().json()) as { version: number }).version;
        return res;
      });
      report('autosave', autosave, { reads: 1, writes: 1 });

      const full = await stack.app.request(RESPONSE, json('PUT', { data: completeKommunAnswers(), version }, cookie));
      if (full.status !== 200)
        throw new Error(`saving a complete answer answered ${full.status}: ${await full.text()}`);
      version = ((await full.json()) as { version: number }).version;
      const submit = await measure('submit', 1, () =>
        stack.app.request(`${RESPONSE}/submit`, json('POST', { version }, cookie)),
      );
      report('submit', submit, { reads: 2, writes: 3 });
      const scans = Object.values(ctx.shared.operations).reduce((sum, op) => sum + op.cost.scans, 0);
      rows.measured({
        metric: 'Scan requests',
        value: scans,
        unit: 'req',
        budget: { kind: 'max', max: 0 },
        deterministic: true,
      });
    } finally {
      await db.close();
    }
  },
};
