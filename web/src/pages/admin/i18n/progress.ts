import { addAdminStrings } from './index';

/** Översikt's own strings (the progress page and its status chart): Swedish and English, in the chunk of the code that shows them. */
export const svProgress = {
  'common.sortedBy': 'sorterad efter {column}',
  'filter.problemsOnly': 'Bara med e-postproblem',

  'progress.title': 'Kansliets konsol',
  'progress.noCampaigns': 'Det finns inga kampanjer än.',
  'progress.deadline': 'Sista svarsdag',
  'progress.pastDeadline':
    'Sista svarsdagen, {date}, har passerat, men kampanjen står fortfarande som öppen. Nästa steg: stäng kampanjen, granska svaren och publicera Klimatläget.',
  'progress.pastDeadlineLink': 'Stäng och publicera på kampanjsidan',
  'progress.counts': 'Läget i siffror',
  'progress.total': 'Organisationer totalt',
  'progress.organisations': 'Organisationer',
  'progress.filters': 'Filtrera organisationerna',
  'progress.showing': 'Visar {shown} av {total} organisationer.',
  'progress.tableLabel': 'Organisationernas läge',
  'progress.caption': 'Läget per organisation i {title}',
  'progress.col.code': 'Kod',
  'progress.col.name': 'Organisation',
  'progress.col.status': 'Status',
  'progress.col.answeredShare': 'Obligatoriska besvarade',
  'progress.col.updatedAt': 'Senast ändrad',
  'progress.col.remindersSent': 'Påminnelser',
  'progress.col.problems': 'E-postproblem',
  'progress.sortBy': 'Sortera efter',
  'progress.none': 'Inga organisationer matchar filtret.',
  'progress.never': 'Aldrig',
  'progress.noProblems': 'Inga',

  'excuse.title': 'Befria {name} från årets enkät',
  'excuse.body':
    'En befriad organisation får inga påminnelser och räknas inte som saknad. Svaret finns kvar om befrielsen tas bort.',
  'excuse.done': '{name} är befriad.',
  'unexcuse.title': 'Ta bort befrielsen för {name}',
  'unexcuse.body': 'Organisationen räknas åter som svarande och kan få påminnelser.',
  'unexcuse.done': 'Befrielsen för {name} är borttagen.',
  'reopen.title': 'Öppna svaret från {name} igen',
  'reopen.body':
    'Svaret blir ett utkast igen så att organisationen kan ändra och skicka in på nytt. Du kan ge en ny sista svarsdag som bara gäller dem.',
  'reopen.consequence':
    '{name} räknas inte längre som inskickad, i översikten eller i Klimatläget, förrän organisationen skickar in igen. Det kan bara dess kontaktpersoner göra; kansliet kan inte skicka in åt dem.',
  'reopen.reasonHint':
    'Mejlas till organisationens kontaktpersoner tillsammans med sista svarsdagen, och sparas i loggen. Minst tre tecken.',
  'extend.title': 'Förläng svarstiden för {name}',
  'extend.body': 'Ge organisationen en egen, senare sista svarsdag.',
  'reopen.deadline': 'Ny sista svarsdag',
  'reopen.deadlineNow': 'Sista svarsdag för {name} nu: {date}.',
  'reopen.deadlinePassed':
    'Kampanjen tar inte längre emot svar. Ange en ny sista svarsdag, annars kan {name} inte skicka in igen.',
  'reopen.deadlineHintKeep':
    'Svensk tid. Lämna tomt för att behålla {date}. En ny dag måste vara senare än kampanjens sista svarsdag.',
  'reopen.deadlineHintRequired':
    'Svensk tid. Krävs. Måste ligga i framtiden, högst ett år fram, och vara senare än kampanjens sista svarsdag, {date}.',
  'reopen.deadlineHintClosedEarly':
    'Svensk tid. Krävs. Måste ligga i framtiden, högst ett år fram. Kampanjen stängdes {date}, före sin sista svarsdag.',
  'reopen.doneUntil': '{name} är öppnad igen och kan svara till {date}.',
  'extend.done': '{name} har fått en egen sista svarsdag: {date}.',
  'progress.ownDeadline': 'Egen sista svarsdag',
  'progress.publishedLocked':
    'Kampanjen är publicerad och rapporten är låst. Organisationerna kan inte längre befrias, öppnas igen eller få längre svarstid.',

  'chart.label': 'Stapeldiagram över antal organisationer per status. Siffrorna finns i tabellen.',
  'chart.show': 'Visa som diagram',
  'chart.hide': 'Dölj diagrammet',
  'chart.showTable': 'Visa diagrammet som tabell',
  'chart.caption': 'Antal organisationer per status',
  'chart.count': 'Antal',
} as const;

