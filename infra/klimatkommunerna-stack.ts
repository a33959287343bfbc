import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { REMINDER_NOT_SENT_MSG } from '../functions/features/reminders/log-messages';
import { Alarms } from './alarms';
import { AppFunction } from './app-function';
import { type DeploymentConfig, originSecretGenerationOf, readDeploymentConfig } from './config';
import { DataTable } from './data-table';
import { FUNCTION_MEMORY_MB } from './function-memory';
import { ADMIN_API_TIMEOUT_SECONDS, ApiGateway } from './http-api';
import { IMPORT_UPLOAD_PREFIX, ImportsBucket } from './imports-bucket';
import { Mail } from './mail';
import { applyNagSuppressions } from './nag-suppressions';
import { OriginSecret } from './origin-secret';
import { ScheduledJob } from './scheduled-job';
import { CLIENT_IP_HEADER, WebDistribution } from './web-distribution';

export interface KlimatkommunernaStackProps extends StackProps {
  /** Deployment settings; read from CDK context when omitted. */
  readonly config?: DeploymentConfig;
  /** Built web app to upload (web/dist). Omit when it has not been built. */
  readonly webDistPath?: string;
}

/** Lambda entry files, relative to this file so the app works from any working directory. */
const handlerEntry = (name: string): string =>
  fileURLToPath(new URL(`../functions/handlers/${name}.handler.ts`, import.meta.url));

/** Everything the member survey platform needs in one account and region. */
export class KlimatkommunernaStack extends Stack {
  readonly data: DataTable;
  /** The whole API (createApp): the kansli's /api/admin/* and the OpenAPI document. */
  readonly api: AppFunction;
  /** The member API (createMemberApp): sign-in and the organisation's response. */
  readonly memberApi: AppFunction;
  /** The report API (createReportApp): Klimatläget, the scorecard and unsubscribe. */
  readonly reportApi: AppFunction;
  readonly apiGateway: ApiGateway;
  readonly web: WebDistribution;
  readonly imports: ImportsBucket;
  readonly mail: Mail;
  readonly reminders: ScheduledJob;
  readonly retention: ScheduledJob;
  readonly alarms: Alarms;
  readonly sessionSecret: Secret;
  /** What CloudFront sends the API so that direct calls to the execute-api address are refused. */
  readonly originSecret: OriginSecret;
  readonly logBucket: Bucket;

