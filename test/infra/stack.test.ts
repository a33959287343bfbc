import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_NOT_SENT_MSG } from '../../functions/features/reminders/log-messages';
import { TABLE_DESIGN } from '../../functions/store/table-design';
import { SES_REPUTATION_ALARMS } from '../../infra/alarms';
import { FULL_VCPU_MB, FUNCTION_MEMORY_MB } from '../../infra/function-memory';
import { ADMIN_API_TIMEOUT_SECONDS } from '../../infra/http-api';
import type { KlimatkommunernaStack } from '../../infra/klimatkommunerna-stack';
import {
  allPolicyStatements,
  asArray,
  type Cfn,
  props,
  resourcesOfType,
  type Synthesized,
  synthStack,
  TEST_CONTEXT,
} from './synth-helpers';

// Managed CloudFront policy ids (AWS-documented constants).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let s: Synthesized;
let template: Template;
let stack: KlimatkommunernaStack;

beforeAll(() => {
  s = synthStack();
  template = s.template;
  stack = s.stack;
});
afterAll(() => s?.cleanup());

const logicalId = (construct: IConstruct): string => {
  const cfn = (construct.node.defaultChild ?? construct) as CfnElement;
  return Stack.of(cfn).resolve(Stack.of(cfn).getLogicalId(cfn)) as string;
};

function appFunctions(): Record<string, IFunction> {
  return {
    api: stack.api.fn,
    memberApi: stack.memberApi.fn,
    reportApi: stack.reportApi.fn,
    reminders: stack.reminders.function.fn,
    retention: stack.retention.function.fn,
    sesEvents: stack.mail.eventsHandler.fn,
  };
}

/** Statements of the policies attached to a function's role. */
function roleStatements(fn: IFunction) {
  const roleId = logicalId(fn.role!);
  const policyIds = new Set(
    resourcesOfType(template, 'AWS::IAM::Policy')
      .filter(([, r]) => JSON.stringify(props(r).Roles).includes(`"${roleId}"`))
      .map(([id]) => id),
  );
  return allPolicyStatements(template)
    .filter((p) => policyIds.has(p.owner))
    .map((p) => p.statement);
}

function dynamoGrants(fn: IFunction): { table: string[]; indexes: Record<string, string[]> } {
  const tableId = logicalId(stack.data.table);
  const table: string[] = [];
  const indexes: Record<string, string[]> = {};
  for (const st of roleStatements(fn)) {
    const actions = asArray(st.Action).filter((a) => a.startsWith('dynamodb:'));
    if (actions.length === 0) continue;
    for (const resource of asArray(st.Resource)) {
      const json = JSON.stringify(resource);
      expect(json).toContain(tableId);
      const index = /\/index\/([\w-]+)/.exec(json)?.[1];
      if (index) indexes[index] = [...(indexes[index] ?? []), ...actions].sort();
      else table.push(...actions);
    }
  }
  return { table: table.sort(), indexes };
}

describe('DynamoDB table', () => {
  it('is derived from TABLE_DESIGN: keys, GSIs, TTL', () => {
    const expectedAttributes = new Set<string>([TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey]);
    for (const index of Object.values(TABLE_DESIGN.indexes)) {
      expectedAttributes.add(index.partitionKey);
      expectedAttributes.add(index.sortKey);
    }
    const tables = resourcesOfType(template, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const table = props(tables[0]![1]);
    expect(table.KeySchema).toEqual([
      { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
    ]);
    expect(
      new Set(
        (table.AttributeDefinitions as { AttributeName: string; AttributeType: string }[]).map((a) => a.AttributeName),
      ),
    ).toEqual(expectedAttributes);
    const gsis = table.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown; Projection: unknown }[];
    expect(gsis.map((g) => g.IndexName).sort()).toEqual(Object.keys(TABLE_DESIGN.indexes).sort());
    for (const [name, index] of Object.entries(TABLE_DESIGN.indexes)) {
      expect(gsis.find((g) => g.IndexName === name)).toEqual({
        IndexName: name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      });
    }
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: TABLE_DESIGN.ttlAttribute, Enabled: true });
  });

  it('is on demand, point-in-time recoverable, deletion protected, retained and encrypted', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });
});

