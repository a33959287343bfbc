import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { autosaveAnswers } from '../../bench/lib/autosave-payload';
import { startFakeSecretsManager } from '../../bench/lib/fake-secrets-manager';
import { awsDeps } from '../../functions/config/aws-environment';
import { createMemberApp } from '../../functions/member-app';
import { sessionCookie } from '../helpers/security-world';
import { seedCampaign, seedOrganisations } from '../helpers/seed-fixtures';
import { jsonRequest, makeTestContext, type TestContext } from '../helpers/test-app';

const SECRET = 'deployed-secret-that-is-long-enough-for-hmac';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-north-1:000000000000:secret:kk-session';

function lambdaEnv(ctx: TestContext, secretsEndpoint: string): NodeJS.ProcessEnv {
  return {
    AWS_REGION: 'eu-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsEndpoint,
    TABLE_NAME: ctx.tableName,
    SESSION_SECRET_ARN: SECRET_ARN,
    SES_FROM_ADDRESS: 'medlemstest@example.se',
    BASE_URL: 'https://medlemstest.example.se',
  };
}

/**
 * The adapters a deployed Lambda builds (functions/config/aws-environment.ts): the table over
 * aws-lite and the unsubscribe-signing key from Secrets Manager, against the run's dynalite and a
 * local Secrets Manager. The API tests use the SDK transport; this is the deployed one, end to end.
 */
describe('a deployed function’s adapters', () => {
  let secrets: Awaited<ReturnType<typeof startFakeSecretsManager>>;
  beforeAll(async () => {
    secrets = await startFakeSecretsManager(SECRET);
  });
  afterAll(() => secrets.close());

  it('read the signing key once, with a signed GetSecretValue for the configured secret', async () => {
    const ctx = await makeTestContext();
    const deps = await awsDeps(lambdaEnv(ctx, secrets.endpoint));
    const before = secrets.requests.length;
    const source = deps.config.sessionSecret;
    const read = typeof source === 'function' ? await Promise.all([source(), source()]) : [source];
    expect(read).toEqual(typeof source === 'function' ? [SECRET, SECRET] : [SECRET]);
    const sent = secrets.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers['x-amz-target']).toBe('secretsmanager.GetSecretValue');
    expect(String(sent[0]?.headers.authorization)).toMatch(
      /^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/eu-north-1\/secretsmanager\//,
    );
    expect(JSON.parse(sent[0]?.body ?? '{}')).toEqual({ SecretId: SECRET_ARN });
  });

  it('refuses an empty secret instead of signing links with nothing', async () => {
    const empty = await startFakeSecretsManager(undefined);
    try {
      const ctx = await makeTestContext();
      const source = (await awsDeps(lambdaEnv(ctx, empty.endpoint))).config.sessionSecret;
      expect(typeof source).toBe('function');
      if (typeof source === 'function') await expect(source()).rejects.toThrow('The session secret is empty');
    } finally {
      await empty.close();
    }
  });

  it('without SESSION_SECRET_ARN (the member Lambda) give a key source that fails clearly if ever asked', async () => {
    const ctx = await makeTestContext();
    const { SESSION_SECRET_ARN: _none, ...env } = lambdaEnv(ctx, secrets.endpoint);
    const before = secrets.requests.length;
    const source = (await awsDeps(env)).config.sessionSecret;
    expect(typeof source).toBe('function');
    if (typeof source === 'function') await expect(source()).rejects.toThrow('SESSION_SECRET_ARN is not set');
    expect(secrets.requests.length).toBe(before);
  });

  it('answer a member’s autosave and its version conflict, as the member Lambda builds them', async () => {
    const now = new Date();
    const ctx = await makeTestContext({ now: now.toISOString() });
    await seedOrganisations(ctx);
    const year = now.getUTCFullYear();
    await seedCampaign(ctx, {
      year,
      title: `Medlemstest ${year}`,
      opensAt: new Date(now.getTime() - 86_400_000).toISOString(),
      closesAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    });
    const cookie = await sessionCookie(ctx, {
      email: 'tjansteperson.1281@example.se',
      name: 'Tjänsteperson Lund',
      role: 'member',
      organisationId: '1281',
      contactId: 'tjansteperson-1281',
    });
    // Deployed as the member Lambda is: no secret configured, and no Secrets Manager request made.
    const { SESSION_SECRET_ARN: _none, ...memberEnv } = lambdaEnv(ctx, secrets.endpoint);
    const before = secrets.requests.length;
    const app = createMemberApp({ ...(await awsDeps(memberEnv)), clientIp: () => '127.0.0.1' });
    const path = `/api/campaigns/${year}/response`;
    const data = autosaveAnswers();

    const saved = await app.request(path, jsonRequest('PUT', { data, version: 0 }, { cookie }));
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { version: number }).version).toBe(1);
    const stale = await app.request(path, jsonRequest('PUT', { data: {}, version: 0 }, { cookie }));
    expect(stale.status).toBe(409);
    // What aws-lite wrote, read back through the SDK transport the other tests use.
    const stored = await ctx.store.get({ pk: 'ORG#1281', sk: `RESPONSE#${year}` });
    expect(stored).toMatchObject({ version: 1, status: 'draft', data });
    expect(secrets.requests.length).toBe(before);
  });
});
