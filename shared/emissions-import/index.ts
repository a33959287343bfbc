/** The pure core of the emissions import: read a file, match it to the register, diff it with storage. */

export { SUM_TOLERANCE } from './aggregate';
export { type Layout, MAX_HEADER_SCAN_ROWS } from './detect-layout';
export { diffEmissions } from './diff';
export { type EmissionKeyParts, emissionKey, parseEmissionKey } from './emission-key';
export { type ColumnRole, type HeaderMatch, matchHeader, matchYearHeader } from './header-matching';
export * from './import.schema';
export { MAX_REPORTED_ISSUES } from './issues';
export { IMPORT_ISSUE_CODES, type ImportIssueCode, type IssueText, issueText } from './messages';
export {
  createOrganisationMatcher,
  type OrganisationMatch,
  type OrganisationMatcher,
  type OrganisationReference,
  type RegisteredOrganisation,
} from './organisation-matching';
export {
  type EmissionsFileInput,
  MAX_IMPORT_BYTES,
  type ParseEmissionsOptions,
  parseEmissionsFile,
} from './parse-emissions';
export { type Delimiter, decodeText, detectDelimiter, readCsv, type TextEncoding } from './read-csv';
export { readXlsx } from './read-xlsx';
export {
  KOLADA_PER_INHABITANT_KPI,
  KOLADA_TOTAL_KPI,
  MAIN_SECTORS,
  type MainSector,
  mainSector,
  resolveSector,
  SECTOR_IDS,
  type SectorId,
  type SectorResolution,
} from './sectors';
