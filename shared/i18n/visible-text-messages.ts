/**
 * The words of the visible-text refusals (`shared/schemas/visible-text.ts`). Part of the input
 * messages' table, and a module of their own so the console's forms can say them before sending
 * without loading the whole table (about 3 KB gzip on every console page).
 */
export const VISIBLE_TEXT_MESSAGES = {
  textControlCharacter: {
    sv: 'Texten innehåller ett osynligt styrtecken (till exempel NUL) som inte är tillåtet. Ta bort det.',
    en: 'The text contains an invisible control character (for example NUL) that is not allowed. Remove it.',
  },
  textLineBreak: {
    sv: 'Skriv på en rad: radbrytningar och tabbar är inte tillåtna här.',
    en: 'Write on one line: line breaks and tabs are not allowed here.',
  },
  textInvisibleOnly: {
    sv: 'Skriv text med synliga tecken, inte bara mellanslag eller osynliga tecken.',
    en: 'Write text with visible characters, not only spaces or invisible characters.',
  },
} as const;