describe('Lambda functions', () => {
  it('are exactly the six app functions, all Node 22 on arm64 with a retained log group', () => {
    const functions = resourcesOfType(template, 'AWS::Lambda::Function');
    expect(functions.map(([id]) => id).sort()).toEqual(Object.values(appFunctions()).map(logicalId).sort());
    const logGroups = new Map(resourcesOfType(template, 'AWS::Logs::LogGroup'));
    for (const [id, fn] of functions) {
      const p = props(fn);
      expect(p.Runtime, id).toBe('nodejs22.x');
      expect(p.Architectures, id).toEqual(['arm64']);
      expect(p.Handler, id).toBe('index.handler');
      const logGroupRef = (p.LoggingConfig as { LogGroup?: { Ref?: string } } | undefined)?.LogGroup?.Ref;
      expect(logGroupRef, `${id} log group`).toBeDefined();
      expect(props(logGroups.get(logGroupRef!)!).RetentionInDays, id).toBeGreaterThan(0);
      // Source maps stay off unless someone debugging turns them on (they slow the cold start).
      expect((p.Environment as { Variables?: Record<string, unknown> }).Variables?.NODE_OPTIONS).toBeUndefined();
    }
  });

  it('deploy the memory sizes the cost model prices: a whole vCPU for the member API, whose cold starts the bench measures on one core', () => {
    const memory = Object.fromEntries(
      Object.entries(appFunctions()).map(([name, fn]) => [
        name,
        props(template.toJSON().Resources[logicalId(fn)]).MemorySize,
      ]),
    );
    expect(memory).toEqual({
      api: FUNCTION_MEMORY_MB.adminApi,
      memberApi: FUNCTION_MEMORY_MB.memberApi,
      reportApi: FUNCTION_MEMORY_MB.reportApi,
      reminders: FUNCTION_MEMORY_MB.scheduledJob,
      retention: FUNCTION_MEMORY_MB.scheduledJob,
      sesEvents: FUNCTION_MEMORY_MB.sesEvents,
    });
    expect(memory.memberApi).toBe(FULL_VCPU_MB);
    // Publish and the xlsx export at tenfold growth take 9–14 s on a whole core.
    expect(memory.api).toBe(FULL_VCPU_MB);
  });

  it('give the admin API as long as API Gateway waits, and no longer', () => {
    const timeouts = Object.fromEntries(
      Object.entries(appFunctions()).map(([name, fn]) => [
        name,
        props(template.toJSON().Resources[logicalId(fn)]).Timeout,
      ]),
    );
    expect(timeouts.api).toBe(ADMIN_API_TIMEOUT_SECONDS);
    expect(ADMIN_API_TIMEOUT_SECONDS).toBeLessThan(30);
  });

  it('use no AWS managed policies (own roles that may write only their own log group)', () => {
    for (const [id, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
      expect(props(role).ManagedPolicyArns, id).toBeUndefined();
    }
    for (const fn of Object.values(appFunctions())) {
      const logs = roleStatements(fn).filter((st) => asArray(st.Action).some((a) => a.startsWith('logs:')));
      expect(logs).toHaveLength(1);
      expect(logs[0]!.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/Logs/), 'Arn'] });
    }
  });

  it('give the API the settings it needs and nothing secret in plain text', () => {
    const env = (
      props(template.toJSON().Resources[logicalId(stack.api.fn)]).Environment as {
        Variables: Record<string, unknown>;
      }
    ).Variables;
    expect(Object.keys(env).sort()).toEqual(
      [
        'ADMIN_EMAILS',
        'BASE_URL',
        'CLIENT_IP_HEADER',
        'DEPLOYED',
        'IMPORT_BUCKET',
        'IMPORT_PREFIX',
        'ORIGIN_VERIFY_SECRET',
        'SESSION_SECRET_ARN',
        'SES_CONFIGURATION_SET',
        'SES_FROM_ADDRESS',
        'TABLE_NAME',
      ].sort(),
    );
    expect(env.DEPLOYED).toBe('true');
    expect(env.SES_FROM_ADDRESS).toBe(TEST_CONTEXT.sesFromAddress);
    expect(env.ADMIN_EMAILS).toBe(TEST_CONTEXT.adminEmails);
    expect(env.SESSION_SECRET_ARN).toEqual({ Ref: logicalId(stack.sessionSecret) });
    // What the secret is for now, whatever its logical id says.
    expect(props(template.toJSON().Resources[logicalId(stack.sessionSecret)]).Description).toMatch(/unsubscribe/);
    // baseUrl context is empty: links use the CloudFront domain.
    expect(JSON.stringify(env.BASE_URL)).toContain(logicalId(stack.web.distribution));
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 64 }),
    });
  });
});

