import { describe, expect, it } from 'vitest';
import { storageRefusalKey, storageRefusalOfDetail, storageRefusalOfXml } from '../../web/src/pages/admin/lib/imports';
import { adminT } from '../helpers/translators';

/** S3's error body for a refused POST upload, as it sends it. */
const s3Error = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
  '<RequestId>4442587FB7D0A2F9</RequestId><HostId>abc=</HostId></Error>';

/** What the import page says for S3's XML refusal, through the same functions the page uses. */
function said(xml: string, lang: 'sv' | 'en'): string | undefined {
  const code = storageRefusalOfXml(xml);
  const key = code ? storageRefusalKey(code) : undefined;
  return key ? adminT(lang)(key) : undefined;
}

const EXPIRED_SV =
  'Uppladdningslänken hann gå ut innan filen kom fram, så inget sparades. Tryck på Förhandsgranska igen: då hämtas en ny länk.';
const EXPIRED_EN =
  'The upload link expired before the file arrived, so nothing was stored. Press Preview again to get a new link.';

describe('S3’s refusal of an upload, in words for the kansli', () => {
  it('says an expired policy, token or skewed clock is an expired link that another try renews', () => {
    for (const xml of [
      s3Error('AccessDenied', 'Invalid according to Policy: Policy expired.'),
      s3Error('AccessDenied', 'Request has expired'),
      s3Error('ExpiredToken', 'The provided token has expired.'),
      s3Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.'),
    ]) {
      expect(storageRefusalOfXml(xml), xml).toBe('upload_expired');
      expect(said(xml, 'sv'), xml).toBe(EXPIRED_SV);
      expect(said(xml, 'en'), xml).toBe(EXPIRED_EN);
    }
  });

  it('says a failed policy condition is a form the link did not allow, to try again and report if it repeats', () => {
    for (const xml of [
      s3Error(
        'AccessDenied',
        'Invalid according to Policy: Policy Condition failed: ["eq", "$Content-Type", "application/octet-stream"]',
      ),
      s3Error('AccessDenied', 'Invalid according to Policy: Extra input fields: x-amz-meta-name'),
    ]) {
      expect(storageRefusalOfXml(xml), xml).toBe('upload_policy_failed');
      expect(said(xml, 'sv')).toMatch(/^Lagringen tog inte emot filen: uppladdningen stämde inte med/);
      expect(said(xml, 'en')).toMatch(/^The storage did not accept the file: the upload did not match/);
    }
  });

  it('says a plain AccessDenied is a refusal that needs whoever runs the service', () => {
    const xml = s3Error('AccessDenied', 'Access Denied');
    expect(storageRefusalOfXml(xml)).toBe('upload_denied');
    expect(said(xml, 'sv')).toContain('kontakta den som sköter tjänsten');
    expect(said(xml, 'en')).toContain('contact whoever runs the service');
  });

  it('reads the size refusals (worded by the page from the file) and leaves other answers to the general message', () => {
    expect(
      storageRefusalOfXml(s3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size')),
    ).toBe('entity_too_large');
    expect(storageRefusalOfXml(s3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum'))).toBe(
      'entity_too_small',
    );
    expect(storageRefusalKey('entity_too_small')).toBeUndefined();
    expect(storageRefusalOfXml(s3Error('InternalError', 'We encountered an internal error.'))).toBeUndefined();
    expect(storageRefusalOfXml('<html>Bad gateway</html>')).toBeUndefined();
    expect(storageRefusalKey('upload_failed')).toBeUndefined();
  });

  it('reads the local stand-in’s detail codes as the same refusals', () => {
    expect(storageRefusalOfDetail('policy_expired')).toBe('upload_expired');
    expect(storageRefusalOfDetail('policy_condition_failed')).toBe('upload_policy_failed');
    expect(storageRefusalOfDetail('entity_too_large')).toBe('entity_too_large');
    expect(storageRefusalOfDetail('missing')).toBeUndefined();
    expect(storageRefusalOfDetail('constructor')).toBeUndefined();
  });

  it('has every refusal’s words in Swedish and English, none left as its key', () => {
    for (const code of ['upload_expired', 'upload_policy_failed', 'upload_denied']) {
      const key = storageRefusalKey(code);
      expect(key, code).toBeDefined();
      if (!key) continue;
      expect(adminT('sv')(key), code).not.toBe(key);
      expect(adminT('en')(key), code).not.toBe(key);
      expect(adminT('en')(key)).not.toBe(adminT('sv')(key));
    }
  });
});
