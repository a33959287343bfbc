/**
 * Swedish strings of the survey page and its conflict dialog: they ride in the survey page's chunk,
 * which adds them with addSwedish, instead of weighing on every other page. A key another page
 * uses belongs in sv-common.ts (here, that page would show the bare key).
 */
export const svSurvey = {
  'survey.title': 'Fyll i medlemstestet',
  'survey.loading': 'Laddar enkäten…',
  'survey.save.idle': 'Ändringar sparas automatiskt',
  'survey.save.saving': 'Sparar…',
  'survey.save.saved': 'Sparat {time}',
  'survey.save.retrying': 'Kunde inte spara – försöker igen',
  'survey.save.failed': 'Kunde inte spara: {message}',
  'survey.save.conflict': 'Någon annan har sparat – välj vilka svar som ska gälla',
  'survey.save.retryNow': 'Försök nu',
  // A number field showing a value it cannot record (out of range), and one being typed.
  'survey.save.unrecordedOne': 'Inte sparat – ett svar behöver rättas',
  'survey.save.unrecorded': 'Inte sparat – {count} svar behöver rättas',
  // A whole-number field holding a decimal (not saved, as a number out of range).
  'survey.wholeNumber': 'Ange ett heltal',
  'survey.save.showUnrecorded': 'Gå till svaret',
  'survey.save.onLeave': 'Sparas när du lämnar fältet',
  // Leaving the survey inside the app (a link, Back) with a number out of range.
  'survey.leave.titleOne': 'Ett svar är inte sparat',
  'survey.leave.title': '{count} svar är inte sparade',
  'survey.leave.bodyNamed':
    'Svaret på ”{question}” behöver rättas innan det kan sparas. Om du lämnar enkäten nu försvinner det.',
  'survey.leave.body': 'Svaren behöver rättas innan de kan sparas. Om du lämnar enkäten nu försvinner de.',
  'survey.leave.stay': 'Stanna och rätta',
  'survey.leave.anyway': 'Lämna enkäten ändå',
  // Leaving inside the app when what is pending could not be stored (failing, retrying, a conflict).
  'survey.leave.unsavedTitle': 'Dina senaste svar är inte sparade',
  'survey.leave.unsavedBody':
    'Det gick inte att spara dina senaste svar. Om du lämnar enkäten nu kan de gå förlorade. Stanna kvar och försök igen, eller lämna enkäten ändå.',
  'survey.leave.alsoNamed': 'Dessutom behöver svaret på ”{question}” rättas innan det kan sparas.',
  'survey.leave.also': 'Dessutom behöver {count} svar rättas innan de kan sparas.',
  'survey.leave.stayUnsaved': 'Stanna kvar',
  // The dialog above once a retry has stored the answers while it is open.
  'survey.leave.storedTitle': 'Dina svar är sparade nu',
  'survey.leave.storedBody':
    'Svaren som inte gick att spara är sparade nu. Du kan lämna enkäten utan att något går förlorat.',
  'survey.leave.go': 'Lämna enkäten',
  // Leaving (or closing the tab) after a lock, with "Visa det du skrev" listing what was not saved.
  'survey.leave.copyTitle': 'Det du skrev försvinner',
  'survey.leave.copyBody':
    'Svaren under ”Visa det du skrev” är inte sparade och finns bara på den här sidan. Om du lämnar enkäten nu försvinner de. Kopiera dem först om du vill ha kvar dem.',
  // The stored answers replaced the page's quietly (the other contact saved, nothing of the person's unsaved).
  'survey.fresh.byAt': 'Svaren uppdaterades med ändringar som {name} sparade kl. {time}.',
  'survey.fresh.by': 'Svaren uppdaterades med ändringar som {name} sparade.',
  'survey.fresh.at': 'Svaren uppdaterades med ändringar som sparades kl. {time}.',
  'survey.fresh.plain': 'Svaren uppdaterades med ändringar som sparats sedan sidan öppnades.',
  'survey.prefilledFrom': '{source}. Uppgiften är förifylld och kan inte ändras här.',
  'survey.readOnlySubmitted': 'Svaren är inskickade och kan inte längre ändras.',
  'survey.notOpenYet': 'Enkäten har inte öppnat för svar ännu.',
  'survey.opensAt': 'Enkäten har inte öppnat för svar ännu. Den öppnar {date}.',
  'survey.closed': 'Enkäten är stängd. Svaren kan inte längre ändras.',
  'survey.toReceipt': 'Visa kvittot',
  // A save refused because the survey locked meanwhile (submitted by the other contact, closed):
  // the page shows what is stored and says what the person typed that was not saved.
  'survey.lost.submittedBy': 'Svaren skickades in av {name} {date}.',
  'survey.lost.submitted': 'Svaren skickades in {date}.',
  'survey.lost.notSaved': 'Dina senaste ändringar sparades inte: {questions}.',
  'survey.lost.notSavedOne': 'Din senaste ändring sparades inte: {questions}.',
  'survey.lost.more': '{count} till',
  'survey.lost.showsSubmitted': 'Fälten visar nu svaren som skickades in.',
  'survey.lost.showsStored': 'Fälten visar nu de sparade svaren.',
  'survey.lost.none': 'Allt du hade skrivit var redan sparat.',
  'survey.lost.notLoaded':
    'De sparade svaren kunde inte hämtas, så fälten kan visa ändringar som inte sparades: {questions}.',
  'survey.lost.load': 'Hämta de sparade svaren',
  'survey.lost.loading': 'Hämtar…',
  'survey.lost.show': 'Visa det du skrev ({count} svar)',
  'survey.lost.showOne': 'Visa det du skrev ({count} svar)',
  'survey.lost.keep':
    'Texten finns bara här tills du lämnar sidan. Kopiera det du vill behålla, till exempel om kansliet öppnar svaren igen.',
  'survey.lost.bar': 'Dina senaste ändringar sparades inte.',
  'survey.lost.barOne': 'Din senaste ändring sparades inte.',
  'survey.lost.barShow': 'Visa vilka',
  'survey.complete': 'Skicka in',
  'survey.confirm.title': 'Skicka in svaren?',
  'survey.confirm.body': 'Efter inskickning kan svaren inte ändras. Svaren gäller för hela {organisation}.',
  'survey.confirm.submit': 'Ja, skicka in',
  'survey.confirm.cancel': 'Avbryt',
  'survey.submitting': 'Skickar in…',
  'survey.submitErrors.title': 'Några svar behöver rättas innan du kan skicka in',
  'survey.submitConflict': 'Någon annan sparade precis innan du skickade in. Kontrollera svaren och skicka in igen.',
  'survey.saveBeforeSubmit': 'Svaren kunde inte sparas innan inskickningen. Försök igen.',
  'survey.noCampaign': 'Det finns ingen öppen enkät just nu.',
  'survey.deadline': 'Sista dag: {date}',
  'survey.carryOver.title': 'Utgå från era svar från {year}?',
  'survey.carryOver.body':
    'Ni skickade in medlemstestet {year}. {count} av de svaren passar årets frågor och kan fyllas i där ni inte har svarat i år. Inget ni redan har fyllt i ändras. Gå igenom svaren innan ni skickar in.',
  'survey.carryOver.fill': 'Fyll i svaren från {year}',
  'survey.carryOver.filling': 'Fyller i…',
  'survey.carryOver.dismiss': 'Nej tack',
  'survey.carryOver.done': '{count} svar fylldes i från {year}. Gå igenom dem innan ni skickar in.',
  'survey.carryOver.nothing': 'Det fanns inga fler svar att hämta från {year}.',
  'survey.carryOver.saveFirst': 'Era senaste ändringar kunde inte sparas, så inget fylldes i. Försök igen.',
  'survey.carryOver.conflict': 'Någon annan sparade precis innan, så inget fylldes i. Försök igen.',
  'conflict.title': 'Någon annan har sparat under tiden',
  'conflict.intro': '{name} sparade {date}. Välj vilka svar som ska gälla för varje fråga som skiljer sig.',
  'conflict.someone': 'En annan kontaktperson',
  'conflict.theirs': 'Deras svar',
  'conflict.mine': 'Ditt svar',
  'conflict.keepMine': 'Behåll mitt svar',
  'conflict.takeTheirs': 'Ta deras svar',
  'conflict.takeAllTheirs': 'Ta alla deras svar',
  'conflict.apply': 'Spara valen',
  'conflict.chooseEach': 'Välj ett svar för varje fråga innan du sparar.',
  'conflict.autoMerged':
    '{name} sparade ändringar samtidigt som du. Deras svar på {count} frågor som du inte ändrat har lagts in.',
  'conflict.autoMergedOne':
    '{name} sparade ändringar samtidigt som du. Deras svar på {count} fråga som du inte ändrat har lagts in.',
  'conflict.comment': 'fritext',
  'conflict.empty': '(inget svar)',
  'conflict.onlyTheirs': 'De ändrade också {count} frågor som du inte har rört. Deras svar på dem behålls.',
  'conflict.onlyTheirsOne': 'De ändrade också {count} fråga som du inte har rört. Deras svar på den behålls.',
  // Where a question stands (conflict dialog, error lists), and a save the server refused.
  'survey.context.page': 'Sida: {page}',
  'survey.context.pageQuestion': 'Sida: {page} · Fråga: {question}',
  'survey.saveErrors.title': 'Svaren kunde inte sparas',
  'survey.saveErrors.body': 'De här svaren godtogs inte. Rätta dem och välj sedan ”Försök nu”.',
  'survey.saveErrors.whole': 'Svaren',
  // The summary of what to correct before submitting, grouped by page.
  'survey.submitErrors.intro': 'Välj en fråga för att gå till den. Listan blir kortare när du rättar.',
  'survey.submitErrors.partOf': 'hör till: {question}',
  'survey.submitErrors.other': 'Övrigt',
  'survey.toc.menu': 'Enkätens sidor',
  // The menu button's name on a phone when pages have answers to correct (the eye sees a "!" on it).
  'survey.toc.menuErrorsOne': 'Enkätens sidor (svar att rätta på {count} sida)',
  'survey.toc.menuErrors': 'Enkätens sidor (svar att rätta på {count} sidor)',
  // After a page's title in the table of contents, for screen readers (the eye sees "!" and the count).
  'survey.toc.errors': '(svar att rätta: {count})',
  // After a page's title in the progress bar, for screen readers, when every required question on it is answered (the eye sees a ✓).
  'survey.progress.done': '(klar)',
  // Under the page progress bar on a phone, where the steps have no room for their titles.
  'survey.progress.pageOf': 'Sida {page} av {count}',
} as const;