describe('least-privilege IAM', () => {
  it('no statement anywhere allows dynamodb:Scan, dynamodb:* or *', () => {
    const statements = allPolicyStatements(template);
    expect(statements.length).toBeGreaterThan(10);
    for (const { owner, statement } of statements) {
      for (const action of asArray(statement.Action)) {
        expect(action.toLowerCase(), owner).not.toBe('dynamodb:scan');
        expect(action, owner).not.toBe('dynamodb:*');
        expect(action, owner).not.toBe('*');
        expect(action.startsWith('dynamodb:') && action.includes('*'), `${owner} ${action}`).toBe(false);
      }
    }
  });

  it('only the functions that sign or check unsubscribe links may read the secret', () => {
    const readers = Object.entries(appFunctions())
      .filter(([, fn]) => roleStatements(fn).some((st) => asArray(st.Action).includes('secretsmanager:GetSecretValue')))
      .map(([name]) => name)
      .sort();
    expect(readers).toEqual(['api', 'reminders', 'reportApi']);
    const environment = (fn: IFunction) =>
      (props(template.toJSON().Resources[logicalId(fn)]).Environment as { Variables: Record<string, unknown> })
        .Variables;
    // Sessions need no key: the member API is not even told where it is.
    expect(environment(stack.memberApi.fn).SESSION_SECRET_ARN).toBeUndefined();
    expect(environment(stack.reportApi.fn).SESSION_SECRET_ARN).toEqual({ Ref: logicalId(stack.sessionSecret) });
  });

  it('each function gets exactly the table actions and indexes it uses', () => {
    expect(dynamoGrants(stack.api.fn)).toEqual({
      table: [
        'dynamodb:BatchGetItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ],
      indexes: { gsi1: ['dynamodb:Query'], gsi2: ['dynamodb:Query'] },
    });
    // The member API writes sessions, login tokens and responses and deletes sessions on sign-out;
    // it never batch-writes (only the kansli's imports do).
    expect(dynamoGrants(stack.memberApi.fn)).toEqual({
      table: [
        'dynamodb:BatchGetItem',
        'dynamodb:DeleteItem',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:Query',
        'dynamodb:UpdateItem',
      ],
      indexes: { gsi1: ['dynamodb:Query'], gsi2: ['dynamodb:Query'] },
    });
    // The report API reads; unsubscribe updates a contact. It creates and deletes nothing.
    expect(dynamoGrants(stack.reportApi.fn)).toEqual({
      table: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      indexes: { gsi1: ['dynamodb:Query'], gsi2: ['dynamodb:Query'] },
    });
    expect(dynamoGrants(stack.reminders.function.fn)).toEqual({
      table: ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'],
      indexes: { gsi1: ['dynamodb:Query'], gsi2: ['dynamodb:Query'] },
    });
    expect(dynamoGrants(stack.mail.eventsHandler.fn)).toEqual({
      table: ['dynamodb:UpdateItem'],
      indexes: { gsi2: ['dynamodb:Query'] },
    });
    expect(dynamoGrants(stack.retention.function.fn)).toEqual({
      table: ['dynamodb:DeleteItem', 'dynamodb:Query'],
      indexes: { gsi1: ['dynamodb:Query'] },
    });
  });

  it('SES send is scoped to the configured identity and configuration set, from the configured address', () => {
    const sendStatements = allPolicyStatements(template).filter(({ statement }) =>
      asArray(statement.Action).some((a) => a.startsWith('ses:')),
    );
    // Both APIs (login links, receipts, notes) and reminders send; nothing else does.
    expect(sendStatements).toHaveLength(3);
    const identityId = logicalId(stack.mail.identity);
    const configSetId = logicalId(stack.mail.configurationSet);
    for (const { statement } of sendStatements) {
      expect(asArray(statement.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
      const resources = asArray(statement.Resource).map((r) => JSON.stringify(r));
      expect(resources).toHaveLength(2);
      expect(resources.some((r) => r.includes(':identity/') && r.includes(identityId))).toBe(true);
      expect(resources.some((r) => r.includes(':configuration-set/') && r.includes(configSetId))).toBe(true);
      expect(resources.join()).not.toMatch(/"\*"|identity\/\*/);
      expect(statement.Condition).toEqual({ StringEquals: { 'ses:FromAddress': TEST_CONTEXT.sesFromAddress } });
    }
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: TEST_CONTEXT.sesDomain });
  });

  it('keeps the imports bucket on update and delete, but not after a failed first creation', () => {
    // Its name is fixed: a bucket left behind by a rolled-back first deploy would block every retry.
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'RetainExceptOnCreate',
      Properties: Match.objectLike({ LifecycleConfiguration: Match.anyValue() }),
    });
  });

  it('only the API may touch import uploads, and only under uploads/', () => {
    const s3 = allPolicyStatements(template).filter(({ statement }) =>
      asArray(statement.Action).some((a) => a.startsWith('s3:')),
    );
    expect(s3).toHaveLength(2);
    const objects = s3.find(({ statement }) => asArray(statement.Action).includes('s3:GetObject'))!;
    expect(asArray(objects.statement.Action).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(objects.statement.Resource)).toMatch(/ImportsBucket.*\/uploads\/\*/);
    // Listing, so that a missing upload is a 404 and not a 403, is limited to the same prefix.
    const listing = s3.find(({ statement }) => asArray(statement.Action).includes('s3:ListBucket'))!;
    expect(asArray(listing.statement.Action)).toEqual(['s3:ListBucket']);
    expect(listing.statement.Condition).toEqual({ StringLike: { 's3:prefix': ['uploads/*'] } });
  });
});

