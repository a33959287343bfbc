import { describe, expect, it } from 'vitest';
import { type DeploymentConfig, validateDeploymentConfig } from '../../infra/config';

const good: DeploymentConfig = {
  sesFromAddress: 'medlemstest@klimatkommunerna.se',
  sesDomain: 'klimatkommunerna.se',
  adminEmails: 'kansli@klimatkommunerna.se, ordf@klimatkommunerna.se',
  baseUrl: '',
  alarmEmail: '',
  domainName: '',
  certificateArn: '',
};

const custom = {
  domainName: 'medlemstest.klimatkommunerna.se',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
};

describe('CDK context validation', () => {
  it('accepts the cdk.json defaults', () => {
    expect(validateDeploymentConfig(good)).toEqual([]);
  });

  it('accepts a baseUrl on the custom domain or a CloudFront domain', () => {
    expect(
      validateDeploymentConfig({ ...good, ...custom, baseUrl: 'https://medlemstest.klimatkommunerna.se' }),
    ).toEqual([]);
    expect(validateDeploymentConfig({ ...good, baseUrl: 'https://d111111abcdef8.cloudfront.net' })).toEqual([]);
  });

  it.each([
    [{ sesFromAddress: 'not-an-address' }, 'sesFromAddress must be an email address'],
    [{ sesFromAddress: 'x@other.se' }, 'sesFromAddress must be an address in sesDomain'],
    [{ adminEmails: '' }, 'adminEmails'],
    [{ baseUrl: 'http://example.se' }, 'baseUrl'],
    [{ baseUrl: 'https://example.se/path' }, 'baseUrl'],
    [{ domainName: 'medlemstest.klimatkommunerna.se' }, 'domainName and certificateArn must be set together'],
    [{ domainName: 'a.se', certificateArn: 'arn:aws:acm:eu-north-1:123456789012:certificate/abc' }, 'us-east-1'],
    // Email links must point at a host CloudFront answers, or nobody can sign in from them.
    [{ baseUrl: 'https://medlemstest.klimatkommunerna.se' }, 'set domainName and certificateArn'],
    [
      { baseUrl: 'https://annan.klimatkommunerna.se', ...custom },
      'baseUrl must be https://medlemstest.klimatkommunerna.se',
    ],
  ] as [Partial<DeploymentConfig>, string][])('rejects %o', (change, message) => {
    expect(validateDeploymentConfig({ ...good, ...change }).join('; ')).toContain(message);
  });
});