export const enProgress: Record<keyof typeof svProgress, string> = {
  'common.sortedBy': 'sorted by {column}',
  'filter.problemsOnly': 'Only with email problems',

  'progress.title': "The secretariat's console",
  'progress.noCampaigns': 'There are no campaigns yet.',
  'progress.deadline': 'Deadline',
  'progress.pastDeadline':
    'The deadline, {date}, has passed, but the campaign still shows as open. Next: close the campaign, review the answers and publish Klimatläget.',
  'progress.pastDeadlineLink': 'Close and publish on the campaign page',
  'progress.counts': 'Progress in numbers',
  'progress.total': 'Organisations in total',
  'progress.organisations': 'Organisations',
  'progress.filters': 'Filter the organisations',
  'progress.showing': 'Showing {shown} of {total} organisations.',
  'progress.tableLabel': 'Progress per organisation',
  'progress.caption': 'Progress per organisation in {title}',
  'progress.col.code': 'Code',
  'progress.col.name': 'Organisation',
  'progress.col.status': 'Status',
  'progress.col.answeredShare': 'Required answered',
  'progress.col.updatedAt': 'Last edited',
  'progress.col.remindersSent': 'Reminders',
  'progress.col.problems': 'Email problems',
  'progress.sortBy': 'Sort by',
  'progress.none': 'No organisations match the filter.',
  'progress.never': 'Never',
  'progress.noProblems': 'None',

  'excuse.title': "Excuse {name} from this year's survey",
  'excuse.body':
    'An excused organisation gets no reminders and is not counted as missing. Its answers stay if the excuse is removed.',
  'excuse.done': '{name} is excused.',
  'unexcuse.title': 'Remove the excuse for {name}',
  'unexcuse.body': 'The organisation counts as a respondent again and may get reminders.',
  'unexcuse.done': 'The excuse for {name} is removed.',
  'reopen.title': 'Reopen the response from {name}',
  'reopen.body':
    'The response becomes a draft again so the organisation can change it and submit again. You can give a new deadline that applies to them only.',
  'reopen.consequence':
    '{name} no longer counts as submitted, in the overview or in Klimatläget, until the organisation submits again. Only its contacts can do that; the secretariat cannot submit for them.',
  'reopen.reasonHint':
    "Emailed to the organisation's contacts with the deadline, and kept in the log. At least three characters.",
  'extend.title': 'Extend the deadline for {name}',
  'extend.body': 'Give the organisation its own, later deadline.',
  'reopen.deadline': 'New deadline',
  'reopen.deadlineNow': 'Deadline for {name} now: {date}.',
  'reopen.deadlinePassed': 'The survey no longer takes answers. Give a new deadline, or {name} cannot submit again.',
  'reopen.deadlineHintKeep':
    "Swedish time. Leave empty to keep {date}. A new date must be later than the campaign's deadline.",
  'reopen.deadlineHintRequired':
    "Swedish time. Required. Must be in the future, at most a year ahead, and later than the campaign's deadline, {date}.",
  'reopen.deadlineHintClosedEarly':
    'Swedish time. Required. Must be in the future, at most a year ahead. The campaign was closed {date}, before its deadline.',
  'reopen.doneUntil': '{name} is reopened and can answer until {date}.',
  'extend.done': '{name} has its own deadline: {date}.',
  'progress.ownDeadline': 'Own deadline',
  'progress.publishedLocked':
    'The campaign is published and its report is frozen. Organisations can no longer be excused, reopened or given more time.',

  'chart.label': 'Bar chart of organisations per status. The figures are in the table.',
  'chart.show': 'Show as a chart',
  'chart.hide': 'Hide the chart',
  'chart.showTable': 'Show the chart as a table',
  'chart.caption': 'Organisations per status',
  'chart.count': 'Count',
};

addAdminStrings(svProgress, enProgress);