describe('scheduled jobs', () => {
  it('runs the reminders function every hour, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalId(stack.reminders.function.fn), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack.reminders.deadLetterQueue), 'Arn'] } },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
      }),
    });
  });

  it('runs retention daily in Stockholm time, with a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(15 3 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Stockholm',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [logicalId(stack.retention.function.fn), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalId(stack.retention.deadLetterQueue), 'Arn'] } },
      }),
    });
  });

  it('dead-letter failed async invocations of the jobs and the SES feedback handler too', () => {
    const cases: [IFunction, IConstruct][] = [
      [stack.reminders.function.fn, stack.reminders.deadLetterQueue],
      [stack.retention.function.fn, stack.retention.deadLetterQueue],
      [stack.mail.eventsHandler.fn, stack.mail.eventsDeadLetterQueue],
    ];
    const resources = template.toJSON().Resources;
    for (const [fn, queue] of cases) {
      expect(props(resources[logicalId(fn)]).DeadLetterConfig).toEqual({
        TargetArn: { 'Fn::GetAtt': [logicalId(queue), 'Arn'] },
      });
    }
    // Scheduler invokes only the exact function ARN (no version/alias wildcard).
    const invokes = allPolicyStatements(template).filter(({ statement }) =>
      asArray(statement.Action).includes('lambda:InvokeFunction'),
    );
    expect(invokes).toHaveLength(2);
    for (const { statement } of invokes)
      expect(statement.Resource).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
  });

  it('queues are encrypted and refuse plain HTTP', () => {
    const queues = resourcesOfType(template, 'AWS::SQS::Queue');
    expect(queues).toHaveLength(3);
    for (const [id, q] of queues) expect(props(q).SqsManagedSseEnabled, id).toBe(true);
    for (const [, policy] of resourcesOfType(template, 'AWS::SQS::QueuePolicy')) {
      expect(JSON.stringify(props(policy).PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });
});

describe('alarms', () => {
  it('watch Errors and Throttles of every function', () => {
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => props(a));
    for (const [name, fn] of Object.entries(appFunctions())) {
      for (const metric of ['Errors', 'Throttles']) {
        const found = alarms.filter(
          (a) =>
            a.MetricName === metric &&
            a.Namespace === 'AWS/Lambda' &&
            JSON.stringify(a.Dimensions) === JSON.stringify([{ Name: 'FunctionName', Value: { Ref: logicalId(fn) } }]),
        );
        expect(found, `${name} ${metric}`).toHaveLength(1);
        expect(found[0]!.AlarmActions, `${name} ${metric}`).toEqual([{ Ref: logicalId(stack.alarms.topic) }]);
      }
    }
  });

  it('watch every dead-letter queue and API 5xx, and notify the alarm email', () => {
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => props(a));
    const dlqAlarms = alarms.filter((a) => a.MetricName === 'ApproximateNumberOfMessagesVisible');
    expect(dlqAlarms).toHaveLength(3);
    expect(alarms.some((a) => a.MetricName === '5xx' && a.Namespace === 'AWS/ApiGateway')).toBe(true);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: TEST_CONTEXT.alarmEmail });
  });

  it('count the reminders function’s failed sends from its log and alarm on any in an hourly run', () => {
    const filters = resourcesOfType(template, 'AWS::Logs::MetricFilter').map(([, f]) => props(f));
    expect(filters).toHaveLength(1);
    const filter = filters[0]!;
    expect(filter.LogGroupName).toEqual({ Ref: logicalId(stack.reminders.function.logGroup) });
    // A quoted phrase: it matches the JSON line whether Lambda logs text or JSON.
    expect(filter.FilterPattern).toBe(`"${REMINDER_NOT_SENT_MSG}"`);
    const [transformation] = filter.MetricTransformations as Cfn[];
    expect(transformation).toMatchObject({ MetricValue: '1', DefaultValue: 0 });
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => props(a));
    const failedSends = alarms.filter(
      (a) => a.MetricName === transformation.MetricName && a.Namespace === transformation.MetricNamespace,
    );
    expect(failedSends).toHaveLength(1);
    expect(failedSends[0]).toMatchObject({
      Statistic: 'Sum',
      Period: 3600,
      Threshold: 1,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: logicalId(stack.alarms.topic) }],
      OKActions: [{ Ref: logicalId(stack.alarms.topic) }],
    });
    // Per stack, so a second deployment in the account keeps its own count.
    expect(transformation.MetricNamespace).toContain(stack.stackName);
  });

  it('watch the account’s SES bounce and complaint rates at the levels before SES acts', () => {
    const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm').map(([, a]) => props(a));
    const ses: Record<string, Cfn> = Object.fromEntries(
      alarms.filter((a) => a.Namespace === 'AWS/SES').map((a) => [a.MetricName as string, a]),
    );
    expect(Object.keys(ses).sort()).toEqual(['Reputation.BounceRate', 'Reputation.ComplaintRate']);
    expect(ses['Reputation.BounceRate'].Threshold).toBe(SES_REPUTATION_ALARMS.bounceRate);
    expect(ses['Reputation.ComplaintRate'].Threshold).toBe(SES_REPUTATION_ALARMS.complaintRate);
    // The rates are fractions: 2 % bounces (review at 5 %), 0.1 % complaints (review from 0.1 %).
    expect(SES_REPUTATION_ALARMS).toEqual({ bounceRate: 0.02, complaintRate: 0.001 });
    for (const alarm of Object.values(ses)) {
      expect(alarm).toMatchObject({
        Statistic: 'Maximum',
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        // SES reports the rates now and then: a gap keeps the state, so a high rate stays in ALARM.
        TreatMissingData: 'ignore',
        AlarmActions: [{ Ref: logicalId(stack.alarms.topic) }],
      });
      // Account-wide, as SES enforces it.
      expect(alarm.Dimensions).toBeUndefined();
    }
  });
});

