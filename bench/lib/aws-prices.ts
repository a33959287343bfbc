/**
 * AWS on-demand prices for eu-north-1 (Stockholm), in USD, as constants for the cost model.
 *
 * How these were checked (2026-11-26): NOT against the live pricing pages. AWS's pricing pages
 * render their per-region tables from JSON at load time, so stored copies of them show no
 * Stockholm numbers. Each value was instead compared with stored copies of AWS price-list data
 * embedded in public repositories, stored copies of AWS pages where the number is in the page text,
 * and third-party tables; the source and its date are on each constant. Strength of evidence varies:
 *   - Lambda (both), CloudFront (both): eu-north-1 / Europe-specific AWS data; match.
 *   - DynamoDB (both): NO direct eu-north-1 on-demand figure was found. The previous values
 *     (0.7068 / 0.1413 per million) are eu-west-1 (Ireland) rates. The new values are DERIVED from
 *     AWS's eu-north-1 provisioned rates (see the constants); re-read them from the price list.
 *   - S3 GET/PUT: one third-party table only. HTTP API, SES, Secrets Manager: only us-east-1 or
 *     region-less evidence, none for eu-north-1.
 * To re-check live: https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/<Service>/current/eu-north-1/index.json
 * (usage types are prefixed EUN1-), or the pricing pages with the region set to "Europe (Stockholm)".
 */
export const PRICES_CHECKED_ON =
  '2026-11-26 from stored copies (not live); DynamoDB derived, HTTP API/SES/Secrets Manager/S3 not confirmed for eu-north-1';

