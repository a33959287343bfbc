export { CONTACT_COLUMNS, MAX_CONTACT_ROWS, type ParsedContactsCsv, parseContactsCsv } from './parse-contacts-csv';
export {
  type ContactImportCommitInput,
  ContactImportCommitInputSchema,
  type ContactImportCommitOutcome,
  ContactImportCommitOutcomeSchema,
  type ContactImportPlannedPreview,
  ContactImportPlannedPreviewSchema,
  type ContactImportPlannedRow,
  ContactImportPlannedRowSchema,
  type ContactRoleHolder,
  ContactRoleHolderSchema,
  chosenReplacements,
  planRoleHolders,
} from './role-holders';
