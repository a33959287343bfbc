import { Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, type HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ApiGatewayProps {
  /** The member API (createMemberApp): every request not routed to the admin or report API. */
  readonly memberHandler: IFunction;
  /** The report API (createReportApp): Klimatläget, the scorecard and unsubscribe. */
  readonly reportHandler: IFunction;
  /** The whole API (createApp): /api/admin/* and /api/openapi.json. */
  readonly adminHandler: IFunction;
}

/**
 * The HTTP API gives up on a Lambda integration after 30 s. The admin Lambda (publish, exports,
 * imports) may run that long and stops just before, so its own timeout is what gets logged.
 */
export const ADMIN_API_TIMEOUT_SECONDS = 29;

/** Paths the admin Lambda answers; everything else goes to the member or the report Lambda. */
export const ADMIN_API_ROUTES = [
  { path: '/api/admin/{proxy+}', methods: [HttpMethod.ANY] },
  { path: '/api/openapi.json', methods: [HttpMethod.GET] },
] as const;

/**
 * Paths the report Lambda answers: what is read after the survey, never during it. Any method, so
 * the app itself answers a wrong one, as it does everywhere else.
 */
export const REPORT_API_ROUTES = [
  { path: '/api/klimatlaget', methods: [HttpMethod.ANY] },
  { path: '/api/klimatlaget/{proxy+}', methods: [HttpMethod.ANY] },
  { path: '/api/campaigns/{year}/scorecard', methods: [HttpMethod.ANY] },
  { path: '/api/unsubscribe', methods: [HttpMethod.ANY] },
] as const;

/**
 * An HTTP API in front of three Hono Lambdas: the kansli's routes go to the whole app, the report
 * and unsubscribe to the report app, the rest (sign-in and the response) to the member app, so a
 * contact's autosave cold start loads neither the admin features nor the report
 * (docs/performance.md).
 * It sits behind CloudFront (`/api/*`)
 * because a Function URL with Origin Access Control would need browsers to sign POST bodies, and
 * an open Function URL would give no stage throttling or access log.
 */
export class ApiGateway extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: ApiGatewayProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Klimatkommunerna medlemstest API (reached through CloudFront /api/*)',
      // The Hono apps route and authenticate themselves: a catch-all plus the admin and report paths.
      defaultIntegration: new HttpLambdaIntegration('Hono', props.memberHandler),
      createDefaultStage: false,
    });
    const admin = new HttpLambdaIntegration('HonoAdmin', props.adminHandler);
    for (const route of ADMIN_API_ROUTES) {
      this.httpApi.addRoutes({ path: route.path, methods: [...route.methods], integration: admin });
    }
    const report = new HttpLambdaIntegration('HonoReport', props.reportHandler);
    for (const route of REPORT_API_ROUTES) {
      this.httpApi.addRoutes({ path: route.path, methods: [...route.methods], integration: report });
    }

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // A ceiling against floods; the app's own per-address limits sit well below it.
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // No query strings or bodies: they could hold tokens or personal data.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            method: '$context.httpMethod',
            path: '$context.path',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
  }

  /** Host name CloudFront uses as the origin. */
  get originDomainName(): string {
    return `${this.httpApi.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
  }
}
