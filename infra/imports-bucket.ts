import { Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Key prefix of uploaded import files; the only place in the bucket functions may touch. */
export const IMPORT_UPLOAD_PREFIX = 'uploads/';

export interface ImportsBucketProps {
  readonly logBucket: IBucket;
}

/**
 * Spreadsheets for the Sustainable Advantage import. The browser POSTs them straight to S3 with a
 * presigned form from the API (whose signed policy caps the size), so 20 MB files never hit API
 * Gateway's payload limit; the API then reads the object. Uploads are only needed until the import is committed, so they expire after 7 days.
 */
export class ImportsBucket extends Construct {
  readonly bucket: Bucket;
  /** The bucket name as a plain expression (no reference to the bucket resource). */
  private readonly name: string;

  constructor(scope: Construct, id: string, props: ImportsBucketProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // A known name, so the web CSP can allow this endpoint without a CloudFront <-> bucket reference cycle.
    this.name = Fn.join('-', [
      stack.stackName
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '')
        .slice(0, 24),
      'imports',
      stack.account,
      stack.region,
    ]);
    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: this.name,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 'imports-bucket/',
      lifecycleRules: [{ expiration: Duration.days(7), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      // Kept on update and delete, but removed when the stack's first creation rolls back: with its
      // fixed name, a bucket left by a failed first deploy would make every retry fail.
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
  }

  /** Browser origin of presigned uploads (virtual-hosted, regional: what the SDK presigner emits). */
  get uploadOrigin(): string {
    const stack = Stack.of(this);
    return `https://${this.name}.s3.${stack.region}.${stack.urlSuffix}`;
  }

  /** Browsers on these origins may POST a presigned upload form (the only way the page uploads). */
  allowUploadsFrom(origins: string[]): void {
    this.bucket.addCorsRule({
      allowedMethods: [HttpMethods.POST],
      allowedOrigins: origins,
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
      maxAge: 3000,
    });
  }

  /** PutObject (to sign upload forms) and GetObject (to read the upload), under the upload prefix only. */
  grantUploadAndRead(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [this.bucket.arnForObjects(`${IMPORT_UPLOAD_PREFIX}*`)],
      }),
    );
    // Without ListBucket, S3 answers a missing key with 403 instead of 404, and an expired or
    // unknown upload would be a 500 rather than `upload_not_found`. Limited to the same prefix.
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${IMPORT_UPLOAD_PREFIX}*`] } },
      }),
    );
  }
}
