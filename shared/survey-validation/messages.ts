/** Swedish validation messages, shown to members and returned by the API. */
export const messages = {
  notAnObject: 'Svaren måste skickas som ett objekt med frågenamn som nycklar.',
  expected: (what: string) => `Fel typ av svar: ska vara ${what}.`,
  notAChoice: (value: unknown) => `${JSON.stringify(value)} är inte ett av frågans svarsalternativ.`,
  duplicateChoice: (value: unknown) => `Svarsalternativet ${JSON.stringify(value)} är valt mer än en gång.`,
  tooLong: (max: number) => `Svaret får vara högst ${max} tecken långt.`,
  notANumber: 'Fel typ av svar: ska vara ett tal.',
  unknownField: (key: string) => `"${key}" hör inte till frågan.`,
} as const;
