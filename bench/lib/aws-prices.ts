/**
 * AWS on-demand prices for eu-north-1 (Stockholm), in USD, as constants for the cost model.
 *
 * TO VERIFY: written without internet access, from the prices as we know them, believed current
 * as of 2025-01 (after DynamoDB's on-demand price cut of 2024-11-01). Check each against its page
 * with the region set to "Europe (Stockholm)" and update the date when you do.
 */
export const PRICES_CHECKED_ON = '2025-01 (believed; to verify)';

export const AWS_PRICES = {
  /** https://aws.amazon.com/dynamodb/pricing/on-demand/ — per write request unit (1 KB). To verify. */
  dynamoWriteRequestUnit: 0.7068 / 1e6,
  /** https://aws.amazon.com/dynamodb/pricing/on-demand/ — per read request unit (4 KB strongly consistent). To verify. */
  dynamoReadRequestUnit: 0.1413 / 1e6,
  /** https://aws.amazon.com/lambda/pricing/ — per request. To verify. */
  lambdaRequest: 0.2 / 1e6,
  /** https://aws.amazon.com/lambda/pricing/ — per GB-second, arm64, first 7.5 billion GB-s a month. To verify. */
  lambdaGbSecondArm: 0.0000133334,
  /** https://aws.amazon.com/api-gateway/pricing/ — HTTP API, per request (first 300 million). To verify. */
  httpApiRequest: 1.0 / 1e6,
  /** https://aws.amazon.com/ses/pricing/ — outbound email, per message ($0.10 per 1,000). To verify. */
  sesEmail: 0.1 / 1000,
  /** https://aws.amazon.com/s3/pricing/ — S3 Standard GET, per request ($0.0004 per 1,000). To verify. */
  s3Get: 0.0004 / 1000,
  /** https://aws.amazon.com/s3/pricing/ — S3 Standard PUT, per request ($0.005 per 1,000). To verify. */
  s3Put: 0.005 / 1000,
  /** https://aws.amazon.com/cloudfront/pricing/ — HTTPS requests, Europe ($0.0120 per 10,000). To verify. */
  cloudFrontHttpsRequest: 0.012 / 10_000,
  /** https://aws.amazon.com/cloudfront/pricing/ — data transfer out to the internet, Europe, first 10 TB, per GB. To verify. */
  cloudFrontPerGb: 0.085,
  /** https://aws.amazon.com/secrets-manager/pricing/ — per API call ($0.05 per 10,000); one per cold start. To verify. */
  secretsManagerCall: 0.05 / 10_000,
} as const;

/** The API Lambda's memory (infra/app-function.ts default). */
export const LAMBDA_MEMORY_GB = 512 / 1024;