describe('SES feedback', () => {
  it('sends bounces and complaints to an encrypted topic that the handler subscribes to', () => {
    const topicId = logicalId(stack.mail.feedbackTopic);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: topicId } },
      }),
    });
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: Match.anyValue(),
      DisplayName: 'SES bounces and complaints',
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: topicId },
      Endpoint: { 'Fn::GetAtt': [logicalId(stack.mail.eventsHandler.fn), 'Arn'] },
    });
    // SES may use the topic key; otherwise publishing to the encrypted topic fails silently.
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'ses.amazonaws.com' } }),
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' } }),
        ]),
      },
    });
  });
});

describe('storage and web', () => {
  it('every bucket blocks public access, is encrypted and refuses plain HTTP', () => {
    const buckets = resourcesOfType(template, 'AWS::S3::Bucket');
    expect(buckets).toHaveLength(3);
    for (const [id, b] of buckets) {
      expect(props(b).PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(props(b).BucketEncryption, id).toBeDefined();
      const policy = resourcesOfType(template, 'AWS::S3::BucketPolicy').find(
        ([, p]) => JSON.stringify(props(p).Bucket) === JSON.stringify({ Ref: id }),
      );
      expect(JSON.stringify(policy?.[1]), id).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('import uploads expire after 7 days and can be POSTed from the site (a presigned form, never a PUT)', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            ExpirationInDays: 7,
            Status: 'Enabled',
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          }),
        ],
      },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: ['POST'], AllowedOrigins: [Match.anyValue()] })],
      },
    });
  });

  it('CloudFront serves the private bucket through OAC and routes /api/* uncached to the API', () => {
    const distribution = props(resourcesOfType(template, 'AWS::CloudFront::Distribution')[0]![1])
      .DistributionConfig as Cfn;
    expect(distribution.DefaultRootObject).toBe('index.html');
    // No distribution-wide error mapping: it would turn API 403/404s into index.html.
    expect(distribution.CustomErrorResponses).toBeUndefined();
    const s3Origin = distribution.Origins.find((o: Cfn) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    const api = distribution.CacheBehaviors.find((b: Cfn) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      ViewerProtocolPolicy: 'https-only',
    });
    // Only the client-IP function runs on /api/*: no SPA rewrite of API paths.
    expect(api.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: expect.anything() }]);
    expect(JSON.stringify(api.FunctionAssociations)).not.toBe(
      JSON.stringify(distribution.DefaultCacheBehavior.FunctionAssociations),
    );
    const functionCode = resourcesOfType(template, 'AWS::CloudFront::Function').map(([, f]) =>
      String(props(f).FunctionCode),
    );
    expect(functionCode.some((code) => code.includes("headers['x-client-ip'] = { value: event.viewer.ip }"))).toBe(
      true,
    );
    const apiOrigin = distribution.Origins.find((o: Cfn) => o.Id === api.TargetOriginId);
    expect(JSON.stringify(apiOrigin.DomainName)).toContain(logicalId(stack.apiGateway.httpApi));
    expect(apiOrigin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    // The SPA fallback runs on the web behaviour only.
    expect(distribution.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: expect.anything() },
    ]);
    expect(distribution.Logging).toBeDefined();
  });

  it('sends security headers on web and API responses', () => {
    const policies = resourcesOfType(template, 'AWS::CloudFront::ResponseHeadersPolicy').map(
      ([, p]) => (props(p).ResponseHeadersPolicyConfig as Cfn).SecurityHeadersConfig,
    );
    expect(policies).toHaveLength(2);
    for (const h of policies) {
      expect(h.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true });
      expect(h.ContentTypeOptions).toEqual({ Override: true });
      expect(h.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(h.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
    }
    const csp = JSON.stringify(policies.find((h) => h.ContentSecurityPolicy)?.ContentSecurityPolicy);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('has no web deployment when web/dist is missing', () => {
    expect(resourcesOfType(template, 'Custom::CDKBucketDeployment')).toHaveLength(0);
  });

  it('sends /api/admin/* and the OpenAPI document to the whole API, the report and unsubscribe to the report API, everything else to the member API', () => {
    const integrations = new Map(
      resourcesOfType(template, 'AWS::ApiGatewayV2::Integration').map(([id, integration]) => [
        id,
        JSON.stringify(props(integration).IntegrationUri),
      ]),
    );
    const routes = Object.fromEntries(
      resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, route]) => {
        const target = JSON.stringify(props(route).Target);
        const integrationId = [...integrations.keys()].find((id) => target.includes(id));
        return [props(route).RouteKey as string, integrations.get(integrationId ?? '') ?? ''];
      }),
    );
    const reportRoutes = [
      'ANY /api/campaigns/{year}/scorecard',
      'ANY /api/klimatlaget',
      'ANY /api/klimatlaget/{proxy+}',
      'ANY /api/unsubscribe',
    ];
    expect(Object.keys(routes).sort()).toEqual(
      ['$default', 'ANY /api/admin/{proxy+}', 'GET /api/openapi.json', ...reportRoutes].sort(),
    );
    expect(routes.$default).toContain(logicalId(stack.memberApi.fn));
    expect(routes['ANY /api/admin/{proxy+}']).toContain(logicalId(stack.api.fn));
    expect(routes['GET /api/openapi.json']).toContain(logicalId(stack.api.fn));
    for (const route of reportRoutes) expect(routes[route], route).toContain(logicalId(stack.reportApi.fn));
  });

  it('HTTP API has access logs and stage throttling', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
    });
  });
});

describe('outputs', () => {
  it('name the site, the API, the table and the rest needed to operate it', () => {
    const outputs = Object.keys(template.findOutputs('*'));
    for (const name of [
      'SiteUrl',
      'DistributionUrl',
      'ApiUrl',
      'TableName',
      'ImportBucketName',
      'SessionSecretArn',
      'SesConfigurationSet',
      'AlarmTopicArn',
      'SesDkimRecord1',
    ]) {
      expect(outputs).toContain(name);
    }
  });
});