export const AWS_PRICES = {
  /**
   * https://aws.amazon.com/dynamodb/pricing/on-demand/ — per write request unit (1 KB).
   * DERIVED, not read: awslabs/amazon-dynamodb-tools archived/reco/src/ddb_rc_reco/config.py
   * (eu-north-1 "ARN" entry, pricing last updated 2024-07-24 @28483cdd, still so at HEAD b3ef85a5,
   * 2026-08-13) gives eu-north-1 provisioned WCU $0.000698/h vs us-east-1 $0.00065/h. On-demand in
   * every region checked is provisioned x the same factor (us-east-1: $0.625/M post-2024-11-01 cut,
   * several sources), so eu-north-1 ≈ 0.625 × 0.000698/0.00065 = $0.6712 per million (±0.0002).
   * Old value 0.7068 is what the same formula gives for eu-west-1 ($0.000735/h) — Ireland's rate.
   */
  dynamoWriteRequestUnit: 0.6712 / 1e6,
  /**
   * https://aws.amazon.com/dynamodb/pricing/on-demand/ — per read request unit (4 KB strongly consistent).
   * DERIVED, not read: one fifth of the write unit price (the RRU:WRU ratio AWS uses, e.g. us-east-1
   * $0.125 : $0.625), i.e. ≈ $0.1342 per million; same source as above (eu-north-1 RCU listed there as
   * $0.00014/h, rounded). Old value 0.1413 is the eu-west-1 (Ireland) rate.
   */
  dynamoReadRequestUnit: 0.1342 / 1e6,
  /**
   * https://aws.amazon.com/lambda/pricing/ — per request. Verified for eu-north-1:
   * remotion-dev/remotion packages/lambda-client/src/price-per-1s.ts (stored copy @024b341a, data
   * "From calculator.aws/pricing/2.0/meteredUnitMaps/lambda/USD/current/lambda.json"), eu-north-1
   * 'Lambda Requests-ARM' = 0.0000002000. Commit date not available in the stored index (2025-era).
   */
  lambdaRequest: 0.2 / 1e6,
  /**
   * https://aws.amazon.com/lambda/pricing/ — per GB-second, arm64, first 7.5 billion GB-s a month.
   * Verified for eu-north-1: same remotion file, eu-north-1 'Lambda Duration-ARM' = 0.0000133334.
   * Corroborated by artillery@2.0.28 lib/platform/aws-lambda/prices.js (eu-north-1 not in its list of
   * regions that differ from the base arm64 rate 1333340e-11).
   */
  lambdaGbSecondArm: 0.0000133334,
  /**
   * https://aws.amazon.com/api-gateway/pricing/ — HTTP API, per request (first 300 million).
   * NOT verified for eu-north-1: only us-east-1 evidence found ($1.00 per million for the first
   * 300 million, then $0.90; USE1-ApiGatewayHttpRequest, AWS Price List offer 2026-09-11 quoted in
   * public fixtures and notes). Searched for EUN1-ApiGatewayHttpRequest / Stockholm tables: none.
   * The regional rate may differ; treat as a us-east-1 assumption.
   */
  httpApiRequest: 1.0 / 1e6,
  /**
   * https://aws.amazon.com/ses/pricing/ — outbound email, per message ($0.10 per 1,000), à la carte.
   * NOT verified for eu-north-1: api-evangelist/amazon-ses plans/amazon-ses-plans-pricing.yml
   * (@0d21edc2, read 2026-08-13 from the AWS Price List for us-east-1, publication 2026-07-22) gives
   * à-la-carte outbound $0.0001 per recipient. Caveat from the same file: since 2026-07-21 new SES
   * accounts default to the "Essentials" plan at $0.00016 per email ($0.16 per 1,000) for the first
   * 10M; established senders stay à la carte. Which applies depends on the account.
   */
  sesEmail: 0.1 / 1000,
  /**
   * https://aws.amazon.com/s3/pricing/ — S3 Standard GET, per request ($0.0004 per 1,000).
   * Weakly corroborated for eu-north-1: a public Rust S3-copy tool's hand-kept table "as of 2026-02"
   * (stored file, repo not named by the index) lists eu-north-1 GET $0.0004 per 1,000. No AWS
   * price-list data for EUN1-Requests-Tier2 found.
   */
  s3Get: 0.0004 / 1000,
  /**
   * https://aws.amazon.com/s3/pricing/ — S3 Standard PUT, per request ($0.005 per 1,000).
   * Weakly corroborated for eu-north-1: same 2026-02 third-party table lists PUT $0.005 per 1,000.
   * No AWS price-list data for EUN1-Requests-Tier1 found.
   */
  s3Put: 0.005 / 1000,
  /**
   * https://aws.amazon.com/cloudfront/pricing/ — HTTPS requests, Europe ($0.0120 per 10,000).
   * Verified: a public cost-model note dated 2026-06-30 cites AWS Price List SKU YA5QZD7XG45UGHCH,
   * usage type EU-Requests-Tier2-HTTPS, $0.0120 per 10,000 (a second, undated note quotes the same
   * SKU at $0.0000012/request). Priced by viewer edge (Europe), not by the eu-north-1 origin.
   */
  cloudFrontHttpsRequest: 0.012 / 10_000,
  /**
   * https://aws.amazon.com/cloudfront/pricing/ — data transfer out to the internet, Europe, first 10 TB, per GB.
   * Verified: stored copy of aws.amazon.com/cloudfront/pricing ("Europe, Israel, and Türkiye",
   * first 10TB $0.085; copy undated, post-2021 layout with 1 TB always-free) and the 2026-06-30 note
   * above (SKU VU3485RNDU6HBQF6, EU-DataTransfer-Out-Bytes, $0.085/GB first 10 TB).
   */
  cloudFrontPerGb: 0.085,
  /**
   * https://aws.amazon.com/secrets-manager/pricing/ — per API call ($0.05 per 10,000); one per cold start.
   * NOT verified for eu-north-1: api-evangelist/amazon-secrets-manager plans pricing (page read
   * 2026-09-20) quotes "$0.05/10,000 calls" from the AWS page's worked examples, no region stated;
   * third-party pages agree. No eu-north-1-specific figure found.
   */
  secretsManagerCall: 0.05 / 10_000,
} as const;
