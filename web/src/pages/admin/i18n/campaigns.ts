import { addAdminStrings } from './index';

/** Kampanjer's own strings (the campaign list and a campaign's page): Swedish and English, in the chunk of the code that shows them. */
export const svCampaigns = {
  'common.swedishTime': 'Svensk tid.',
  'policy.title': 'Påminnelsepolicy',
  'policy.invitationLabel': 'Skicka inbjudan när kampanjen öppnar',
  'policy.stepsLabel': 'Påminnelsesteg (dagar före sista svarsdag)',
  'policy.stepsHint': 'Heltal separerade med komma, till exempel 14, 7, 2.',
  'policy.lastDayLabel': 'Påminn på morgonen sista dagen',
  'policy.minDaysLabel': 'Minsta antal dagar mellan mejl',
  'policy.maxLabel': 'Högsta antal påminnelser per person',
  'policy.weekdaysLabel': 'Dagar då mejl får skickas',
  'policy.startLabel': 'Skickas tidigast',
  'policy.endLabel': 'Skickas senast',
  'campaign.caption': 'Kampanjer, senaste först',
  'campaign.createNext': 'Skapa nästa års kampanj',
  'campaign.copyFrom':
    'Enkäterna och påminnelsepolicyn kopieras från {year}. Datumen flyttas fram 52 veckor, till samma veckodag.',
  'campaign.copyDefault': 'Kampanjen får plattformens standardenkäter.',
  'campaign.year': 'År',
  'campaign.name': 'Rubrik',
  'campaign.opensAt': 'Öppnar',
  'campaign.closesAt': 'Sista svarsdag',
  'campaign.surveys': 'Enkäter',
  'campaign.none': 'Inga kampanjer ännu.',
  'campaign.notFound': 'Kampanjen {year} finns inte',
  'campaign.error.year': 'Ange ett år mellan 2000 och 2100.',
  'campaign.error.order': 'Sista svarsdagen måste vara efter öppningen.',
  'campaign.editSurvey': 'Redigera enkäten för {type}',
  'campaign.viewSurvey': 'Visa enkäten för {type}',
  'campaign.pages': '{count} sidor',
  'campaign.actions': 'Kampanjens läge',
  'campaign.exports': 'Exportera svaren',
  'campaign.export.xlsx': 'Excel (.xlsx)',
  'campaign.export.csv': 'CSV för svenska Excel',
  'campaign.export.json': 'JSON (alla svar och poäng)',
  'campaign.progressLink': 'Visa läget i översikten',
  'campaign.settings': 'Inställningar',
  'campaign.frozen': 'Kampanjen är publicerad: inställningarna, enkäten och medlemmarnas svar kan inte längre ändras.',
  'campaign.corrections.title': 'Rätta efter publiceringen',
  'campaign.corrections.body':
    'Medlemmarnas svar, enkäten och datumen är låsta. Ett fel i poängen rättar du med Justera (med ett skäl) på organisationens granskningssida, där du också kan skriva noteringar till medlemmen. Rättelsen syns direkt i organisationens resultat och i exporten. Den publicerade rapporten ändras först när du publicerar en ny version här; den tidigare versionen finns kvar, och varje justering finns i loggen.',
  'campaign.corrections.reviewLink': 'Till granskningen av {year}',
  'campaign.saveSettings': 'Spara inställningarna',
  'campaign.updated': 'Senast ändrad {when}.',
  'campaign.action.open': 'Öppna kampanjen',
  'campaign.action.close': 'Stäng kampanjen',
  'campaign.action.publish': 'Publicera Klimatläget',
  'campaign.action.republish': 'Publicera en ny version',
  'campaign.action.rescore': 'Räkna om poängen',
  'campaign.confirm.open.title': 'Öppna {title}?',
  'campaign.confirm.open.body':
    'Medlemmarna kan börja svara och inbjudan skickas enligt policyn. Bara en kampanj kan vara öppen åt gången.',
  'campaign.confirm.close.title': 'Stäng {title}?',
  'campaign.confirm.close.body':
    'Ingen kan längre svara, utom organisationer som har fått en egen, senare svarsdag. Påminnelserna upphör.',
  'campaign.close.early':
    'Sista svarsdagen är {date} och har inte passerat. Stänger du nu kan de som inte har skickat in inte längre svara.',
  'campaign.close.deadlinePassed': 'Sista svarsdagen, {date}, har passerat.',
  'campaign.close.submitted': 'Inskickade',
  'campaign.close.drafts': 'Utkast, inte inskickade',
  'campaign.close.notStarted': 'Ej påbörjade',
  'campaign.close.excused': 'Befriade',
  'campaign.close.ownDeadlines': '{count} organisationer har en egen, senare sista svarsdag och kan svara till den:',
  'campaign.close.ownDeadlinesOne': 'En organisation har en egen, senare sista svarsdag och kan svara till den:',
  'campaign.confirm.publish.title': 'Publicera Klimatläget för {title}?',
  'campaign.confirm.publish.body':
    'En låst ögonblicksbild av resultatet publiceras öppet. Sedan kan enkäten, datumen och medlemmarnas svar inte ändras; kansliet kan fortfarande justera poäng och skriva noteringar.',
  'campaign.confirm.republish.title': 'Publicera en ny version av {title}?',
  'campaign.publish.changesTitle': 'Det här ändras i den publicerade rapporten',
  'campaign.publish.changesCaption': 'Nyckeltal som ändras',
  'campaign.publish.changesBefore': 'Nu (version {revision})',
  'campaign.publish.changesAfter': 'Efter rättelsen (version {revision})',
  'campaign.publish.changesNone':
    'Inga siffror i rapporten ändras jämfört med version {revision}. Publiceras den ändå blir det ingen ny version, om inte poängreglerna har ändrats.',
  'campaign.publish.changesFailed': 'Det gick inte att räkna fram vad som ändras. Du kan publicera ändå.',
  'campaign.confirm.republish.body':
    'En ny version publiceras med poängen som de är nu, med kansliets justeringar sedan förra versionen. Utsläppssiffrorna och Utfallet blir desamma som i förra versionen; utsläpp som importerats sedan dess kommer med i nästa Klimatläget. Den tidigare versionen finns kvar.',
  'campaign.confirm.rescore.title': 'Räkna om poängen för {title}?',
  'campaign.confirm.rescore.body':
    'Alla inskickade svar får poäng enligt enkätens nuvarande poängsättning. Kansliets justeringar behålls.',
  'campaign.done.open': 'Kampanjen är öppen.',
  'campaign.done.openLater': 'Kampanjen är öppnad och tar emot svar från {date}.',
  'campaign.opensLater':
    'Kampanjen tar emot svar från {date}. Till dess kan ingen organisation svara, och Klimatläget kan inte publiceras.',
  'campaign.publish.blocked.notOpenYet':
    'Klimatläget kan publiceras först när kampanjen har tagit emot svar, från {date}.',
  'campaign.publish.blocked.nothingSubmitted':
    'Ingen organisation har skickat in sina svar, så det finns inget att publicera. En publicering kan inte ångras och skulle låsa året med en tom rapport.',
  'campaign.done.close': 'Kampanjen är stängd.',
  'campaign.done.publish': 'Klimatläget är publicerat, version {revision}.',
  'campaign.done.publishUnchanged': 'Rapporten är densamma som version {revision}, som fortfarande gäller.',
  'campaign.done.rescore': 'Poängen är omräknade: {rescored} ändrade, {unchanged} oförändrade.',
  'campaign.action.reopen': 'Öppna igen',
  'campaign.confirm.reopen.title': 'Öppna {title} igen?',
  'campaign.reopen.body':
    'Medlemmarna kan svara igen fram till sista svarsdagen. Inskickade svar förblir inskickade; utkast finns kvar och kan skickas in. Påminnelser går till dem som inte har skickat in, enligt policyn.',
  'campaign.reopen.deadlineKept': 'Sista svarsdagen är {date}. Ändra den här om det behövs.',
  'campaign.reopen.deadlinePassed':
    'Sista svarsdagen, {date}, har passerat. Ange en ny, annars kan ingen svara: den sparas och sedan öppnas kampanjen.',
  'campaign.reopen.newDeadline': 'Ny sista svarsdag',
  'campaign.reopen.deadlineHint': 'Svensk tid. Måste ligga i framtiden.',
  'campaign.reopen.error.deadlineNeeded': 'Ange en ny sista svarsdag: den gamla har passerat.',
  'campaign.reopen.error.notFuture': 'Välj en tidpunkt som ligger i framtiden.',
  'campaign.reopen.otherOpen': 'Kampanjen {year} är öppen. Bara en kampanj kan vara öppen åt gången: stäng den först.',
  'campaign.reopen.savedNotOpened':
    'Den nya sista svarsdagen ({date}) är sparad, men kampanjen kunde inte öppnas: {message}',
  'campaign.done.reopen': 'Kampanjen är öppen igen. Sista svarsdag: {date}.',
  'campaign.pastDeadline.tag': 'Sista svarsdagen, {date}, har passerat',
  'campaign.closedEarly': 'Stängd {date}',
  'campaign.publish.notAskedOne':
    '{names} är med här för sitt svar, men var inte medlem under kampanjen och har inte skickat in, så Klimatläget räknar den inte som tillfrågad.',
  'campaign.publish.notAsked':
    '{count} av dem är med här för sina svar, men var inte medlemmar under kampanjen och har inte skickat in, så Klimatläget räknar dem inte som tillfrågade: {names}.',
  'campaign.closedEarlyDeadline': 'före sista svarsdagen {date}',
  'campaign.pastDeadline.next': 'Nästa steg',
  'campaign.pastDeadline.stepClose':
    'Stäng kampanjen, så att den inte längre står som öppen och nästa års kampanj kan öppnas.',
  'campaign.pastDeadline.stepReview': 'Granska de inskickade svaren och justera poäng där det behövs.',
  'campaign.pastDeadline.stepPublish':
    'Publicera Klimatläget när granskningen är klar. Du ser först läget för organisationerna; publiceringen kan inte ångras.',
  'campaign.pastDeadline.title': 'Sista svarsdag har passerat – stäng kampanjen',
  'campaign.pastDeadline.body':
    'Sista svarsdagen var {date}. Medlemmarna kan inte längre svara (utom organisationer med en egen, senare svarsdag), men kampanjen står som öppen tills den stängs, och nästa års kampanj kan inte öppnas förrän dess.',
  'campaign.publish.loading': 'Hämtar läget för organisationerna…',
  'campaign.publish.loadFailed': 'Läget för organisationerna kunde inte hämtas: {message}',
  'campaign.publish.retry': 'Hämta läget igen',
  'campaign.publish.needSummary': 'Publicera först när läget för organisationerna har hämtats.',
  'campaign.publish.public':
    'Rapporten blir offentlig direkt på {path}: vem som helst kan läsa den, utan att logga in. Den kan inte dras tillbaka. Därefter är medlemmarnas svar, enkäten och datumen låsta. Ett fel i poängen rättar kansliet med Justera på granskningssidan och publicerar sedan en ny version; den tidigare finns kvar.',
  'campaign.publish.countsCaption': 'Organisationerna i kampanjen just nu ({total})',
  'campaign.publish.submitted': 'Inskickade, räknas i rapporten',
  'campaign.publish.drafts': 'Utkast, räknas inte',
  'campaign.publish.notStarted': 'Ej påbörjade',
  'campaign.publish.excused': 'Befriade',
  'campaign.publish.closesOpen':
    'Kampanjen är öppen till {date}. Den stängs när du publicerar, och den som inte har skickat in kan inte längre svara.',
  'campaign.publish.closesPastDeadline':
    'Kampanjen är fortfarande öppen, fast sista svarsdagen har passerat. Den stängs när du publicerar, och den som inte har skickat in kan inte längre svara.',
  'campaign.publish.ownDeadlines':
    '{count} organisationer har en egen sista svarsdag som inte har passerat. De kan inte längre skicka in när kampanjen är publicerad:',
  'campaign.publish.ownDeadlinesOne':
    'En organisation har en egen sista svarsdag som inte har passerat. Den kan inte längre skicka in när kampanjen är publicerad:',
  'campaign.publish.ownDeadline': '{name}, till {date}',
  'campaign.publish.noOwnDeadlines': 'Ingen organisation har en egen sista svarsdag som fortfarande löper.',
  'campaign.published.title': 'Klimatläget {year} är publicerat',
  'campaign.published.revision': 'Version {revision}: {respondents} av {organisations} organisationer svarade.',
  'campaign.published.link': 'Läs den publicerade rapporten, Klimatläget {year}',
  'campaign.published.unchanged':
    'Rapporten blev densamma som version {revision}, så ingen ny version gjordes. Version {revision} gäller.',
  'campaign.pagesOne': '{count} sida',
} as const;

