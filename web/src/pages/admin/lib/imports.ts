/**
 * What the import page offers for a preview and an earlier import, as pure functions of data
 * (unit-tested in test/web/admin-import-strings.test.ts).
 */

import type { ImportIssue } from '../../../../../shared/emissions-import/import.schema';
import type { ImportSummary } from '../../../../../shared/schemas/emission-import.schema';
import type { Lang } from '../../../i18n';
import type { AdminKey } from '../i18n';

/** Values a preview would write: none when the file holds only what is stored already. */
export function valuesToWrite(changes: ImportSummary['changes']): number {
  return changes.new + changes.changed;
}

/**
 * Whether the history offers to save an import: a preview without errors that is up to date and
 * would write something, or a commit that stopped part-way (saving again finishes it).
 */
export function canCommit(entry: Pick<ImportSummary, 'state' | 'errorCount' | 'outdatedBy' | 'changes'>): boolean {
  if (entry.state === 'committing') return true;
  return entry.state === 'previewed' && entry.errorCount === 0 && !entry.outdatedBy && valuesToWrite(entry.changes) > 0;
}

/** An import issue's text in the reader's language; issues stored before English texts have only Swedish. */
export function issueMessage(issue: Pick<ImportIssue, 'message' | 'messageEn'>, lang: Lang): string {
  return lang === 'en' && issue.messageEn ? issue.messageEn : issue.message;
}

/**
 * The page's code for what the file store answered a refused upload: S3's XML error (only its Code
 * and Message are read, never shown) or, from the local stand-in, the code in its 400's detail.
 * Undefined when the answer says nothing the page words on its own.
 *
 * S3 answers a presigned POST outside its signed policy with: 400 EntityTooLarge / EntityTooSmall
 * (content-length-range); 403 AccessDenied "Invalid according to Policy: Policy expired." (the
 * ticket is older than its 15 minutes), or ExpiredToken / RequestTimeTooSkewed (the signing
 * credentials or clock): a new ticket fixes all three; 403 AccessDenied "Invalid according to
 * Policy: Policy Condition failed: …" or "Extra input fields: …" (the form is not the ticket's);
 * and a plain 403 AccessDenied (the bucket refuses the signer).
 */
export type StorageRefusal =
  | 'entity_too_large'
  | 'entity_too_small'
  | 'upload_expired'
  | 'upload_policy_failed'
  | 'upload_denied';

export function storageRefusalOfXml(body: string): StorageRefusal | undefined {
  const code = /<Code>\s*(\w+)\s*<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
  switch (code) {
    case 'EntityTooLarge':
      return 'entity_too_large';
    case 'EntityTooSmall':
      return 'entity_too_small';
    case 'ExpiredToken':
    case 'RequestTimeTooSkewed':
      return 'upload_expired';
    case 'AccessDenied':
      // "Policy expired" for a POST policy; "Request has expired" is S3's wording for a presigned URL.
      if (/policy expired|request has expired/i.test(message)) return 'upload_expired';
      if (/invalid according to policy/i.test(message)) return 'upload_policy_failed';
      return 'upload_denied';
    default:
      return undefined;
  }
}

/** The local stand-in's detail codes (POST /api/admin/imports/uploads/{id}) as the same refusals as S3's. */
const LOCAL_REFUSALS = new Map<unknown, StorageRefusal>([
  ['entity_too_large', 'entity_too_large'],
  ['entity_too_small', 'entity_too_small'],
  ['policy_expired', 'upload_expired'],
  ['policy_condition_failed', 'upload_policy_failed'],
  ['file_not_last', 'upload_policy_failed'],
]);

export function storageRefusalOfDetail(code: unknown): StorageRefusal | undefined {
  return LOCAL_REFUSALS.get(code);
}

/**
 * The words for a refusal the page says the same way whatever the file: what happened and what to
 * do. An expired link needs only another try, which fetches a new ticket. The size refusals depend
 * on the file and are worded by the page; undefined for them and for any other code.
 */
export function storageRefusalKey(code: string): AdminKey | undefined {
  return STORAGE_REFUSAL_KEYS.get(code);
}

const STORAGE_REFUSAL_KEYS = new Map<string, AdminKey>([
  ['upload_expired', 'import.uploadExpired'],
  ['upload_policy_failed', 'import.uploadPolicyFailed'],
  ['upload_denied', 'import.uploadDenied'],
] satisfies Array<[StorageRefusal, AdminKey]>);
