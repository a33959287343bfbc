import { Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cfn, resourcesOfType, type Synthesized, synthStack } from './synth-helpers';

/**
 * cdk-nag 3 is a CDK policy-validation plugin (not an Aspect emitting Annotations): findings are
 * reported by the plugin, and suppressions are `Validations.of(x).acknowledge({id, reason})`,
 * stored as construct metadata. Both are checked here.
 */

interface Acknowledgement {
  path: string;
  id: string;
  reason: string;
}

function acknowledgements(root: IConstruct): Acknowledgement[] {
  const out: Acknowledgement[] = [];
  for (const c of root.node.findAll()) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        out.push({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return out;
}

/** Unacknowledged AwsSolutions findings, errors and warnings alike. */
function findings(scope: IConstruct) {
  return new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(scope).violations.map((v) => ({
    rule: v.ruleName,
    severity: v.severity,
    where: v.violatingResources.map((r) => r.constructPath),
  }));
}

/** The AwsSolutions rules we accept an acknowledgement for; anything new must be added here deliberately. */
const ACCEPTED_RULES = [
  'AwsSolutions-L1',
  'AwsSolutions-SMG4',
  'AwsSolutions-APIG4',
  'AwsSolutions-CFR1',
  'AwsSolutions-CFR2',
  'AwsSolutions-CFR4',
  'AwsSolutions-IAM4',
  'AwsSolutions-IAM5',
];

describe('cdk-nag AwsSolutions, default context (CloudFront domain) and a built web app', () => {
  let s: Synthesized;
  beforeAll(() => {
    // Registered exactly as infra/app.ts does; an in-memory synth throws on any unacknowledged finding.
    s = synthStack({
      withWebDist: true,
      beforeSynth: (app) => Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true })),
    });
  });
  afterAll(() => s?.cleanup());

  it('synthesises with the plugin registered, including the web deployment', () => {
    expect(resourcesOfType(s.template, 'Custom::CDKBucketDeployment')).toHaveLength(1);
  });

  it('has zero unacknowledged errors and zero warnings', () => {
    expect(findings(s.stack)).toEqual([]);
  });

  it('every acknowledgement carries a written reason', () => {
    const acks = acknowledgements(s.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const a of acks) {
      expect(a.reason.trim().length, `${a.path} ${a.id}`).toBeGreaterThanOrEqual(20);
      // A sentence, not a placeholder.
      expect(a.reason.trim().split(/\s+/).length, `${a.path} ${a.id}`).toBeGreaterThanOrEqual(5);
    }
  });

  it('acknowledges only the accepted rules, never a whole IAM5 rule without a finding', () => {
    const acks = acknowledgements(s.app).filter((a) => a.id.startsWith('AwsSolutions-'));
    for (const a of acks) {
      expect(ACCEPTED_RULES, a.id).toContain(a.id.replace(/\[.*$/, ''));
      if (a.id.startsWith('AwsSolutions-IAM')) expect(a.id, a.path).toMatch(/^AwsSolutions-IAM[45]\[.+\]$/);
    }
    // IAM5 only on the API's uploads/ grant and CDK's own BucketDeployment handler.
    const iam5Paths = new Set(
      acks.filter((a) => a.id.startsWith('AwsSolutions-IAM5')).map((a) => a.path.split('/')[1]),
    );
    expect([...iam5Paths].sort()).toEqual(['Api', expect.stringMatching(/^Custom::CDKBucketDeployment/)].sort());
    expect(acks.some((a) => a.id === 'AwsSolutions-CFR4')).toBe(true);
  });

  it('a wildcard added later is not covered by the existing acknowledgements', () => {
    s.stack.api.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::other-bucket/*'] }),
    );
    expect(findings(s.stack)).toEqual([
      expect.objectContaining({ rule: 'AwsSolutions-IAM5[Resource::arn:aws:s3:::other-bucket/*]', severity: 'error' }),
    ]);
  });
});

describe('cdk-nag AwsSolutions with a custom domain and certificate', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthStack({
      context: {
        domainName: 'medlemstest.klimatkommunerna.se',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
        baseUrl: 'https://medlemstest.klimatkommunerna.se',
      },
    });
  });
  afterAll(() => s?.cleanup());

  it('needs no CFR4 acknowledgement: viewers get TLS 1.2 or newer', () => {
    expect(findings(s.stack)).toEqual([]);
    expect(acknowledgements(s.app).some((a) => a.id === 'AwsSolutions-CFR4')).toBe(false);
    const [[, dist]] = resourcesOfType(s.template, 'AWS::CloudFront::Distribution') as [[string, Cfn]];
    expect(dist.Properties.DistributionConfig.Aliases).toEqual(['medlemstest.klimatkommunerna.se']);
    expect(dist.Properties.DistributionConfig.ViewerCertificate).toMatchObject({
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
  });

  it('lets the custom domain upload imports and uses it in email links', () => {
    const [[, bucket]] = resourcesOfType(s.template, 'AWS::S3::Bucket').filter(
      ([, b]) => (b as Cfn).Properties.CorsConfiguration,
    ) as [[string, Cfn]];
    expect(bucket.Properties.CorsConfiguration.CorsRules[0].AllowedOrigins).toContain(
      'https://medlemstest.klimatkommunerna.se',
    );
    const api =
      s.template.toJSON().Resources[s.stack.resolve(s.stack.getLogicalId(s.stack.api.fn.node.defaultChild as Cfn))];
    expect(api.Properties.Environment.Variables.BASE_URL).toBe('https://medlemstest.klimatkommunerna.se');
  });
});