export const enCampaigns: Record<keyof typeof svCampaigns, string> = {
  'common.swedishTime': 'Swedish time.',
  'policy.title': 'Reminder policy',
  'policy.invitationLabel': 'Send an invitation when the campaign opens',
  'policy.stepsLabel': 'Reminder steps (days before the deadline)',
  'policy.stepsHint': 'Whole numbers separated by commas, for example 14, 7, 2.',
  'policy.lastDayLabel': 'Remind on the morning of the last day',
  'policy.minDaysLabel': 'Minimum days between emails',
  'policy.maxLabel': 'Maximum reminders per person',
  'policy.weekdaysLabel': 'Days when emails may be sent',
  'policy.startLabel': 'Send from',
  'policy.endLabel': 'Send until',
  'campaign.caption': 'Campaigns, newest first',
  'campaign.createNext': "Create next year's campaign",
  'campaign.copyFrom':
    'The surveys and the reminder policy are copied from {year}. The dates move on 52 weeks, to the same weekday.',
  'campaign.copyDefault': "The campaign gets the platform's default surveys.",
  'campaign.year': 'Year',
  'campaign.name': 'Title',
  'campaign.opensAt': 'Opens',
  'campaign.closesAt': 'Deadline',
  'campaign.surveys': 'Surveys',
  'campaign.none': 'No campaigns yet.',
  'campaign.notFound': 'There is no campaign {year}',
  'campaign.error.year': 'Enter a year between 2000 and 2100.',
  'campaign.error.order': 'The deadline must be after the opening.',
  'campaign.editSurvey': 'Edit the survey for {type}',
  'campaign.viewSurvey': 'View the survey for {type}',
  'campaign.pages': '{count} pages',
  'campaign.actions': "The campaign's state",
  'campaign.exports': 'Export the responses',
  'campaign.export.xlsx': 'Excel (.xlsx)',
  'campaign.export.csv': 'CSV for Swedish Excel',
  'campaign.export.json': 'JSON (all responses and scores)',
  'campaign.progressLink': 'Show progress in the overview',
  'campaign.settings': 'Settings',
  'campaign.frozen': "The campaign is published: its settings, surveys and the members' answers can no longer change.",
  'campaign.corrections.title': 'Correcting after publishing',
  'campaign.corrections.body':
    "The members' answers, the surveys and the dates are frozen. Correct a mistake in the points with Override (with a reason) on the organisation's review page, where you can also write notes to the member. A correction shows at once in the organisation's results and in the export. The published report changes only when you publish a new version here; the earlier version is kept, and every override is in the log.",
  'campaign.corrections.reviewLink': 'To the review of {year}',
  'campaign.saveSettings': 'Save the settings',
  'campaign.updated': 'Last changed {when}.',
  'campaign.action.open': 'Open the campaign',
  'campaign.action.close': 'Close the campaign',
  'campaign.action.publish': 'Publish Klimatläget',
  'campaign.action.republish': 'Publish a new version',
  'campaign.action.rescore': 'Recompute the scores',
  'campaign.confirm.open.title': 'Open {title}?',
  'campaign.confirm.open.body':
    'Members can start answering and the invitation goes out as the policy says. Only one campaign can be open at a time.',
  'campaign.confirm.close.title': 'Close {title}?',
  'campaign.confirm.close.body':
    'Nobody can answer any more, except organisations given their own later deadline. Reminders stop.',
  'campaign.close.early':
    'The deadline is {date} and has not passed. If you close now, those that have not submitted can no longer answer.',
  'campaign.close.deadlinePassed': 'The deadline, {date}, has passed.',
  'campaign.close.submitted': 'Submitted',
  'campaign.close.drafts': 'Drafts, not submitted',
  'campaign.close.notStarted': 'Not started',
  'campaign.close.excused': 'Excused',
  'campaign.close.ownDeadlines': '{count} organisations have their own, later deadline and can answer until then:',
  'campaign.close.ownDeadlinesOne': 'One organisation has its own, later deadline and can answer until then:',
  'campaign.confirm.publish.title': 'Publish Klimatläget for {title}?',
  'campaign.confirm.publish.body':
    "A frozen snapshot of the results is published. The surveys, the dates and the members' answers can then not change; the secretariat can still override points and write notes.",
  'campaign.confirm.republish.title': 'Publish a new version of {title}?',
  'campaign.publish.changesTitle': 'What changes in the published report',
  'campaign.publish.changesCaption': 'Key figures that change',
  'campaign.publish.changesBefore': 'Now (version {revision})',
  'campaign.publish.changesAfter': 'After the correction (version {revision})',
  'campaign.publish.changesNone':
    'No figure in the report changes against version {revision}. Published anyway, it makes no new version unless the scoring rules changed.',
  'campaign.publish.changesFailed': 'What changes could not be worked out. You can publish anyway.',
  'campaign.confirm.republish.body':
    "A new version is published with the scores as they are now, including the secretariat's overrides since the last version. The emission figures and Utfall stay as in the last version; emissions imported since then come with the next Klimatläget. The earlier version is kept.",
  'campaign.confirm.rescore.title': 'Recompute the scores of {title}?',
  'campaign.confirm.rescore.body':
    "Every submitted response is scored by the survey's current scoring. The secretariat's overrides are kept.",
  'campaign.done.open': 'The campaign is open.',
  'campaign.done.openLater': 'The campaign is opened and takes answers from {date}.',
  'campaign.opensLater':
    'The campaign takes answers from {date}. Until then no organisation can answer, and Klimatläget cannot be published.',
  'campaign.publish.blocked.notOpenYet':
    'Klimatläget can be published only once the campaign has taken answers, from {date}.',
  'campaign.publish.blocked.nothingSubmitted':
    'No organisation has submitted its answers, so there is nothing to publish. Publishing cannot be undone and would lock the year with an empty report.',
  'campaign.done.close': 'The campaign is closed.',
  'campaign.done.publish': 'Klimatläget is published, version {revision}.',
  'campaign.done.publishUnchanged': 'The report is the same as version {revision}, which still stands.',
  'campaign.done.rescore': 'Scores recomputed: {rescored} changed, {unchanged} unchanged.',
  'campaign.action.reopen': 'Reopen',
  'campaign.confirm.reopen.title': 'Reopen {title}?',
  'campaign.reopen.body':
    'Members can answer again until the deadline. Submitted answers stay submitted; drafts are kept and can be submitted. Reminders go to those who have not submitted, as the policy says.',
  'campaign.reopen.deadlineKept': 'The deadline is {date}. Change it here if needed.',
  'campaign.reopen.deadlinePassed':
    'The deadline, {date}, has passed. Set a new one, or nobody can answer: it is saved and then the campaign opens.',
  'campaign.reopen.newDeadline': 'New deadline',
  'campaign.reopen.deadlineHint': 'Swedish time. Must be in the future.',
  'campaign.reopen.error.deadlineNeeded': 'Set a new deadline: the old one has passed.',
  'campaign.reopen.error.notFuture': 'Choose a time in the future.',
  'campaign.reopen.otherOpen': 'The {year} campaign is open. Only one campaign can be open at a time: close it first.',
  'campaign.reopen.savedNotOpened':
    'The new deadline ({date}) is saved, but the campaign could not be opened: {message}',
  'campaign.done.reopen': 'The campaign is open again. Deadline: {date}.',
  'campaign.pastDeadline.tag': 'The deadline, {date}, has passed',
  'campaign.closedEarly': 'Closed {date}',
  'campaign.publish.notAskedOne':
    '{names} is listed for its response, but was not a member during the campaign and has not submitted, so Klimatläget does not count it as asked.',
  'campaign.publish.notAsked':
    '{count} of them are listed for their responses, but were not members during the campaign and have not submitted, so Klimatläget does not count them as asked: {names}.',
  'campaign.closedEarlyDeadline': 'before the deadline, {date}',
  'campaign.pastDeadline.next': 'Next steps',
  'campaign.pastDeadline.stepClose':
    'Close the campaign, so that it no longer shows as open and next year’s campaign can open.',
  'campaign.pastDeadline.stepReview': 'Review the submitted answers and override points where needed.',
  'campaign.pastDeadline.stepPublish':
    'Publish Klimatläget once the review is done. You first see where the organisations stand; publishing cannot be undone.',
  'campaign.pastDeadline.title': 'The deadline has passed – close the campaign',
  'campaign.pastDeadline.body':
    'The deadline was {date}. Members can no longer answer (except organisations with a later deadline of their own), but the campaign shows as open until it is closed, and next year’s campaign cannot open until then.',
  'campaign.publish.loading': 'Fetching where the organisations stand…',
  'campaign.publish.loadFailed': 'Could not fetch where the organisations stand: {message}',
  'campaign.publish.retry': 'Fetch again',
  'campaign.publish.needSummary': 'Publish once where the organisations stand has been fetched.',
  'campaign.publish.public':
    "The report becomes public at once at {path}: anyone can read it without signing in. It cannot be withdrawn. After that, the members' answers, the surveys and the dates are frozen. The secretariat corrects a mistake in the points with Override on the review page and then publishes a new version; the earlier one is kept.",
  'campaign.publish.countsCaption': 'The organisations in the campaign now ({total})',
  'campaign.publish.submitted': 'Submitted, counted in the report',
  'campaign.publish.drafts': 'Drafts, not counted',
  'campaign.publish.notStarted': 'Not started',
  'campaign.publish.excused': 'Excused',
  'campaign.publish.closesOpen':
    'The campaign is open until {date}. Publishing closes it, and anyone who has not submitted can no longer answer.',
  'campaign.publish.closesPastDeadline':
    'The campaign is still open, though its deadline has passed. Publishing closes it, and anyone who has not submitted can no longer answer.',
  'campaign.publish.ownDeadlines':
    '{count} organisations have a deadline of their own that has not passed. They can no longer submit once the campaign is published:',
  'campaign.publish.ownDeadlinesOne':
    'One organisation has a deadline of its own that has not passed. It can no longer submit once the campaign is published:',
  'campaign.publish.ownDeadline': '{name}, until {date}',
  'campaign.publish.noOwnDeadlines': 'No organisation has a deadline of its own that is still running.',
  'campaign.published.title': 'Klimatläget {year} is published',
  'campaign.published.revision': 'Version {revision}: {respondents} of {organisations} organisations answered.',
  'campaign.published.link': 'Read the published report, Klimatläget {year}',
  'campaign.published.unchanged':
    'The report came out the same as version {revision}, so no new version was made. Version {revision} stands.',
  'campaign.pagesOne': '{count} page',
};

addAdminStrings(svCampaigns, enCampaigns);
