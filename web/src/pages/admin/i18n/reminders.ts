import { addAdminStrings } from './index';

/** The reminders panel, on Översikt and on a campaign: Swedish and English, in the chunk of the code that shows them. */
export const svReminders = {
  'common.showAll': 'Visa alla ({count})',
  'common.showFewer': 'Visa färre',

  'reminders.title': 'Påminnelser',
  'reminders.publishedLocked':
    'Kampanjen är publicerad, så inga fler påminnelser skickas och policyn gäller inte längre. Loggen nedan visar vad som skickades.',
  'reminders.closedLocked':
    'Kampanjen är stängd, så inga påminnelser skickas och det finns inget att förhandsgranska. Loggen nedan visar vad som skickades.',
  'reminders.runBlocked.draft':
    'Påminnelser kan skickas först när kampanjen är öppen. Öppna den på kampanjsidan; förhandsgranskningen fungerar redan nu.',
  'reminders.runBlocked.notYetOpen': 'Kampanjen tar emot svar först från {opensAt}. Påminnelser kan skickas från då.',
  'reminders.runBlocked.deadlinePassed':
    'Sista svarsdagen passerade {closesAt}, så inga påminnelser skickas längre. Påminn en organisation med förlängd svarstid med ”Påminn nu”.',
  'reminders.previewDraftHint':
    'Kampanjen är ett utkast. Se vilka som skulle få ett mejl vid en viss tidpunkt om kampanjen är öppen då. Inget skickas.',
  'reminders.policy': 'Policy',
  'reminders.editPolicy': 'Ändra påminnelsepolicyn',
  'reminders.preview': 'Förhandsgranska utskick',
  'reminders.previewHint': 'Se vilka som skulle få ett mejl vid en viss tidpunkt. Inget skickas.',
  'reminders.at': 'Tidpunkt',
  'reminders.previewButton': 'Förhandsgranska',
  'reminders.previewDone': 'Förhandsgranskningen är klar: {count} mejl skulle skickas.',
  'reminders.runNow': 'Skicka aktuella påminnelser nu',
  'reminders.runTitle': 'Skicka påminnelser nu',
  'reminders.runBody':
    'Jobbet skickar det steg som är aktuellt just nu till alla som inte har svarat, enligt policyn. Ingen får samma steg två gånger.',
  'reminders.runConfirm': 'Skicka nu',
  'reminders.runCounting': 'Räknar vilka som får en påminnelse…',
  'reminders.runCount': '{count} kontaktpersoner får en påminnelse nu (antal organisationer: {organisations}).',
  'reminders.runCountNone':
    'Ingen får någon påminnelse just nu: inget steg är aktuellt, eller alla har redan fått det.',
  'reminders.runCountFailed': 'Det gick inte att räkna mottagarna: {message}',
  'reminders.runOutsideWindow':
    'Nu är det utanför sändfönstret ({window}), så inget skickas. Steget {step} är aktuellt och går ut av sig självt när fönstret öppnar, {date}. Behöver en organisation påminnas redan nu, använd "Påminn nu" på dess rad i översikten.',
  'reminders.stepDue': 'Aktuellt steg: {step} (från {at}).',
  'reminders.noStep': 'Inget påminnelsesteg är aktuellt vid den tidpunkten.',
  'reminders.nextSend': 'Nästa utskick: {step}, {at}.',
  'reminders.noNextSend': 'Inga fler utskick före sista svarsdagen.',
  'reminders.skippedBeforeOpening':
    'Inget skickas till de {count} kontaktpersonerna vid den tidpunkten: kampanjen tar emot svar först från {date}.',
  'reminders.skippedBeforeOpeningOne':
    'Inget skickas till kontaktpersonen vid den tidpunkten: kampanjen tar emot svar först från {date}.',
  'reminders.skippedNotTakingAnswers':
    'Inget skickas till de {count} kontaktpersonerna vid den tidpunkten: kampanjen tar bara emot svar till {date}.',
  'reminders.skippedNotTakingAnswersOne':
    'Inget skickas till kontaktpersonen vid den tidpunkten: kampanjen tar bara emot svar till {date}.',
  'reminders.skippedOutsideWindow':
    'Inget skickas till de {count} kontaktpersonerna vid den tidpunkten: den ligger utanför sändfönstret ({window}).',
  'reminders.skippedOutsideWindowOne':
    'Inget skickas till kontaktpersonen vid den tidpunkten: den ligger utanför sändfönstret ({window}).',
  'reminders.skippedOutsideWindowStep':
    'Inget skickas till de {count} kontaktpersonerna vid den tidpunkten: den ligger utanför sändfönstret ({window}). Det som återstår av steget {step} går ut när fönstret öppnar, {date}.',
  'reminders.wouldSend': '{count} mejl skulle skickas.',
  'reminders.deferred':
    '{count} mejl hann inte skickas inom tidsgränsen. De skickas vid nästa schemalagda körning (inom en timme), eller kör igen nu.',
  'reminders.sent': '{count} mejl skickades, {failed} misslyckades.',
  'reminders.recipients': 'Mottagare',
  'reminders.skipped': 'Hoppas över ({count})',
  'reminders.log': 'Logg över utskick',
  'reminders.logCaption': 'Utskick i kampanjen, senaste först ({count})',
  'reminders.logEmpty': 'Inga utskick ännu.',
  'reminders.removedContact': 'Borttagen kontakt',
  'reminders.nowContact': '(nu: {name}, {email})',
  'reminders.attempts': '{count} försök',
  'remindNow.title': 'Påminn {name} nu?',
  'remindNow.body':
    'Ett mejl med en inloggningslänk skickas nu till organisationens kontaktpersoner som kan nås, utanför påminnelseschemat och sändfönstret: inbjudan till den som inte har fått den, en påminnelse till övriga. Samma kontaktperson får högst ett mejl per dag härifrån, så ett andra klick i dag skickar inget.',
  'remindNow.notReached': 'Får inget mejl:',
  'remindNow.confirm': 'Skicka påminnelsen',
  'remindNow.sent': 'Påminnelse skickad till {names}.',
  'remindNow.failed': 'Kunde inte skicka till {names}: försök igen om en stund.',
  'remindNow.skipped': 'Inget mejl till {names}.',
  'remindNow.alreadyToday': 'redan påmind i dag',
  // "Påminn nu" to a contact who has not had the invitation sends the invitation (docs/reminders.md).
  'remindNow.invited': 'Inbjudan skickad till {names}.',
  'remindNow.invitedToday': 'fick inbjudan i dag',
  'remindNow.planning': 'Tar reda på vem som får vad…',
  'remindNow.planFailed': 'Det gick inte att ta reda på vem som får vad: {message}',
  'remindNow.willInvite': '{names} får inbjudan',
  'remindNow.willInviteOne': '{names} får inbjudan',
  'remindNow.willRemind': '{names} får en påminnelse',
  'remindNow.willRemindOne': '{names} får en påminnelse',
  'remindNow.nobody': 'Ingen får något mejl nu.',
  'remindNow.confirmInvitation': 'Skicka inbjudan',
  'remindNow.confirmMixed': 'Skicka mejlen',
  'reminders.unsubscribedRecipient': 'Avregistrerad – får bara inbjudan',
  'policy.invitation': 'Inbjudan skickas när kampanjen öppnar.',
  'policy.noInvitation': 'Ingen inbjudan när kampanjen öppnar.',
  'policy.steps': 'Påminnelser {steps} dagar före sista svarsdag.',
  'policy.stepsLastDay': 'Påminnelser {steps} dagar före sista svarsdag, och på morgonen sista dagen.',
  'policy.onlyLastDay': 'En påminnelse på morgonen sista dagen.',
  'policy.noSteps': 'Inga påminnelser.',
  'policy.leftOutByDates':
    '{step} skickas inte eftersom datumen inte tillåter det. Det kommer tillbaka om datumen ändras så att det får plats, och nästa års kampanj börjar med det.',
  'policy.leftOut.invitation': 'Inbjudan när kampanjen öppnar',
  'policy.leftOut.step': 'Påminnelsen {days} dagar före sista svarsdag',
  'policy.leftOut.lastDay': 'Påminnelsen på morgonen sista dagen',
  'policy.minDays': 'Minst {days} dagar mellan två mejl till samma person.',
  'policy.max': 'Högst {count} påminnelser per person.',
  'policy.window':
    'Skickas {days} kl. {start}–{end}, utom på helgdagar, julafton, midsommarafton och nyårsafton (ett steg som infaller då skickas nästa arbetsdag).',
  'weekday.mon': 'mån',
  'weekday.tue': 'tis',
  'weekday.wed': 'ons',
  'weekday.thu': 'tors',
  'weekday.fri': 'fre',
  'weekday.sat': 'lör',
  'weekday.sun': 'sön',
  'delivery.claimed': 'Pågår',
  'delivery.sent': 'Skickat',
  'delivery.failed': 'Misslyckades',
  'col.organisation': 'Organisation',
  'col.contact': 'Kontakt',
  'col.step': 'Steg',
  'col.variant': 'Mejl',
  'col.delivery': 'Leverans',
  // Singular forms: `t` takes `<key>One` for a count of one (web/src/i18n/index.tsx).
  'reminders.previewDoneOne': 'Förhandsgranskningen är klar: {count} mejl skulle skickas.',
  'reminders.wouldSendOne': '{count} mejl skulle skickas.',
  'reminders.deferredOne':
    '{count} mejl hann inte skickas inom tidsgränsen. Det skickas vid nästa schemalagda körning (inom en timme), eller kör igen nu.',
  'reminders.sentOne': '{count} mejl skickades, {failed} misslyckades.',
  'reminders.runCountOne': '{count} kontaktperson får en påminnelse nu (antal organisationer: {organisations}).',
  'reminders.attemptsOne': '{count} försök',
  'policy.maxOne': 'Högst {count} påminnelse per person.',
  // The schedule on the campaign's dates, and why a step is not sent (lib/reminder-plan-text.ts).
  'schedule.title': 'Utskick enligt schemat',
  'schedule.none': 'Inga utskick ryms mellan datumen.',
  'schedule.line': '{step}: {due}',
  'schedule.lineMoved': '{step}: {due} (i stället för {nominal})',
  'schedule.lineSuperseded': '{step}: skickas inte ({nominal}, flyttas till samma tid som ”{later}”)',
  'schedule.superseded': '{step} ({nominal}) flyttas till {due}, samma tid som {later}, och skickas inte.',
  'schedule.phrase.invitation': 'inbjudan',
  'schedule.phrase.days': 'påminnelsen {days} dagar före',
  'schedule.phrase.lastDay': 'påminnelsen sista dagen',
  'schedule.warningsTitle': 'Med de här datumen skickas inte allt som policyn säger:',
} as const;

