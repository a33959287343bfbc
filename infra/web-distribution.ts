import { Duration } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../functions/http/origin-verify.middleware';

export interface WebDistributionProps {
  /** Host name of the API origin (the HTTP API's execute-api domain). */
  readonly apiDomainName: string;
  /**
   * Sent to the API origin in ORIGIN_VERIFY_HEADER on every request, so the API can tell CloudFront's
   * requests from direct calls to its execute-api address: a dynamic reference (infra/origin-secret.ts).
   */
  readonly originSecretValue: string;
  /** Receives the web bucket's server access logs and CloudFront's access logs. */
  readonly logBucket: IBucket;
  /** Origins the browser may call besides its own, e.g. the S3 endpoint for presigned import uploads. */
  readonly extraConnectSources: readonly string[];
  /** Built web app (web/dist). Undefined: no deployment, so synth works before the first web build. */
  readonly webDistPath?: string;
  readonly domainName?: string;
  readonly certificateArn?: string;
}

/** Strict headers on every response; HSTS for two years because the site is HTTPS-only. */
const SECURITY_HEADERS: ResponseSecurityHeadersBehavior = {
  strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
  contentTypeOptions: { override: true },
  frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
  referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
};

/**
 * Viewer-request function for the web behaviour only: a client route (a path whose last segment
 * has no file extension) gets the app shell. `/api/*` never reaches it, so API 404s stay 404s,
 * unlike a distribution-wide 403/404 error mapping.
 */
const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`;

/**
 * Header the API reads the viewer's address from (set by CloudFront, so a client cannot forge it via
 * CloudFront; the API believes it only on requests that carry the origin secret).
 */
export const CLIENT_IP_HEADER = 'x-client-ip';

/**
 * Viewer-request function for `/api/*`: overwrites any client-sent value with the address CloudFront
 * saw. The first X-Forwarded-For entry is client-controlled, so per-IP rate limits must not use it.
 */
const CLIENT_IP = `function handler(event) {
  event.request.headers['${CLIENT_IP_HEADER}'] = { value: event.viewer.ip };
  return event.request;
}`;

/** The private web bucket, CloudFront in front of it with Origin Access Control, and `/api/*` to the API. */
export class WebDistribution extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'web-bucket/',
    });

    const webHeaders = new ResponseHeadersPolicy(this, 'WebHeaders', {
      comment: 'Security headers and CSP for the web app',
      securityHeadersBehavior: {
        ...SECURITY_HEADERS,
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            // SurveyJS and the charts set inline styles; scripts stay strict.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            `connect-src 'self' ${props.extraConnectSources.join(' ')}`.trim(),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
          ].join('; '),
          override: true,
        },
      },
    });
    // The API sets its own CSP; CloudFront adds the rest so no response goes out without them.
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiHeaders', {
      comment: 'Security headers for /api/* (the app sets CSP)',
      securityHeadersBehavior: SECURITY_HEADERS,
    });

    const spaFallback = new CloudFrontFunction(this, 'SpaFallback', {
      comment: 'Serve index.html for client-side routes',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(SPA_FALLBACK),
    });

    const clientIp = new CloudFrontFunction(this, 'ClientIp', {
      comment: 'Pass the viewer address to the API in a header clients cannot set',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(CLIENT_IP),
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Klimatkommunerna medlemstest',
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Europe and North America edges: the users are in Sweden.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.logBucket,
      logFilePrefix: 'cloudfront/',
      ...(props.domainName && props.certificateArn
        ? {
            domainNames: [props.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: webHeaders,
        functionAssociations: [{ function: spaFallback, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(props.apiDomainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            // Replaces any value a viewer sends under the same name.
            customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originSecretValue },
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Cookies, query strings and headers reach the app; Host must be API Gateway's own.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
          functionAssociations: [{ function: clientIp, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
    });

    if (props.webDistPath) {
      new BucketDeployment(this, 'Deployment', {
        sources: [Source.asset(props.webDistPath)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        // Keep old hashed chunks: a browser on the previous index.html may still lazy-load them.
        prune: false,
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.minutes(5))],
        memoryLimit: 512,
      });
    }
  }

  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }
}
