import { CfnResource, type Stack, Validations } from 'aws-cdk-lib';
import { rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Every acknowledgement must say why, in a real sentence; test/infra asserts this on all of them. */
export const MIN_REASON_LENGTH = 20;

export interface NagTargets {
  readonly lambdaFunctions: readonly IConstruct[];
  readonly sessionSecret: IConstruct;
  /** The origin secret's generations (current, and previous after a rotation). */
  readonly originSecrets: readonly IConstruct[];
  readonly httpApi: IConstruct;
  readonly distribution: IConstruct;
  readonly hasCustomCertificate: boolean;
  /** Role policy scope of the function that signs upload URLs and reads the uploads. */
  readonly importsReader: IConstruct;
}

/** cdk-nag v3 acknowledgements: `Validations.of(scope).acknowledge`, one rule or finding per call. */
function acknowledge(scope: IConstruct, id: string, reason: string): void {
  if (reason.length < MIN_REASON_LENGTH) throw new Error(`cdk-nag acknowledgement ${id} needs a real reason`);
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Acknowledges AwsSolutions-IAM5 (wildcard) findings on the IAM policies under `scope`, but only
 * those matching an allow-listed pattern. Any other wildcard stays a violation, so a new broad
 * grant cannot slip in under an old acknowledgement.
 */
function acknowledgeWildcards(scope: IConstruct, allowed: readonly { pattern: RegExp; reason: string }[]): void {
  for (const node of scope.node.findAll()) {
    if (!CfnResource.isCfnResource(node)) continue;
    if (node.cfnResourceType !== 'AWS::IAM::Policy' && node.cfnResourceType !== 'AWS::IAM::Role') continue;
    const result = rules.iam.IAMNoWildcardPermissions(node);
    if (!Array.isArray(result)) continue;
    for (const finding of result) {
      const match = allowed.find((a) => a.pattern.test(finding));
      if (match) acknowledge(node, `AwsSolutions-IAM5[${finding}]`, match.reason);
    }
  }
}

/** Call last in the stack constructor, after every grant. */
export function applyNagSuppressions(stack: Stack, t: NagTargets): void {
  for (const fn of t.lambdaFunctions) {
    acknowledge(
      fn,
      'AwsSolutions-L1',
      'Node.js 22 is the runtime the project pins (issue 2, esbuild target node22) and is supported; moving to 24 is a deliberate upgrade, not a lint fix.',
    );
  }

  acknowledge(
    t.sessionSecret,
    'AwsSolutions-SMG4',
    'Unsubscribe-link signing key: rotating it voids the links in emails already sent, so it is rotated by hand (docs/deploy.md) rather than on a schedule.',
  );

  for (const secret of t.originSecrets) {
    acknowledge(
      secret,
      'AwsSolutions-SMG4',
      'Origin secret: CloudFormation resolves it into CloudFront and the API Lambdas at deploy, so a value changed in place would reach only some of them; it is rotated by raising originSecretGeneration (docs/deploy.md).',
    );
  }

  acknowledge(
    t.httpApi,
    'AwsSolutions-APIG4',
    'The Hono app authenticates every non-public route itself with its session cookie; public routes (health, login link, session) must stay anonymous.',
  );

  acknowledge(
    t.distribution,
    'AwsSolutions-CFR1',
    'No geo restriction: members travel and the published Klimatläget report is public; abuse is limited in the app and by API throttling.',
  );
  acknowledge(
    t.distribution,
    'AwsSolutions-CFR2',
    'No WAF for a low-traffic member site: its fixed monthly cost is not justified; the API has stage throttling and per-address rate limits in DynamoDB.',
  );
  if (!t.hasCustomCertificate) {
    acknowledge(
      t.distribution,
      'AwsSolutions-CFR4',
      'Without the domainName/certificateArn context the default *.cloudfront.net certificate is used, which CloudFront pins to TLSv1; set both for TLSv1.2_2021.',
    );
  }

  acknowledgeWildcards(t.importsReader, [
    {
      pattern: /^Resource::<ImportsBucket[A-Za-z0-9]*\.Arn>\/uploads\/\*$/,
      reason:
        'Object keys of import uploads are generated per upload, so PutObject/GetObject are scoped to the uploads/ prefix of the imports bucket.',
    },
  ]);

  // CDK's BucketDeployment handler (only exists when web/dist is built): a CDK-owned singleton that runs at deploy time.
  const deployment = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (deployment) {
    acknowledge(
      deployment,
      'AwsSolutions-L1',
      "CDK's BucketDeployment handler runtime is chosen by aws-cdk-lib, not by us; it runs only during deployments to copy web/dist.",
    );
    acknowledge(
      deployment,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      "CDK's BucketDeployment handler creates its own role with the basic execution policy (logs only); it runs only during deployments.",
    );
    acknowledgeWildcards(deployment, [
      {
        pattern: /^Action::s3:(GetObject\*|GetBucket\*|List\*|DeleteObject\*|Abort\*)$/,
        reason:
          "Action groups of CDK's BucketDeployment grants (read the asset, write and tidy the web bucket), limited to those two buckets.",
      },
      {
        pattern: /^Resource::arn:<AWS::Partition>:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-[^/]+\/\*$/,
        reason:
          'Reads the uploaded web/dist asset zip from the CDK bootstrap asset bucket; the key is a content hash known only at deploy time.',
      },
      {
        pattern: /^Resource::<WebBucket[A-Za-z0-9]*\.Arn>\/\*$/,
        reason:
          'Copies the built web app into the private web bucket, whose object keys are the file names of web/dist.',
      },
      {
        pattern: /^Resource::\*$/,
        reason:
          'cloudfront:CreateInvalidation and GetInvalidation, which CDK grants on * when BucketDeployment invalidates the distribution after upload.',
      },
    ]);
  }
}
