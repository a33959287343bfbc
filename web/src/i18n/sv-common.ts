/**
 * Swedish UI strings every page may show, in the chunk every page loads. Strings only a lazily
 * loaded page shows live beside it (sv-survey.ts); sv.ts puts them together.
 */
export const svCommon = {
  'app.brand': 'Klimatkommunerna – Medlemstest',
  'app.skipLink': 'Hoppa till huvudinnehållet',
  'app.switchLanguage': 'In English',
  'app.signedInAs': 'Inloggad som',
  'app.logout': 'Logga ut',
  'app.logout.busy': 'Loggar ut…',
  'app.logout.unsavedTitle': 'Dina senaste ändringar är inte sparade',
  'app.logout.unsavedBody':
    'Något du har fyllt i kunde inte sparas. Loggar du ut nu går det förlorat. Stanna kvar och försök igen, eller logga ut ändå.',
  'app.logout.stay': 'Stanna kvar',
  'app.logout.anyway': 'Logga ut ändå',
  // Signing out with a number out of range: saving again cannot help, correcting it can.
  'app.logout.correctTitleOne': 'Ett svar är inte sparat',
  'app.logout.correctTitle': '{count} svar är inte sparade',
  'app.logout.correctBodyNamed':
    'Svaret på ”{question}” behöver rättas innan det kan sparas. Loggar du ut nu försvinner det. Allt annat du har fyllt i är sparat.',
  'app.logout.correctBody':
    'Svaren behöver rättas innan de kan sparas. Loggar du ut nu försvinner de. Allt annat du har fyllt i är sparat.',
  'app.logout.correct': 'Stanna och rätta',
  // A failed save and a number out of range at once: said after unsavedBody.
  'app.logout.alsoNamed': 'Dessutom behöver svaret på ”{question}” rättas innan det kan sparas.',
  'app.logout.also': 'Dessutom behöver {count} svar rättas innan de kan sparas.',
  'app.errorPrefix': 'Fel:',
  'app.loading': 'Laddar…',
  'app.footer.about': 'Klimatkommunerna är en förening för kommuner och regioner som arbetar aktivt med klimatfrågan.',
  'app.footer.contact': 'Frågor om medlemstestet? Kontakta kansliet på kansli@klimatkommunerna.se.',
  'app.error.generic': 'Något gick fel. Försök igen om en stund.',
  'app.error.retry': 'Försök igen',
  'app.notFound.title': 'Sidan finns inte',
  'app.notFound.body': 'Adressen kan vara felstavad, eller så har sidan flyttats.',
  'app.notFound.home': 'Till startsidan',
  'app.adminOnly.title': 'Sidan är för kansliet',
  'app.adminOnly.body':
    'Den här sidan hör till kansliets konsol. Som medlem hittar du medlemstestet och era resultat på startsidan.',

  'login.title': 'Logga in',
  'login.intro':
    'Ange din e-postadress så skickar vi en inloggningslänk. Länken gäller i 30 minuter och kan användas en gång.',
  'login.email': 'E-postadress',
  'login.emailHint': 'Den adress som föreningen har för dig som kontaktperson.',
  'login.submit': 'Skicka inloggningslänk',
  'login.sending': 'Skickar…',
  'login.sent.title': 'Kolla din e-post',
  'login.sent.body':
    'Vi har skickat en länk till {email}. Om adressen finns hos oss kommer länken inom någon minut. Kolla skräpposten om du inte hittar den.',
  'login.sent.local': 'Kör du plattformen lokalt? Öppna utkorgen för att se mejlet:',
  'login.sent.localLink': 'Öppna utkorgen',
  'login.sent.again': 'Skicka till en annan adress',
  'login.redeeming': 'Loggar in…',
  'login.error.token_used': 'Inloggningslänken har redan använts.',
  'login.error.token_expired': 'Inloggningslänken har gått ut. Begär en ny länk nedan.',
  'login.error.token_unknown': 'Inloggningslänken är inte giltig.',
  'login.error.invalidEmail': 'Ange en giltig e-postadress, till exempel namn@kommun.se.',
  'login.error.rate_limited': 'För många försök. Vänta en stund och försök igen.',
  'login.error.not_a_member':
    'Din organisation är inte medlem i Klimatkommunerna just nu, så du kan inte logga in. Kontakta kansliet om det inte stämmer.',
  'login.error.not_a_member.ended':
    'Din organisation är inte längre medlem i Klimatkommunerna (medlemskapet upphörde {date}), så du kan inte logga in. Kontakta kansliet om det inte stämmer.',
  'login.notMember.otherAddress':
    'Är du kontaktperson för en annan organisation som är medlem? Ange den adressen så skickar vi en inloggningslänk.',
  'login.newLink.title': 'Begär en ny länk',

  'home.title': 'Medlemstest',
  'home.kommun': 'Kommun',
  'home.region': 'Region',
  'home.population': '{count} invånare',
  'home.campaign': 'Årets medlemstest',
  'home.deadlineLabel': 'Stänger',
  'home.closedLabel': 'Stängde',
  'home.extended': '(förlängd för er organisation)',
  'home.closed': 'Enkäten är stängd sedan {date}.',
  'home.noCampaign': 'Det finns inget öppet medlemstest just nu. Du får ett mejl när nästa öppnar.',
  'home.status': 'Status',
  'home.lastEdited': 'Senast ändrad av {name}, {date}',
  'home.notEdited': 'Ingen har börjat fylla i ännu.',
  'home.carryOver': 'I enkäten kan ni utgå från era svar från {year}.',
  'kansli.title': 'Från kansliet',
  'kansli.reopened': 'Kansliet har öppnat ert svar igen {date}:',
  'kansli.extended': 'Kansliet har gett er längre tid att svara {date}:',
  'kansli.resubmit': 'Svaren räknas inte som inskickade förrän ni skickar in dem igen.',
  'kansli.deadline': 'Sista dag att skicka in: {date}.',
  'kansli.reopenedEarlier': 'Kansliet öppnade ert svar igen {date}:',
  'kansli.extendedEarlier': 'Kansliet gav er längre tid att svara {date}:',
  'kansli.deadlineThen': 'Sista dag att skicka in sattes då till {date}.',
  'kansli.note': 'Meddelande från kansliet {date}:',
  'kansli.askReopen':
    'Svaren är inskickade och kan inte ändras här. Behöver ni ändra dem ber ni kansliet att öppna dem igen:',
  'home.submittedAt': 'Inskickad {date}',
  'home.start': 'Börja fylla i',
  'home.continue': 'Fortsätt fylla i',
  'home.receipt': 'Visa kvitto',
  'home.contacts': 'Kontaktpersoner',
  'home.contactsIntro':
    'Ni fyller i enkäten tillsammans. Allt sparas automatiskt, så ni kan fortsätta där den andra slutade.',
  'home.you': '(du)',
  'home.role.politician': 'Kontaktpolitiker',
  'home.role.official': 'Tjänsteperson',
  'home.howItWorks': 'Så fungerar det',
  'home.how.1': 'Svaren sparas automatiskt medan du fyller i.',
  'home.how.2': 'Ni kan fylla i vid flera tillfällen och från olika enheter.',
  'home.how.3': 'När allt är klart skickar en av er in svaren. Efter det går de inte att ändra.',

  'status.not_started': 'Ej påbörjad',
  'status.draft': 'Utkast',
  'status.submitted': 'Inskickad',
  'status.unsubmitted': 'Ej inskickad',

  'survey.back': 'Tillbaka till översikten',

  'receipt.title': 'Kvitto',
  'receipt.thanks': 'Tack! Svaren skickades in {date}.',
  'receipt.by': 'Inskickat av {name}.',
  'receipt.emailed': 'En sammanfattning av svaren har mejlats till alla kontaktpersoner för {organisation}.',
  'receipt.print': 'Skriv ut',
  'receipt.summary': 'Era svar',
  'receipt.notSubmitted': 'Svaren är inte inskickade ännu.',
  'receipt.toSurvey': 'Till enkäten',
  'receipt.noAnswer': 'Inget svar',
  'receipt.yes': 'Ja',
  'receipt.no': 'Nej',

  'app.nav.report': 'Klimatläget',
  'app.footer.report': 'Läs Klimatläget – sammanställningen av medlemstestet',
  'home.submittedAtBy': 'Inskickad {date} av {name}',
  'home.results': 'Resultat',
  'home.resultsTitle': 'Klimatläget {year} är publicerat',
  'home.resultsBody': 'Se era poäng per område jämfört med nätverket, och var ni tappade poäng.',
  'home.toScorecard': 'Se ert resultat',
  'home.toScorecardYear': 'Se ert resultat för {year}',
  'home.resultsEarlier':
    '{organisation} skickade inte in svar {newest}, så ert senaste resultat är från {year}. Där ser ni era poäng per område jämfört med nätverket, och var ni tappade poäng.',
  'home.resultsNone':
    'Där ser du hur medlemmarna ligger till. {organisation} har inte skickat in svar något år som har publicerats, så det finns inget eget resultat att visa.',
  'home.toReport': 'Läs Klimatläget {year}',

  'chart.showTable': 'Visa som tabell',
  'chart.showChart': 'Visa som diagram',

  'report.name': 'Klimatläget',
  'report.eyebrow': 'Klimatkommunernas medlemstest',
  'report.title': 'Klimatläget {year}',
  'report.lead':
    '{respondents} av {organisations} medlemmar svarade på medlemstestet {year}. Här är en sammanställning av svaren.',
  'report.publishedAt': 'Publicerad {date}',
  'report.revision': 'version {revision}',
  'report.versions.link': 'vad ändrades?',
  'report.versions.title': 'Versioner och rättelser',
  'report.versions.this': 'Det här är version {revision}, publicerad {date}.',
  'report.versions.replaces': 'Den rättar version {previous}, publicerad {date}.',
  'report.versions.caption': 'Nyckeltal som ändrades i version {revision}',
  'report.versions.figure': 'Nyckeltal',
  'report.versions.column': 'Version {revision}',
  'report.versions.scope.network': 'Alla',
  'report.versions.figure.respondents': 'svarande',
  'report.versions.figure.organisations': 'tillfrågade',
  'report.versions.figure.mean': 'medelvärde, andel av maxpoängen',
  'report.versions.figure.median': 'median, andel av maxpoängen',
  'report.versions.figure.gatePassed': 'uppfyller alla baskrav',
  'report.versions.figure.max': 'maxpoäng',
  'report.versions.band': 'betyg {band}',
  'report.versions.noHeadline': 'Inga nyckeltal ändrades.',
  'report.versions.sections': 'Områden med ändrade siffror: {count}.',
  'report.versions.questions': 'Frågor med ändrade svar: {count}.',
  'report.versions.emissions': 'Utsläppssiffrorna ändrades också.',
  'report.versions.earlier': 'Tidigare versioner',
  'report.versions.older':
    'Du läser version {revision} av Klimatläget {year}, publicerad {date}. Den har rättats: version {latest} gäller.',
  'report.versions.toLatest': 'Läs den senaste versionen av Klimatläget {year}',
  'report.versions.missing': 'Klimatläget {year} har ingen version {revision}.',
  'report.otherYears': 'Andra år',
  'report.publishedYears': 'Publicerade år',
  'report.print': 'Skriv ut eller spara som pdf',
  'report.notPublished': 'Klimatläget {year} är inte publicerat ännu.',
  'report.nothingPublished': 'Inget år av Klimatläget är publicerat ännu.',
  'report.notYear': 'Sidans adress anger inget år, så det finns ingen rapport att visa här.',
  'report.noSurvey': 'Det finns inget medlemstest för {year}, så det finns inget Klimatläget för det året.',
  'report.swedishData': 'Frågorna och svarsalternativen visas på svenska, så som de ställdes i medlemstestet.',
  'report.summary': 'I korthet',
  'report.ofTotal': '{count} av {total}',
  'report.fig.responded': 'Svarade',
  'report.fig.respondedRate': '{rate} av medlemmarna',
  'report.fig.score': 'Andel av maxpoängen',
  'report.fig.scoreMedian': 'i genomsnitt · median {median}',
  'report.fig.gate': 'Uppfyller baskraven',
  'report.fig.gateNote': 'och får därmed ett betyg',
  // The change's means withheld (`unmatched`): the counts stay, over the pairs alone.
  'report.fig.changeUnmatched':
    'Förändringen visas inte: resultatet för en medlem som svarade bara ett av åren skulle gå att räkna ut ur den.',
  'report.fig.changeCounts':
    '{count} svarade båda åren: {improved} förbättrade, {unchanged} oförändrade, {declined} försämrade',
  // {change}: "66 → 68", or per type ("kommunerna 66 → 68, regionerna 40 → 42").
  'report.fig.maxChanged': 'Enkäten ändrades: högsta möjliga poäng {change}; förändringen jämför andelar av max.',
  // The same beside the improved/declined counts when the change itself is withheld (`unmatched`).
  'report.fig.maxChangedCounts':
    'Enkäten ändrades: högsta möjliga poäng {change}; förbättrade och försämrade jämför andelar av max.',
  'report.fig.change': 'Förändring sedan {previous}',
  'report.fig.changeNote':
    'i genomsnitt för de {count} som svarade båda åren ({improved} förbättrade, {declined} försämrade)',
  'report.fig.emissions': 'Utsläpp per invånare {year}',
  'report.tonnes': '{value} ton',
  'report.gates.kommun': 'Baskraven bland kommunerna',
  'report.gates.region': 'Baskraven bland regionerna',
  'report.yesOf': '{count} av {n} som besvarade frågan svarade ja.',
  'report.bands.title': 'Betyg',
  'report.bands.intro':
    'Betyget bygger på hur stor andel av maxpoängen en organisation fick. Den som inte uppfyller alla baskrav får poäng men inget betyg.',
  'report.bands.chartTitle': 'Antal organisationer per betyg {year}',
  'report.bands.summary': 'Stapeldiagram över antalet organisationer per betyg, av {total} som svarade. {values}.',
  'report.bands.band': 'Betyg',
  'report.bands.count': 'Antal',
  'report.bands.axis': 'Antal organisationer',
  'report.bands.none': 'Inget betyg',
  'report.emissions.title': 'Utsläpp',
  'report.emissions.intro.kommun':
    'Territoriella utsläpp {year}: {value} ton koldioxidekvivalenter per invånare, vägt efter befolkning. Antal kommuner med utsläppsdata för det året: {count}. {national} ton.',
  'report.emissions.intro.region':
    'Regionernas territoriella utsläpp {year}: {value} ton koldioxidekvivalenter per invånare, vägt efter befolkning. Antal regioner med utsläppsdata för det året: {count}. {national} ton.',
  // {group}: 'report.emissions.group.<basis>', the organisations the bars rest on.
  'report.emissions.note':
    'Staplarna visar utsläppen per invånare bland {group}, vägt efter befolkning. Under varje år står hur många av dem (n) siffran bygger på. Den streckade linjen är rikets siffra (källa: {source}).',
  'report.emissions.group.kommun': 'kommunerna',
  'report.emissions.group.region': 'regionerna',
  'report.emissions.series.kommun': 'Kommunerna, ton per invånare',
  'report.emissions.series.region': 'Regionerna, ton per invånare',
  'report.emissions.nationalNote': 'Rikets siffra är från {year} och ritas som samma linje över alla år.',
  'report.emissions.nationalNoteQuoted':
    'Rikets siffra är hämtad ur en källa publicerad {year} och ritas som samma linje över alla år.',
  'report.emissions.gapNote': '”…” markerar år utan siffror.',
  'report.emissions.chartTitle': 'Utsläpp per invånare över tid, ton koldioxidekvivalenter',
  'report.emissions.summary':
    'Stapeldiagram över utsläppen per invånare bland {group}, från {from} till {to} ton. {national} ton.',
  'report.emissions.national': 'Riket',
  'report.emissions.nationalYear': 'Riket {year}',
  'report.emissions.organisations': 'Organisationer med data',
  'report.emissions.axis': 'Ton CO₂e per invånare',
  'report.type.kommun': 'Kommunerna',
  'report.type.region': 'Regionerna',
  'report.type.responded': '{respondents} av {organisations} svarade {year}.',
  'report.type.none.kommun': 'Ingen kommun har skickat in svar {year}.',
  'report.type.none.region': 'Ingen region har skickat in svar {year}.',
  'report.sections.title': 'Resultat per område',
  'report.sections.chartTitle.kommun': 'Kommunernas andel av maxpoängen per område',
  'report.sections.chartTitle.region': 'Regionernas andel av maxpoängen per område',
  // {figures}: 'report.meanMedian', or 'report.mean' alone when the medians are withheld (fewer than 5).
  'report.sections.note': '{figures} av hur stor andel av områdets maxpoäng varje organisation fick.',
  'report.sections.summary': 'Stapeldiagram över {count} områden med {figures} av andelen av maxpoängen.',
  'report.sections.summaryHighLow': 'Högst medelvärde: {high}. Lägst: {low}.',
  'report.meanMedian': 'medelvärde och median',
  'report.sections.axis': 'Andel av områdets maxpoäng',
  'report.area': 'Område',
  'report.area.gates': 'Baskrav',
  'report.area.chartTitle': '{area}: andel som svarade ja',
  'report.area.chartShortTitle': 'Andel som svarade ja, fråga för fråga',
  'report.area.summary':
    'Stapeldiagram över {count} frågor: andelen som svarade ja, eller det högst poängsatta svaret, bland dem som besvarade frågan.',
  'report.area.summaryHighLow': 'Högst: {high}. Lägst: {low}.',
  'report.countedAnswer': 'Svar: {answer}',
  'report.answerCountedCol': 'Svar som räknas',
  'report.yesShare': 'Andel',
  'report.yesShareAxis': 'Andel av dem som besvarade frågan',
  'report.question': 'Fråga',
  'report.answer': 'Svar',
  'report.answers': 'Antal',
  'report.count': 'Antal',
  'report.share': 'Andel',
  'report.yes': 'Ja',
  'report.mean': 'Medelvärde',
  'report.median': 'Median',
  'report.maxPoints': 'Maxpoäng',
  // Column headers: the soft hyphens let a column be as narrow as half the word on a phone, so the
  // report's tables of four and five columns fit 390 px.
  'report.col.mean': 'Medel\u00advärde',
  'report.col.maxPoints': 'Max\u00adpoäng',
  'report.year': 'År',
  'report.dist.multi': '– flera svar möjliga, {n} svarade',
  'report.dist.single': '– {n} svarade',
  'report.dist.title': 'Svarsfördelning',
  'report.method.title': 'Om siffrorna',
  'report.method.respondents':
    'Bara organisationer som skickat in sina svar räknas. Den som inte har svarat räknas aldrig som ett nej.',
  'report.method.shares':
    'Andelar räknas bland dem som besvarade frågan. Frågor som inte visades för en organisation räknas inte.',
  'report.method.score':
    'Poäng och betyg räknas fram med medlemstestets poängregler, som är desamma för alla organisationer av samma slag.',
  'report.method.change':
    'Förändringen sedan förra året visas när minst {min} svarade båda åren, men inte när en eller två organisationer svarade bara det ena året: deras resultat skulle då gå att räkna ut. Hur många som förbättrade och försämrade sig visas ändå.',
  'report.method.private': 'Rapporten innehåller bara sammanställningar, inga uppgifter om enskilda organisationer.',
  'report.fig.changeUnit': 'procentenheter',
  'report.fig.emissionsNationalLabelled': 'ton koldioxidekvivalenter · {national}: {value} ton',
  'report.emissions.nationalQuoted': 'Riket (uppgift publicerad {year})',
  'report.bands.legendTitle': 'Så sätts betyget',
  'report.bands.atLeast': 'minst {value}',
  'report.bands.below': 'under {value}',
  'report.fig.since1990': 'Förändring per invånare sedan 1990',
  'report.fig.since1990Note': 'medelvärde · antal med data för 1990: {count}',
  'report.followUp': 'Följdfråga: andel av de {n} som fick och besvarade den',
  'report.years.title': 'Klimatläget över åren',
  'report.years.intro':
    'Medlemmarnas genomsnittliga andel av maxpoängen varje publicerat år. Det är inte alltid samma medlemmar som svarar: tabellen visar hur många som svarade varje år.',
  'report.years.chartTitle': 'Andel av maxpoängen per år, medelvärde',
  'report.years.axis': 'Andel av maxpoängen',
  'report.years.series': '{type}, medelvärde',
  'report.years.summary': 'Stapeldiagram över medelvärdet av andelen av maxpoängen per publicerat år.',
  'report.years.summaryType': '{type}: {values}.',
  'report.years.group': 'Grupp',
  'report.years.respondents': 'Svarade',
  'report.years.maxChanged':
    'Enkätens högsta möjliga poäng har ändrats mellan åren ({change}): varje års andel är av det årets max.',
  'report.years.maxFrom': '{max} från {year}',
  'report.years.thisYear': '{year} (denna rapport)',
  'report.areasYears.title': 'Områdena över åren',
  'report.areasYears.intro':
    'Medlemmarnas genomsnittliga andel av maxpoängen i varje område, de år området fanns med i enkäten. Ett område som bara fanns med ett av åren visas inte.',
  'report.areasYears.chartTitle': '{type}: andel av maxpoängen per område, {from} och {to}',
  'report.areasYears.summary': 'Liggande stapeldiagram över medelvärdet i {count} områden {from} och {to}.',
  // The soft hyphens let the column header break on a phone, so the table fits 390 px.
  'report.areasYears.change': 'För\u00adändring (procent\u00adenheter)',
  'report.areasYears.changeNote':
    'Tabellen visar alla år och förändringen i procentenheter, mellan det första och det senaste året som visar ett medelvärde för området.',
  'report.areasYears.maxChanged':
    'Där områdets maxpoäng har ändrats mellan åren visas ingen förändring: andelarna är av olika max.',
  'report.areasYears.maxChangedCell': 'maxpoängen ändrades',
  'report.areasYears.notInSurvey': 'fanns inte med',
  'report.withheld': 'För få svar för att visa',
  'report.minGroup':
    'Siffror visas bara när minst {min} organisationer har svarat, så att ingen enskild organisations svar kan utläsas.',
  'report.without': 'utan {type}, som är för få för att visas för sig',
  // {type}: 'report.type.<type>' in lower case; types that answered without any emission figures.
  'report.emissions.noData': 'Inga utsläppsdata för {type} som svarade',
  'report.medianMin': 'Medianen visas bara när minst {min} har svarat; annars visas bara medelvärdet.',
  // A median cell whose mean is shown: not "too few to show", which the mean beside it contradicts.
  'report.medianFew': 'Visas först vid minst {min} svar',
  'report.fig.emissionsCount.kommun': 'antal kommuner med data: {count}',
  'report.fig.emissionsCount.region': 'antal regioner med data: {count}',

  'scorecard.title': 'Ert resultat {year}',
  'scorecard.titlePlain': 'Ert resultat',
  'scorecard.lead': 'Så här gick det för {organisation} i medlemstestet {year}, jämfört med nätverket.',
  // The network's figures withheld: no comparison to promise.
  'scorecard.leadOwn': 'Så här gick det för {organisation} i medlemstestet {year}.',
  'scorecard.summary': 'Sammanfattning',
  'scorecard.points': 'Poäng',
  'scorecard.pointsValue': '{points} poäng',
  'scorecard.shareOfMax': '{share} av maxpoängen',
  'scorecard.band': 'Betyg',
  'scorecard.gatePassed': 'Alla baskrav är uppfyllda',
  'scorecard.gateFailedShort': 'Alla baskrav är inte uppfyllda',
  'scorecard.gateFailedTitle': 'Därför får ni inget betyg i år',
  'scorecard.gateFailed':
    'Ett betyg kräver att alla baskrav är uppfyllda. Minst ett baskrav saknades i era svar. Poängen räknas ändå och jämförs med nätverket här nedan.',
  'scorecard.network.kommun': 'Kommunerna i nätverket',
  'scorecard.network.region': 'Regionerna i nätverket',
  'scorecard.networkNote': 'i genomsnitt · median {median} · {count} svarade',
  'scorecard.networkNoteMean': 'i genomsnitt · {count} svarade',
  'scorecard.lastYear': 'Förra året ({year})',
  'scorecard.lastYearNote': '{share} av maxpoängen · betyg: {band}',
  'scorecard.you': 'Ni',
  'scorecard.networkMean.kommun': 'Kommunernas medelvärde',
  'scorecard.networkMean.region': 'Regionernas medelvärde',
  'scorecard.networkMedian.kommun': 'Kommunernas median',
  'scorecard.networkMedian.region': 'Regionernas median',
  'scorecard.history.title': 'Ert resultat över åren',
  'scorecard.history.intro':
    'Er andel av maxpoängen varje år ni har ett resultat, bredvid medelvärdet bland {type} samma år. Maxpoängen kan skilja mellan åren, därför jämförs andelar.',
  'scorecard.history.chartTitle': 'Er andel av maxpoängen per år',
  'scorecard.history.summary':
    'Stapeldiagram över andelen av maxpoängen per år för {organisation}: {own}. Medelvärdet samma år: {network}.',
  'scorecard.history.thisYear': '{year} (visas ovan)',
  'scorecard.history.share': 'Andel av max',
  'scorecard.areasYears.title': 'Era områden över åren',
  'scorecard.areasYears.intro':
    'Era poäng och er andel av maxpoängen i varje område, de år ni har ett resultat. Ett område som bara fanns med ett av åren visas inte.',
  'scorecard.areasYears.chartTitle': 'Era områden {from} och {to}: andel av maxpoängen',
  'scorecard.areasYears.summary':
    'Liggande stapeldiagram över er andel av maxpoängen i {count} områden {from} och {to}.',
  'scorecard.areasYears.summaryOne': 'Liggande stapeldiagram över er andel av maxpoängen i 1 område {from} och {to}.',
  'scorecard.areasYears.note':
    'Tabellen visar alla år, med poängen av områdets maxpoäng och andelen, och förändringen i procentenheter sedan {from}.',
  'scorecard.areasYears.change': 'Förändring sedan {year} (procent\u00adenheter)',
  'scorecard.sections.title': 'Poäng per område',
  'scorecard.sections.chartTitle.kommun': 'Er andel av maxpoängen per område, jämfört med kommunerna',
  'scorecard.sections.chartTitle.region': 'Er andel av maxpoängen per område, jämfört med regionerna',
  'scorecard.sections.note': 'Diagrammet visar andelen av områdets maxpoäng, tabellen visar poängen.',
  // {example}: the first such cell, "7 av 15".
  'scorecard.sections.lastMaxNote':
    'Enkäten har ändrats sedan {year}. Där maxpoängen var en annan {year} står det årets poäng med det årets max, till exempel {example}.',
  'scorecard.sections.summary':
    'Stapeldiagram över era poäng per område som andel av maxpoängen, bredvid nätverkets {figures}. Ni ligger över medelvärdet i {ahead} av {count} områden.',
  'scorecard.sections.chartTitleOwn': 'Er andel av maxpoängen per område',
  'scorecard.sections.summaryOwn':
    'Stapeldiagram över era poäng per område som andel av maxpoängen. Nätverkets siffror visas inte: för få har svarat.',
  'scorecard.col.points': 'Era poäng',
  'scorecard.col.pointsShort': 'Poäng',
  'scorecard.col.maxShort': 'Max',
  // Column headers: the soft hyphens let a column be as narrow as half the word on a phone, so the
  // scorecard's table of points per area fits 390 px.
  'scorecard.col.mean': 'Nät\u00adverkets medel\u00advärde',
  'scorecard.col.median': 'Nät\u00adverkets median',
  'scorecard.col.lastYear': 'Era poäng {year}',
  // On a phone, under the area in the table of points per area, for its own column.
  'scorecard.maxUnder': 'maxpoäng {max}',
  'scorecard.total': 'Totalt',
  'scorecard.lost.title': 'Här tappade ni poäng',
  'scorecard.lost.intro': 'I {count} frågor fick ni färre poäng än max, sammanlagt {points} poäng.',
  'scorecard.lost.introOne': 'I {count} fråga fick ni färre poäng än max, sammanlagt {points} poäng.',
  'scorecard.lost.none': 'Ni fick full poäng i alla frågor.',
  'scorecard.lost.override': '(justerat av kansliet; beräknat {computed})',
  'scorecard.outcome.title': 'Utfall: utsläpp',
  'scorecard.outcome.intro':
    'Utfallet bygger på era importerade utsläppssiffror. Det redovisas bredvid medlemstestets poäng och räknas aldrig in i dem.',
  'scorecard.outcome.latest': 'Utsläpp per invånare {year}',
  'scorecard.outcome.perInhabitantUnit': 'koldioxidekvivalenter',
  'scorecard.outcome.since1990': 'Förändring sedan 1990',
  'scorecard.outcome.fiveYears': 'Förändring senaste fem åren',
  'scorecard.outcome.perInhabitant': 'per invånare',
  'scorecard.outcome.total': 'totala utsläpp',
  // The outcome scale's columns: 3, 2 and 1 points.
  'scorecard.outcome.pointsColumn': '{count} poäng',
  'scorecard.outcome.pointsColumnOne': '{count} poäng',
  'scorecard.outcome.points': 'Poäng för utfall',
  'scorecard.outcome.separate': 'räknas inte in i poängen ovan',
  'scorecard.outcome.published':
    'Utfallet är det som publicerades {date}. Utsläpp som importerats senare räknas in i nästa Klimatläget; en rättelse av årets resultat behåller det här utfallet.',
  'scorecard.outcome.current':
    'Utfallet bygger på utsläppsdata som de ser ut nu, inte som de var när resultatet publicerades.',
  'scorecard.noResponse':
    '{organisation} skickade inte in några svar {year}, så det finns inget resultat för det året.',
  'scorecard.notPublished': 'Resultatet för {year} är inte publicerat ännu.',
  'scorecard.nonePublished':
    'Inget resultat är publicerat ännu. Resultaten visas här när kansliet har publicerat Klimatläget.',
  'scorecard.notYear': 'Sidans adress anger inget år, så det finns inget resultat att visa här.',
  'scorecard.noSurvey': 'Det finns inget medlemstest för {year}, så det finns inget resultat för det året.',
  // The network's figures withheld (too few of the type answered): nothing below to compare with.
  'scorecard.gateFailedOwn':
    'Ett betyg kräver att alla baskrav är uppfyllda. Minst ett baskrav saknades i era svar. Poängen räknas ändå och visas per område här nedan.',
  'scorecard.outcome.none':
    'Inga utsläppssiffror har importerats för {organisation}, så det finns inget utfall att visa.',
  'scorecard.outcome.nonePublished':
    'När resultatet publicerades {date} fanns inga utsläppssiffror importerade för {organisation}, så det finns inget utfall att visa.',
  'scorecard.otherYears': 'Andra år',
  'scorecard.toReport': 'Läs hela Klimatläget {year}',
  'scorecard.gateFailedList': 'Baskrav som inte var uppfyllda:',
  'scorecard.gateMeaning':
    'Med alla baskrav uppfyllda hade era {total} av {max} poäng ({share}) gett betyg {band} ({threshold}).',
  'scorecard.lost.review': 'Poäng som kansliet sätter vid granskningen och som ni inte fick: {points}.',
  'scorecard.outcome.scaleTitle': 'Så ges poängen för utfall',
  'scorecard.outcome.part': 'Del',
  'scorecard.outcome.level': 'Utsläpp per invånare',
  'scorecard.outcome.scaleNote': 'Annars 0 poäng. En del utan data räknas inte in i max.',
  // Session end, sign-in button and campaign dates (member contacts and the kansli).
  'session.ended.title': 'Du har loggats ut – logga in igen.',
  'session.ended.body':
    'Inloggningen gäller i 12 timmar. Sidan står kvar med det du har fyllt i: logga in i en ny flik och fortsätt sedan här.',
  'session.ended.signIn': 'Logga in igen',
  'session.ended.newTab': '(öppnas i en ny flik)',
  'session.ended.login': 'Du har loggats ut. Logga in igen för att fortsätta där du var.',
  'session.resumed': 'Du är inloggad igen och kan fortsätta.',
  'login.token.lead': 'Tryck på knappen för att logga in. Länken fungerar en gång.',
  'login.token.button': 'Logga in',
  'home.opens': 'Enkäten öppnar {date}.',
  'home.notOpen': 'Enkäten är inte öppen för svar ännu.',
  'home.closedEarly': 'Enkäten är stängd. Den stängdes före sista svarsdagen och tar inte längre emot svar.',
  // An organisation that may not answer the campaign (403 not_a_member; details.reason says which).
  'home.notMember.ended':
    'Er organisation är inte längre medlem i Klimatkommunerna (medlemskapet upphörde {date}) och kan inte svara på enkäten. Kontakta kansliet om det inte stämmer.',
  'home.notMember.notInCampaign':
    'Er organisation är inte medlem i Klimatkommunerna under de dagar enkäten tar emot svar och kan inte svara på den. Kontakta kansliet om det inte stämmer.',
  'home.notMember.notYet':
    'Er organisation blir medlem i Klimatkommunerna {date} och kan svara på enkäten från den dagen. Kontakta kansliet om det inte stämmer.',
  'home.notMember.mail': 'Mejla kansliet: {email}',
  // The general notice when the reason is not known (web/src/lib/not-a-member.ts; the home page and the survey).
  'survey.notMember': 'Er organisation är inte medlem i Klimatkommunerna för den här enkäten. Svaren kan inte ändras.',
  // How far the organisation has come (home page).
  'home.progress': '{answered} av {total} obligatoriska frågor besvarade',
  // A closed survey the organisation did not submit: history, not a to-do (home page).
  'home.unsubmitted': 'Ni skickade inte in några svar {year}.',
  'home.unsubmittedDraft':
    'Ni skickade inte in svaren {year}. Utkastet hade {answered} av {total} obligatoriska frågor besvarade.',
} as const;
