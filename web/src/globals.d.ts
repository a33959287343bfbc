/** Stylesheets of the survey page, with content hashes; web/build-web.ts defines it. */
declare const __SURVEY_CSS__: string[];