export const enReminders: Record<keyof typeof svReminders, string> = {
  'common.showAll': 'Show all ({count})',
  'common.showFewer': 'Show fewer',

  'reminders.title': 'Reminders',
  'reminders.publishedLocked':
    'The campaign is published, so no more reminders are sent and the policy no longer applies. The log below shows what was sent.',
  'reminders.closedLocked':
    'The campaign is closed, so no reminders are sent and there is nothing to preview. The log below shows what was sent.',
  'reminders.runBlocked.draft':
    'Reminders can be sent once the campaign is open. Open it on the campaign page; the preview works already.',
  'reminders.runBlocked.notYetOpen': 'The campaign takes answers from {opensAt}. Reminders can be sent from then.',
  'reminders.runBlocked.deadlinePassed':
    'The deadline passed on {closesAt}, so no more reminders are sent. Remind an organisation with an extended deadline with “Remind now”.',
  'reminders.previewDraftHint':
    'The campaign is a draft. See who would get an email at a given time if the campaign is open then. Nothing is sent.',
  'reminders.policy': 'Policy',
  'reminders.editPolicy': 'Change the reminder policy',
  'reminders.preview': 'Preview mailings',
  'reminders.previewHint': 'See who would get an email at a given time. Nothing is sent.',
  'reminders.at': 'Time',
  'reminders.previewButton': 'Preview',
  'reminders.previewDone': 'Preview ready: {count} emails would be sent.',
  'reminders.runNow': 'Send due reminders now',
  'reminders.runTitle': 'Send reminders now',
  'reminders.runBody':
    'The job sends the step that is due now to everyone who has not answered, as the policy says. Nobody gets the same step twice.',
  'reminders.runConfirm': 'Send now',
  'reminders.runCounting': 'Counting who will get a reminder…',
  'reminders.runCount': '{count} contacts will get a reminder now (organisations: {organisations}).',
  'reminders.runCountNone': 'Nobody gets a reminder now: no step is due, or everyone has already had it.',
  'reminders.runCountFailed': 'The recipients could not be counted: {message}',
  'reminders.runOutsideWindow':
    'It is outside the send window ({window}) now, so nothing is sent. The step {step} is due and goes out by itself when the window opens, {date}. If an organisation needs a reminder sooner, use "Remind now" on its row in the overview.',
  'reminders.stepDue': 'Due step: {step} (from {at}).',
  'reminders.noStep': 'No reminder step is due at that time.',
  'reminders.nextSend': 'Next emails: {step}, {at}.',
  'reminders.noNextSend': 'No more emails go out before the deadline.',
  'reminders.skippedBeforeOpening':
    'Nothing goes to the {count} contacts at that time: the campaign takes answers only from {date}.',
  'reminders.skippedBeforeOpeningOne':
    'Nothing goes to the contact at that time: the campaign takes answers only from {date}.',
  'reminders.skippedNotTakingAnswers':
    'Nothing goes to the {count} contacts at that time: the campaign takes answers only until {date}.',
  'reminders.skippedNotTakingAnswersOne':
    'Nothing goes to the contact at that time: the campaign takes answers only until {date}.',
  'reminders.skippedOutsideWindow':
    'Nothing goes to the {count} contacts at that time: it is outside the send window ({window}).',
  'reminders.skippedOutsideWindowOne':
    'Nothing goes to the contact at that time: it is outside the send window ({window}).',
  'reminders.skippedOutsideWindowStep':
    'Nothing goes to the {count} contacts at that time: it is outside the send window ({window}). What is left of the step {step} goes out when the window opens, {date}.',
  'reminders.wouldSend': '{count} emails would be sent.',
  'reminders.deferred':
    '{count} emails did not fit in the time limit. They go out with the next scheduled run (within the hour), or run again now.',
  'reminders.sent': '{count} emails sent, {failed} failed.',
  'reminders.recipients': 'Recipients',
  'reminders.skipped': 'Skipped ({count})',
  'reminders.log': 'Mailing log',
  'reminders.logCaption': 'Mailings in the campaign, newest first ({count})',
  'reminders.logEmpty': 'No mailings yet.',
  'reminders.removedContact': 'Removed contact',
  'reminders.nowContact': '(now: {name}, {email})',
  'reminders.attempts': '{count} attempts',
  'remindNow.title': 'Remind {name} now?',
  'remindNow.body':
    "An email with a sign-in link is sent now to the organisation's contacts who can be reached, outside the reminder schedule and the send window: the invitation to anyone who has not had it, a reminder to the others. A contact gets at most one email a day from here, so a second click today sends nothing.",
  'remindNow.notReached': 'Will not get an email:',
  'remindNow.confirm': 'Send the reminder',
  'remindNow.sent': 'Reminder sent to {names}.',
  'remindNow.failed': 'Could not send to {names}: try again in a while.',
  'remindNow.skipped': 'No email to {names}.',
  'remindNow.alreadyToday': 'already reminded today',
  'remindNow.invited': 'Invitation sent to {names}.',
  'remindNow.invitedToday': 'had the invitation today',
  'remindNow.planning': 'Finding out who gets what…',
  'remindNow.planFailed': 'Could not find out who gets what: {message}',
  'remindNow.willInvite': '{names} get the invitation',
  'remindNow.willInviteOne': '{names} gets the invitation',
  'remindNow.willRemind': '{names} get a reminder',
  'remindNow.willRemindOne': '{names} gets a reminder',
  'remindNow.nobody': 'Nobody gets an email now.',
  'remindNow.confirmInvitation': 'Send the invitation',
  'remindNow.confirmMixed': 'Send the emails',
  'reminders.unsubscribedRecipient': 'Unsubscribed – gets the invitation only',
  'policy.invitation': 'An invitation is sent when the campaign opens.',
  'policy.noInvitation': 'No invitation when the campaign opens.',
  'policy.steps': 'Reminders {steps} days before the deadline.',
  'policy.stepsLastDay': 'Reminders {steps} days before the deadline, and on the morning of the last day.',
  'policy.onlyLastDay': 'One reminder on the morning of the last day.',
  'policy.noSteps': 'No reminders.',
  'policy.leftOutByDates':
    "{step} is not sent because the dates do not allow it. It comes back if the dates are changed so that it fits, and next year's campaign starts with it.",
  'policy.leftOut.invitation': 'The invitation when the campaign opens',
  'policy.leftOut.step': 'The reminder {days} days before the deadline',
  'policy.leftOut.lastDay': 'The reminder on the morning of the last day',
  'policy.minDays': 'At least {days} days between two emails to one person.',
  'policy.max': 'At most {count} reminders per person.',
  'policy.window':
    "Sent {days}, {start}–{end}, except on Swedish public holidays, Christmas Eve, Midsummer Eve and New Year's Eve (a step that falls on one goes out on the next working day).",
  'weekday.mon': 'Mon',
  'weekday.tue': 'Tue',
  'weekday.wed': 'Wed',
  'weekday.thu': 'Thu',
  'weekday.fri': 'Fri',
  'weekday.sat': 'Sat',
  'weekday.sun': 'Sun',
  'delivery.claimed': 'In progress',
  'delivery.sent': 'Sent',
  'delivery.failed': 'Failed',
  'col.organisation': 'Organisation',
  'col.contact': 'Contact',
  'col.step': 'Step',
  'col.variant': 'Email',
  'col.delivery': 'Delivery',
  // Singular forms: `t` takes `<key>One` for a count of one (web/src/i18n/index.tsx).
  'reminders.previewDoneOne': 'Preview ready: {count} email would be sent.',
  'reminders.wouldSendOne': '{count} email would be sent.',
  'reminders.deferredOne':
    '{count} email did not fit in the time limit. It goes out with the next scheduled run (within the hour), or run again now.',
  'reminders.sentOne': '{count} email sent, {failed} failed.',
  'reminders.runCountOne': '{count} contact will get a reminder now (organisations: {organisations}).',
  'reminders.attemptsOne': '{count} attempt',
  'policy.maxOne': 'At most {count} reminder per person.',
  'schedule.title': 'Emails on the schedule',
  'schedule.none': 'No email fits between the dates.',
  'schedule.line': '{step}: {due}',
  'schedule.lineMoved': '{step}: {due} (instead of {nominal})',
  'schedule.lineSuperseded': '{step}: not sent ({nominal}, moves to the same time as “{later}”)',
  'schedule.superseded': '{step} ({nominal}) moves to {due}, the same time as {later}, and is not sent.',
  'schedule.phrase.invitation': 'the invitation',
  'schedule.phrase.days': 'the reminder {days} days before',
  'schedule.phrase.lastDay': 'the last-day reminder',
  'schedule.warningsTitle': 'With these dates, not everything the policy says is sent:',
};

addAdminStrings(svReminders, enReminders);
