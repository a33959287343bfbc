/** Klimatläget: pure aggregation of submitted responses, snapshot rules and the member scorecard. */

export { bandForShare } from '../scoring/bands';
export {
  type AggregateInput,
  type AggregateResponse,
  aggregateKlimatlaget,
  bandCounts,
  ORGANISATION_TYPES,
  type OrganisationTypeKey,
  questionStats,
  type SurveysByType,
  scoreOfResponse,
  sectionStats,
  yearOnYear,
} from './aggregate';
export { NATIONAL_EMISSIONS_DEFAULT, nationalReference, networkEmissions } from './emissions';
export {
  outcomesFrozenBy,
  publishReadsEmissions,
  type ReplacedRevision,
  revisionEmissions,
  withPublishedEmissions,
} from './kept-emissions';
export {
  type AreaOverTheYears,
  type AreasOfType,
  areasOverTheYears,
  overTheYears,
  type YearFiguresByType,
  type YearsOfType,
  yearFigures,
} from './over-the-years';
export * from './report.schema';
export { withReportDefaults } from './report-defaults';
export { buildScorecard, failedGates, networkFromReport, networkLive, type ScorecardInput } from './scorecard';
export { canonicalJson, scoringRulesOf } from './scoring-rules';
export { mean, median, round, stat } from './stats';
export {
  MIN_GROUP_SIZE,
  MIN_GROUP_SIZE_MEDIAN,
  networkEmissionsOf,
  withholdEmissions,
  withholdSmallGroups,
  withholdType,
  withholdYearOnYear,
} from './suppression';
export { englishPageTitles, englishText } from './titles';
