/**
 * The single-table design: every key pattern and index lives here, and nowhere else.
 *
 * The CDK stack (infra/) and the local stack's CreateTable both derive the table from
 * `TABLE_DESIGN`, so the deployed table and the code's key patterns cannot drift apart.
 * docs/data-model.md explains each access pattern and the query that serves it.
 */

export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds. DynamoDB TTL only cleans up; expiry is always checked in code. */
  ttlAttribute: 'ttl',
  indexes: {
    /** Overloaded index for "list all X" and "X of an organisation" collections. */
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Overloaded index for lookups by email address and audit-by-campaign. */
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

export type IndexName = keyof typeof TABLE_DESIGN.indexes;

export interface ItemKey {
  pk: string;
  sk: string;
}

/** Names every access pattern and says which index serves it. */
export const ACCESS_PATTERNS = {
  organisationByCode: { index: 'table', key: 'ORG#<code> / META' },
  /** Organisations and their contacts interleaved: one query pages through the whole register. */
  allOrganisations: { index: 'gsi1', key: 'ORGS / <code> (organisation) | <code>#CONTACT#<id> (contact)' },
  contactsOfOrganisation: { index: 'table', key: 'ORG#<code> / CONTACT#<id>' },
  contactByEmail: { index: 'gsi2', key: 'EMAIL#<email> / CONTACT#<id>' },
  /** Where a contact lives, by id alone (PATCH/DELETE /api/admin/contacts/{id}); also makes ids unique. */
  contactById: { index: 'table', key: 'CONTACTID#<id> / LOOKUP' },
  /**
   * A removed contact's id lookup, kept as its removal record (the address, the role, when) and found
   * by the address: a removal that died half-way resumes from it, and erasure after removal starts there.
   */
  removedContactsOfEmail: { index: 'gsi2', key: 'EMAIL#<email> / REMOVEDCONTACT#<id>' },
  /** One claim per address, so two contacts can never share an email (conditional put). */
  contactEmailClaim: { index: 'table', key: 'CONTACTEMAIL#<email> / CLAIM' },
  /** A contacts CSV import's preview, then its commit result. */
  contactImportById: { index: 'table', key: 'CONTACTIMPORT#<id> / PREVIEW' },
  adminByEmail: { index: 'table', key: 'ADMIN / EMAIL#<email>' },
  allAdmins: { index: 'table', key: 'ADMIN / EMAIL#' },
  loginTokenByHash: { index: 'table', key: 'TOKEN#<sha256> / TOKEN' },
  /** A person's sign-in tokens (they hold the name and address until they expire), for erasure. */
  loginTokensOfEmail: { index: 'gsi2', key: 'EMAIL#<email> / TOKEN#<createdAt>' },
  sessionByIdHash: { index: 'table', key: 'SESSION#<sha256 of id> / SESSION' },
  sessionsOfUser: { index: 'gsi1', key: 'SESSIONS#<email> / <createdAt>' },
  rateCounter: { index: 'table', key: 'RATE#<scope>#<subject>#<hour> / RATE' },
  outboxNewestLast: { index: 'table', key: 'OUTBOX / <sentAt>#<id>' },
  outboxOfEmail: { index: 'gsi2', key: 'EMAIL#<email> / OUTBOX#<sentAt>#<id>' },
  campaignByYear: { index: 'table', key: 'CAMPAIGN#<year> / META' },
  allCampaigns: { index: 'gsi1', key: 'CAMPAIGNS / <year>' },
  campaignOpenLock: { index: 'table', key: 'CAMPAIGN#OPEN / LOCK' },
  /** The organisation, its contacts and its responses of every year, in one query. */
  organisationBundle: { index: 'table', key: 'ORG#<code> / (META | CONTACT#<id> | RESPONSE#<year>)' },
  responseOfOrganisation: { index: 'table', key: 'ORG#<code> / RESPONSE#<year>' },
  responsesOfCampaign: { index: 'gsi1', key: 'CAMPAIGN#<year>#RESPONSES / <code>' },
  reminderLogOfCampaign: { index: 'table', key: 'CAMPAIGN#<year> / REMINDER#<code>#<contactId>#<step>' },
  /** Exactly once: a conditional put (first claim) or a conditional update (retry past the lease) of one step. */
  reminderClaim: { index: 'table', key: 'CAMPAIGN#<year> / REMINDER#<code>#<contactId>#<step>' },
  /** Unsubscribe, bounce and complaint: one conditional update of the contact's emailState. */
  contactEmailState: { index: 'table', key: 'ORG#<code> / CONTACT#<id>' },
  emissionsOfOrganisation: { index: 'table', key: 'EMISSIONS#<code> / <year>#<sector>' },
  importById: { index: 'table', key: 'IMPORT#<id> / META' },
  allImports: { index: 'gsi1', key: 'IMPORTS / <createdAt>#<id>' },
  /** An emissions import's parsed values, in chunks of up to ~300 KB written with BatchWriteItem. */
  importValues: { index: 'table', key: 'IMPORT#<id> / VALUES#<nnnn>' },
  /** What an emissions commit writes, each with the value it replaces: the commit plan and rollback history. */
  importChanges: { index: 'table', key: 'IMPORT#<id> / CHANGES#<nnnn>' },
  reportRevisions: { index: 'table', key: 'REPORT#<year> / REV#<nnnn>' },
  /** One small item per published year, so the public list of years is one query. */
  publishedReports: { index: 'table', key: 'REPORTS / <year>' },
  auditNewestLast: { index: 'table', key: 'AUDIT#<yyyy-mm> / <at>#<id>' },
  auditOfOrganisation: { index: 'gsi1', key: 'AUDIT#ORG#<code> / <at>#<id>' },
  auditOfCampaign: { index: 'gsi2', key: 'AUDIT#CAMPAIGN#<year> / <at>#<id>' },
} as const satisfies Record<string, { index: 'table' | IndexName; key: string }>;

/** Key builders: the only place that knows how keys are spelled. */
export const keys = {
  organisation: (code: string): ItemKey => ({ pk: `ORG#${code}`, sk: 'META' }),
  organisationListing: (code: string) => ({ gsi1pk: 'ORGS', gsi1sk: code }),
  allOrganisationsPk: 'ORGS',

  contact: (organisationId: string, contactId: string): ItemKey => ({
    pk: `ORG#${organisationId}`,
    sk: `CONTACT#${contactId}`,
  }),
  contactPrefix: 'CONTACT#',
  contactListing: (organisationId: string, contactId: string) => ({
    gsi1pk: 'ORGS',
    gsi1sk: `${organisationId}#CONTACT#${contactId}`,
  }),
  contactByEmail: (email: string, contactId: string) => ({
    gsi2pk: emailPk(email),
    gsi2sk: `CONTACT#${contactId}`,
  }),
  emailPk,
  contactLookup: (contactId: string): ItemKey => ({ pk: `CONTACTID#${contactId}`, sk: 'LOOKUP' }),
  /** gsi2 of a removal record (the lookup of a removed contact), under the address it had. */
  removedContactByEmail: (email: string, contactId: string) => ({
    gsi2pk: emailPk(email),
    gsi2sk: `REMOVEDCONTACT#${contactId}`,
  }),
  removedContactPrefix: 'REMOVEDCONTACT#',
  contactEmailClaim: (email: string): ItemKey => ({ pk: `CONTACTEMAIL#${normaliseEmail(email)}`, sk: 'CLAIM' }),
  contactImport: (id: string): ItemKey => ({ pk: `CONTACTIMPORT#${id}`, sk: 'PREVIEW' }),

  admin: (email: string): ItemKey => ({ pk: 'ADMIN', sk: `EMAIL#${normaliseEmail(email)}` }),
  adminPk: 'ADMIN',
  adminPrefix: 'EMAIL#',

  loginToken: (tokenHash: string): ItemKey => ({ pk: `TOKEN#${tokenHash}`, sk: 'TOKEN' }),
  loginTokenByEmail: (email: string, createdAt: string) => ({
    gsi2pk: emailPk(email),
    gsi2sk: `TOKEN#${createdAt}`,
  }),
  /** gsi2 sort-key prefix of one person's sign-in tokens (erasure). */
  loginTokensOfEmailPrefix: 'TOKEN#',
  /** Takes the id's hash (sessionIdHash), never the id: the table holds no live session id. */
  session: (sessionIdHash: string): ItemKey => ({ pk: `SESSION#${sessionIdHash}`, sk: 'SESSION' }),
  sessionOfUser: (email: string, createdAt: string) => ({
    gsi1pk: `SESSIONS#${normaliseEmail(email)}`,
    gsi1sk: createdAt,
  }),
  sessionsOfUserPk: (email: string) => `SESSIONS#${normaliseEmail(email)}`,
  rateCounter: (scope: string, subject: string, hourBucket: string): ItemKey => ({
    pk: `RATE#${scope}#${subject}#${hourBucket}`,
    sk: 'RATE',
  }),

  outbox: (sentAt: string, id: string): ItemKey => ({ pk: 'OUTBOX', sk: `${sentAt}#${id}` }),
  outboxPk: 'OUTBOX',
  outboxByEmail: (email: string, sentAt: string, id: string) => ({
    gsi2pk: emailPk(email),
    gsi2sk: `OUTBOX#${sentAt}#${id}`,
  }),
  /** gsi2 sort-key prefix of one person's outbox messages (export and erasure). */
  outboxOfEmailPrefix: 'OUTBOX#',

  campaign: (year: number): ItemKey => ({ pk: `CAMPAIGN#${year}`, sk: 'META' }),
  campaignListing: (year: number) => ({ gsi1pk: 'CAMPAIGNS', gsi1sk: String(year) }),
  allCampaignsPk: 'CAMPAIGNS',

  campaignOpenLock: { pk: 'CAMPAIGN#OPEN', sk: 'LOCK' } as ItemKey,

  response: (year: number, organisationId: string): ItemKey => ({
    pk: `ORG#${organisationId}`,
    sk: `RESPONSE#${year}`,
  }),
  responsePrefix: 'RESPONSE#',
  responseListing: (year: number, organisationId: string) => ({
    gsi1pk: `CAMPAIGN#${year}#RESPONSES`,
    gsi1sk: organisationId,
  }),
  responsesOfCampaignPk: (year: number) => `CAMPAIGN#${year}#RESPONSES`,

  reminder: (year: number, organisationId: string, contactId: string, stepId: string): ItemKey => ({
    pk: `CAMPAIGN#${year}`,
    sk: `REMINDER#${organisationId}#${contactId}#${stepId}`,
  }),
  reminderPrefix: 'REMINDER#',
  campaignPk: (year: number) => `CAMPAIGN#${year}`,

  emission: (organisationId: string, year: number, sector: string): ItemKey => ({
    pk: `EMISSIONS#${organisationId}`,
    sk: `${year}#${sector}`,
  }),
  emissionsPk: (organisationId: string) => `EMISSIONS#${organisationId}`,

  importRecord: (id: string): ItemKey => ({ pk: `IMPORT#${id}`, sk: 'META' }),
  importListing: (createdAt: string, id: string) => ({ gsi1pk: 'IMPORTS', gsi1sk: `${createdAt}#${id}` }),
  allImportsPk: 'IMPORTS',
  importPk: (id: string) => `IMPORT#${id}`,
  importValuesChunk: (id: string, chunk: number): ItemKey => ({
    pk: `IMPORT#${id}`,
    sk: `VALUES#${String(chunk).padStart(4, '0')}`,
  }),
  importValuesPrefix: 'VALUES#',
  importChangesChunk: (id: string, chunk: number): ItemKey => ({
    pk: `IMPORT#${id}`,
    sk: `CHANGES#${String(chunk).padStart(4, '0')}`,
  }),
  importChangesPrefix: 'CHANGES#',

  reportRevision: (year: number, revision: number): ItemKey => ({
    pk: `REPORT#${year}`,
    sk: `REV#${String(revision).padStart(4, '0')}`,
  }),
  reportPk: (year: number) => `REPORT#${year}`,
  reportRevisionPrefix: 'REV#',
  publishedReport: (year: number): ItemKey => ({ pk: 'REPORTS', sk: String(year) }),
  publishedReportsPk: 'REPORTS',

  audit: (at: string, id: string): ItemKey => ({ pk: `AUDIT#${at.slice(0, 7)}`, sk: `${at}#${id}` }),
  auditOfOrganisation: (organisationId: string, at: string, id: string) => ({
    gsi1pk: `AUDIT#ORG#${organisationId}`,
    gsi1sk: `${at}#${id}`,
  }),
  auditOfOrganisationPk: (organisationId: string) => `AUDIT#ORG#${organisationId}`,
  auditOfCampaignPk: (year: number) => `AUDIT#CAMPAIGN#${year}`,
  auditOfCampaign: (year: number, at: string, id: string) => ({
    gsi2pk: `AUDIT#CAMPAIGN#${year}`,
    gsi2sk: `${at}#${id}`,
  }),
} as const;

/** Reads a reminder-log sort key back into its parts; undefined for any other sort key. */
export function parseReminderKey(
  sk: string,
): { organisationId: string; contactId: string; stepId: string } | undefined {
  if (!sk.startsWith(keys.reminderPrefix)) return undefined;
  const [organisationId, contactId, stepId] = sk.slice(keys.reminderPrefix.length).split('#');
  return organisationId && contactId && stepId ? { organisationId, contactId, stepId } : undefined;
}

/** Email addresses are case-insensitive for sign-in, so every key uses one spelling. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function emailPk(email: string): string {
  return `EMAIL#${normaliseEmail(email)}`;
}
