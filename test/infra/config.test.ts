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

describe('CDK context validation', () => {
  it('accepts the cdk.json defaults', () => {
    expect(validateDeploymentConfig(good)).toEqual([]);
  });

  it.each([
    [{ sesFromAddress: 'not-an-address' }, 'sesFromAddress must be an email address'],
    [{ sesFromAddress: 'x@other.se' }, 'sesFromAddress must be an address in sesDomain'],
    [{ adminEmails: '' }, 'adminEmails'],
    [{ baseUrl: 'http://example.se' }, 'baseUrl'],
    [{ baseUrl: 'https://example.se/path' }, 'baseUrl'],
    [{ domainName: 'medlemstest.klimatkommunerna.se' }, 'domainName and certificateArn must be set together'],
    [{ domainName: 'a.se', certificateArn: 'arn:aws:acm:eu-north-1:123456789012:certificate/abc' }, 'us-east-1'],
  ] as [Partial<DeploymentConfig>, string][])('rejects %o', (change, message) => {
    expect(validateDeploymentConfig({ ...good, ...change }).join('; ')).toContain(message);
  });
});
