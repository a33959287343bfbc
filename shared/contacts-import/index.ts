export { CONTACT_COLUMNS, MAX_CONTACT_ROWS, type ParsedContactsCsv, parseContactsCsv } from './parse-contacts-csv';