  constructor(scope: Construct, id: string, props: KlimatkommunernaStackProps = {}) {
    super(scope, id, props);
    const config = props.config ?? readDeploymentConfig(this.node);

    this.data = new DataTable(this, 'Data');
    const tableName = this.data.table.tableName;

    // One key for the stack's SNS topics: SES (bounces) and CloudWatch (alarms) must be able to publish.
    const topicKey = new Key(this, 'TopicKey', {
      description: 'Encrypts the SES feedback and alarm topics',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const service of ['ses.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      topicKey.addToResourcePolicy(
        new PolicyStatement({
          principals: [new ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
        }),
      );
    }
    this.alarms = new Alarms(this, 'Alarms', { topicKey, alarmEmail: config.alarmEmail || undefined });

    // Access logs of both buckets and of CloudFront. CloudFront's standard logs need ACLs on the bucket.
    this.logBucket = new Bucket(this, 'AccessLogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });

    this.sessionSecret = new Secret(this, 'SessionSecret', {
      // Named for its first use; it signs one-click unsubscribe links now (sessions need no key).
      description: 'Signing key for one-click unsubscribe links (generated at deploy, never in code)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });

    // Resolved into CloudFront's origin header and the API Lambdas' environment at deploy; no
    // function reads it at run time (infra/origin-secret.ts).
    this.originSecret = new OriginSecret(this, 'OriginSecret', { generation: originSecretGenerationOf(config) });

    this.imports = new ImportsBucket(this, 'Imports', { logBucket: this.logBucket });

    this.mail = new Mail(this, 'Mail', {
      sesFromAddress: config.sesFromAddress,
      sesDomain: config.sesDomain,
      topicKey,
      eventsHandlerEntry: handlerEntry('ses-events'),
      eventsHandlerEnvironment: { TABLE_NAME: tableName, DEPLOYED: 'true' },
    });

    // The HTTP API resource exists before the function, so CloudFront can point at it and the
    // function can know CloudFront's URL without a dependency cycle.
    // Imports, publish and exports: more CPU and time than a member's requests need.
    this.api = new AppFunction(this, 'Api', {
      entry: handlerEntry('api'),
      description: 'Hono API: /api/admin/* and /api/openapi.json',
      memorySize: FUNCTION_MEMORY_MB.adminApi,
      timeout: Duration.seconds(ADMIN_API_TIMEOUT_SECONDS),
      environment: {},
    });
    this.memberApi = new AppFunction(this, 'MemberApi', {
      entry: handlerEntry('member-api'),
      description: 'Hono member API: every other /api/* route',
      memorySize: FUNCTION_MEMORY_MB.memberApi,
      timeout: Duration.seconds(10),
      environment: {},
    });
    this.reportApi = new AppFunction(this, 'ReportApi', {
      entry: handlerEntry('report-api'),
      description: 'Hono report API: Klimatläget, the scorecard and unsubscribe',
      memorySize: FUNCTION_MEMORY_MB.reportApi,
      timeout: Duration.seconds(10),
      environment: {},
    });
    this.apiGateway = new ApiGateway(this, 'ApiGateway', {
      memberHandler: this.memberApi.fn,
      reportHandler: this.reportApi.fn,
      adminHandler: this.api.fn,
    });

    this.web = new WebDistribution(this, 'Web', {
      apiDomainName: this.apiGateway.originDomainName,
      originSecretValue: this.originSecret.headerValue,
      logBucket: this.logBucket,
      extraConnectSources: [this.imports.uploadOrigin],
      webDistPath: props.webDistPath,
      domainName: config.domainName || undefined,
      certificateArn: config.certificateArn || undefined,
    });

    const siteUrls = [this.web.url];
    if (config.domainName) siteUrls.push(`https://${config.domainName}`);
    if (config.baseUrl && !siteUrls.includes(config.baseUrl)) siteUrls.push(config.baseUrl);
    const baseUrl = config.baseUrl || (config.domainName ? `https://${config.domainName}` : this.web.url);
    this.imports.allowUploadsFrom(siteUrls);

    const mailEnvironment = {
      TABLE_NAME: tableName,
      BASE_URL: baseUrl,
      SES_FROM_ADDRESS: config.sesFromAddress,
      SES_CONFIGURATION_SET: this.mail.configurationSet.configurationSetName,
      SESSION_SECRET_ARN: this.sessionSecret.secretArn,
      DEPLOYED: 'true',
    };
    const apiEnvironment = {
      ...mailEnvironment,
      ADMIN_EMAILS: config.adminEmails,
      IMPORT_BUCKET: this.imports.bucket.bucketName,
      IMPORT_PREFIX: IMPORT_UPLOAD_PREFIX,
      CLIENT_IP_HEADER,
      ...this.originSecret.apiEnvironment,
    };
    for (const [name, value] of Object.entries(apiEnvironment)) this.api.fn.addEnvironment(name, value);
    // No import bucket: uploads and previews are the kansli's. No secret: sessions need no key, and
    // the member API signs no unsubscribe link.
    const { SESSION_SECRET_ARN: _unsubscribeKey, ...memberMailEnvironment } = mailEnvironment;
    const memberApiEnvironment = {
      ...memberMailEnvironment,
      ADMIN_EMAILS: config.adminEmails,
      CLIENT_IP_HEADER,
      ...this.originSecret.apiEnvironment,
    };
    for (const [name, value] of Object.entries(memberApiEnvironment)) this.memberApi.fn.addEnvironment(name, value);
    // The mail settings are there because the shared app core builds its (lazy) mail adapter.
    const reportApiEnvironment = {
      ...mailEnvironment,
      ADMIN_EMAILS: config.adminEmails,
      CLIENT_IP_HEADER,
      ...this.originSecret.apiEnvironment,
    };
    for (const [name, value] of Object.entries(reportApiEnvironment)) this.reportApi.fn.addEnvironment(name, value);

    this.reminders = new ScheduledJob(this, 'Reminders', {
      entry: handlerEntry('reminders'),
      description: 'Hourly reminders run',
      schedule: ScheduleExpression.rate(Duration.hours(1)),
      environment: mailEnvironment,
      timeout: Duration.minutes(5),
      // Older than the next run: drop it, the next hourly run catches up.
      maxEventAge: Duration.hours(1),
    });

    this.retention = new ScheduledJob(this, 'Retention', {
      entry: handlerEntry('retention'),
      description: 'Daily deletion of outbox and reminder-log entries older than 2 years',
      schedule: ScheduleExpression.cron({ hour: '3', minute: '15', timeZone: TimeZone.of('Europe/Stockholm') }),
      environment: { TABLE_NAME: tableName, DEPLOYED: 'true' },
      timeout: Duration.minutes(5),
      maxEventAge: Duration.hours(6),
    });

    // Least privilege: each function gets the table actions and indexes it uses, never Scan.
    this.data.grant(this.api.fn, {
      tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem', 'BatchWriteItem'],
      queryIndexes: ['gsi1', 'gsi2'],
    });
    // Batch writes are the imports' only (the kansli's API).
    this.data.grant(this.memberApi.fn, {
      tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchGetItem'],
      queryIndexes: ['gsi1', 'gsi2'],
    });
    // Reads reports, scores and sessions; unsubscribe updates a contact's email state. It writes no
    // new item: publishing (the kansli's API) creates the report snapshots.
    this.data.grant(this.reportApi.fn, {
      tableActions: ['GetItem', 'UpdateItem', 'Query', 'BatchGetItem'],
      queryIndexes: ['gsi1', 'gsi2'],
    });
    this.data.grant(this.reminders.function.fn, {
      tableActions: ['GetItem', 'PutItem', 'UpdateItem', 'Query', 'BatchGetItem'],
      queryIndexes: ['gsi1', 'gsi2'],
    });
    this.data.grant(this.mail.eventsHandler.fn, { tableActions: ['UpdateItem'], queryIndexes: ['gsi2'] });
    // gsi1 lists the campaigns whose reminder logs it sweeps.
    this.data.grant(this.retention.function.fn, {
      tableActions: ['Query', 'DeleteItem'],
      queryIndexes: ['gsi1'],
    });

    this.mail.grantSend(this.api.fn);
    this.mail.grantSend(this.memberApi.fn);
    this.mail.grantSend(this.reminders.function.fn);
    // The secret signs one-click unsubscribe links: the reminders and the kansli's "remind now" sign
    // them, the report API checks them. Sessions need no key (docs/security.md).
    this.sessionSecret.grantRead(this.api.fn);
    this.sessionSecret.grantRead(this.reportApi.fn);
    this.sessionSecret.grantRead(this.reminders.function.fn);
    this.imports.grantUploadAndRead(this.api.fn);

    this.alarms.watchFunction('Api', this.api.fn);
    this.alarms.watchFunction('MemberApi', this.memberApi.fn);
    this.alarms.watchFunction('ReportApi', this.reportApi.fn);
    this.alarms.watchFunction('Reminders', this.reminders.function.fn);
    this.alarms.watchFunction('Retention', this.retention.function.fn);
    this.alarms.watchFunction('SesEvents', this.mail.eventsHandler.fn);
    this.alarms.watchDeadLetterQueue('Reminders', this.reminders.deadLetterQueue);
    this.alarms.watchDeadLetterQueue('Retention', this.retention.deadLetterQueue);
    this.alarms.watchDeadLetterQueue('SesEvents', this.mail.eventsDeadLetterQueue);
    // A send that fails is recorded and the run ends normally, so neither Errors nor the queue sees
    // it; the run's log line per failed send does. Hourly runs: one period per run.
    this.alarms.watchLogPhrase(
      'RemindersFailedSends',
      'Reminders: a run could not send one or more reminders (see the "reminder not sent" log lines)',
      this.reminders.function.logGroup,
      REMINDER_NOT_SENT_MSG,
      Duration.hours(1),
    );
    this.alarms.watchSesReputation();
    this.alarms.add(
      'ApiServerErrors',
      'API: 5xx responses from API Gateway (function failures and timeouts)',
      this.apiGateway.httpApi.metricServerError({ period: Duration.minutes(5) }),
    );

    new CfnOutput(this, 'SiteUrl', { value: baseUrl, description: 'The platform (CloudFront)' });
    new CfnOutput(this, 'DistributionUrl', { value: this.web.url, description: 'CloudFront default domain' });
    new CfnOutput(this, 'ApiUrl', {
      value: this.apiGateway.httpApi.apiEndpoint,
      description: 'HTTP API (reach it through /api/* on the site)',
    });
    new CfnOutput(this, 'TableName', { value: tableName });
    new CfnOutput(this, 'ImportBucketName', { value: this.imports.bucket.bucketName });
    new CfnOutput(this, 'SessionSecretArn', { value: this.sessionSecret.secretArn });
    new CfnOutput(this, 'SesConfigurationSet', { value: this.mail.configurationSet.configurationSetName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    if (config.sesDomain) {
      this.mail.identity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `SesDkimRecord${i + 1}`, {
          value: `${record.name} CNAME ${record.value}`,
          description: `DKIM CNAME ${i + 1} of 3 to publish in ${config.sesDomain}'s DNS`,
        });
      });
    }

    applyNagSuppressions(this, {
      lambdaFunctions: [
        this.api.fn,
        this.memberApi.fn,
        this.reportApi.fn,
        this.reminders.function.fn,
        this.retention.function.fn,
        this.mail.eventsHandler.fn,
      ],
      sessionSecret: this.sessionSecret,
      originSecrets: this.originSecret.secrets,
      httpApi: this.apiGateway.httpApi,
      distribution: this.web.distribution,
      hasCustomCertificate: Boolean(config.certificateArn),
      importsReader: this.api.role,
    });
  }
}
