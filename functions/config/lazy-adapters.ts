import type { FileStore } from '../ports/file-store';
import type { Mail } from '../ports/mail';
import { once } from './once';

/**
 * Adapters whose AWS client is loaded on first use. Most API requests (an autosave, a page read)
 * send no email and touch no upload, and the SES and S3 clients are 60 KB and 100 KB of code a
 * cold start would otherwise parse. The Lambda bundle is split, so each import() is its own chunk.
 */
/** Amazon SES, loaded on the first email. */
export function lazySesMail(from: string, configurationSet?: string): Mail {
  const mail = once(async () => {
    const [{ SESv2Client }, { SesMail }] = await Promise.all([
      import('@aws-sdk/client-sesv2'),
      import('../mail/ses-mail'),
    ]);
    return new SesMail(new SESv2Client({}), from, configurationSet);
  });
  return { send: async (message) => (await mail()).send(message) };
}

/** The imports bucket, loaded on the first upload or preview. */
export function lazyS3FileStore(bucket: string, prefix: string): FileStore {
  const files = once(async () => {
    const [{ S3Client }, { S3FileStore, S3_CLIENT_CONFIG }] = await Promise.all([
      import('@aws-sdk/client-s3'),
      import('../files/s3-file-store'),
    ]);
    return new S3FileStore(new S3Client(S3_CLIENT_CONFIG), bucket, prefix);
  });
  return {
    presignUpload: async (key, options) => (await files()).presignUpload(key, options),
    put: async (key, bytes) => (await files()).put(key, bytes),
    get: async (key) => (await files()).get(key),
    size: async (key) => (await files()).size(key),
  };
}
