import type { Node } from 'constructs';

/**
 * Deployment settings, read from CDK context (cdk.json or `-c key=value`).
 * Kept in one place so the app entry, the stack and the tests agree on names and defaults.
 */
export interface DeploymentConfig {
  /** Sender address of every email (From). Must be inside `sesDomain` when that is set. */
  readonly sesFromAddress: string;
  /** Domain verified in SES (Easy DKIM). Empty: only `sesFromAddress` itself is verified. */
  readonly sesDomain: string;
  /** Comma-separated admin (kansli) addresses, handed to the API. */
  readonly adminEmails: string;
  /** Public URL used in email links. Empty: https://<custom domain> or the CloudFront domain. */
  readonly baseUrl: string;
  /** Optional address subscribed to the alarm topic (needs a confirmation click). */
  readonly alarmEmail: string;
  /** Optional custom domain for CloudFront; needs `certificateArn` too. */
  readonly domainName: string;
  /** ACM certificate ARN in us-east-1 covering `domainName`. */
  readonly certificateArn: string;
  /**
   * Generation of the origin secret CloudFront sends the API (infra/origin-secret.ts): a whole
   * number from 1; raise it by one to rotate the value. Empty or left out: 1.
   */
  readonly originSecretGeneration?: string;
}

export const CONTEXT_KEYS = [
  'sesFromAddress',
  'sesDomain',
  'adminEmails',
  'baseUrl',
  'alarmEmail',
  'domainName',
  'certificateArn',
  'originSecretGeneration',
] as const satisfies readonly (keyof DeploymentConfig)[];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads and validates the context; throws one readable message listing every problem. */
export function readDeploymentConfig(node: Node): DeploymentConfig {
  const get = (key: keyof DeploymentConfig): string => {
    const value: unknown = node.tryGetContext(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const config: DeploymentConfig = {
    sesFromAddress: get('sesFromAddress'),
    sesDomain: get('sesDomain').toLowerCase(),
    adminEmails: get('adminEmails'),
    baseUrl: get('baseUrl').replace(/\/+$/, ''),
    alarmEmail: get('alarmEmail'),
    domainName: get('domainName').toLowerCase(),
    certificateArn: get('certificateArn'),
    // cdk.json may hold it as a number; -c passes a string.
    originSecretGeneration: String(node.tryGetContext('originSecretGeneration') ?? '').trim(),
  };
  const problems = validateDeploymentConfig(config);
  if (problems.length > 0) {
    throw new Error(`Invalid CDK context: ${problems.join('; ')}`);
  }
  return config;
}

/** Whether the distribution answers this host: the custom domain, or a CloudFront domain. */
function servesHost(c: DeploymentConfig, host: string): boolean {
  return host === c.domainName || host.endsWith('.cloudfront.net');
}

export function validateDeploymentConfig(c: DeploymentConfig): string[] {
  const problems: string[] = [];
  if (!EMAIL.test(c.sesFromAddress)) problems.push('sesFromAddress must be an email address');
  if (c.sesDomain && !c.sesFromAddress.toLowerCase().endsWith(`@${c.sesDomain}`)) {
    problems.push(`sesFromAddress must be an address in sesDomain (${c.sesDomain})`);
  }
  const admins = c.adminEmails
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (admins.length === 0 || admins.some((a) => !EMAIL.test(a))) {
    problems.push('adminEmails must be a comma-separated list of email addresses');
  }
  if (c.baseUrl && !/^https:\/\/[^/\s]+$/.test(c.baseUrl)) problems.push('baseUrl must be https://host with no path');
  else if (c.baseUrl && !servesHost(c, new URL(c.baseUrl).hostname)) {
    // CloudFront answers only its own domain and domainName; links elsewhere would not reach the
    // platform, and sign-in from the CloudFront domain would fail the origin check.
    problems.push(
      c.domainName
        ? `baseUrl must be https://${c.domainName} (domainName) or the CloudFront domain`
        : 'baseUrl names a host CloudFront does not answer: set domainName and certificateArn for it, or leave baseUrl empty',
    );
  }
  if (c.alarmEmail && !EMAIL.test(c.alarmEmail)) problems.push('alarmEmail must be an email address');
  if (Boolean(c.domainName) !== Boolean(c.certificateArn)) {
    problems.push('domainName and certificateArn must be set together');
  }
  if (c.certificateArn && !/^arn:aws[\w-]*:acm:us-east-1:\d{12}:certificate\/[\w-]+$/.test(c.certificateArn)) {
    problems.push('certificateArn must be an ACM certificate in us-east-1 (CloudFront requires that region)');
  }
  if (c.originSecretGeneration && !/^[1-9]\d{0,5}$/.test(c.originSecretGeneration)) {
    problems.push('originSecretGeneration must be a whole number from 1 (raise it by one to rotate the origin secret)');
  }
  return problems;
}

/** The origin secret's generation: `originSecretGeneration`, or 1 when it is empty. */
export function originSecretGenerationOf(c: DeploymentConfig): number {
  return c.originSecretGeneration ? Number(c.originSecretGeneration) : 1;
}
