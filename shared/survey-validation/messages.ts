/**
 * What the draft checks find wrong with an answer: a stable code, the Swedish message (the API's
 * `message`, as every message it sends by default) and the English one (`messageEn`). Both travel
 * with each detail, so the page shows the person's language and can switch without asking again.
 */

/** The codes of the draft checks; submission adds `survey_<survey-core's error type>`. */
export type DraftProblemCode =
  | 'not_an_object'
  | 'wrong_type'
  | 'not_a_choice'
  | 'duplicate_choice'
  | 'too_long'
  | 'not_a_number'
  | 'number_not_storable'
  | 'not_on_step'
  | 'control_character'
  | 'unknown_field';

export interface Problem {
  code: DraftProblemCode;
  /** Swedish. */
  message: string;
  messageEn: string;
}

/** What an answer of the wrong type should have been, in Swedish and English. */
const EXPECTED = {
  text: ['en text', 'a text'],
  choice: ['ett av svarsalternativen', 'one of the choices'],
  choices: ['en lista med svarsalternativ', 'a list of choices'],
  yesNo: ['ja eller nej', 'yes or no'],
  trueFalse: ['ja eller nej (true eller false)', 'yes or no (true or false)'],
  textOrNumber: ['text eller tal', 'a text or a number'],
  parts: ['ett objekt med delsvar', 'an object of partial answers'],
  rowAnswers: ['ett svar per rad', 'one answer per row'],
  rows: ['en lista med rader', 'a list of rows'],
  panels: ['en lista med paneler', 'a list of panels'],
  files: ['en lista med filer', 'a list of files'],
  image: ['en bild', 'an image'],
  computed: ['ett beräknat värde', 'a computed value'],
} as const satisfies Record<string, readonly [string, string]>;

export type Expected = keyof typeof EXPECTED;

export const messages = {
  notAnObject: {
    code: 'not_an_object',
    message: 'Svaren måste skickas som ett objekt med frågenamn som nycklar.',
    messageEn: 'The answers must be sent as an object with question names as keys.',
  },
  expected: (what: Expected): Problem => ({
    code: 'wrong_type',
    message: `Fel typ av svar: ska vara ${EXPECTED[what][0]}.`,
    messageEn: `Wrong type of answer: it should be ${EXPECTED[what][1]}.`,
  }),
  notAChoice: (value: unknown): Problem => ({
    code: 'not_a_choice',
    message: `${JSON.stringify(value)} är inte ett av frågans svarsalternativ.`,
    messageEn: `${JSON.stringify(value)} is not one of the question's choices.`,
  }),
  duplicateChoice: (value: unknown): Problem => ({
    code: 'duplicate_choice',
    message: `Svarsalternativet ${JSON.stringify(value)} är valt mer än en gång.`,
    messageEn: `The choice ${JSON.stringify(value)} is selected more than once.`,
  }),
  tooLong: (max: number): Problem => ({
    code: 'too_long',
    message: `Svaret får vara högst ${max} tecken långt.`,
    messageEn: `The answer can be at most ${max} characters long.`,
  }),
  notANumber: {
    code: 'not_a_number',
    message: 'Fel typ av svar: ska vara ett tal.',
    messageEn: 'Wrong type of answer: it should be a number.',
  },
  notOnStep: (step: number): Problem =>
    step === 1
      ? { code: 'not_on_step', message: 'Ange ett heltal.', messageEn: 'Enter a whole number.' }
      : {
          code: 'not_on_step',
          message: `Ange ett tal i steg om ${String(step).replace('.', ',')}.`,
          messageEn: `Enter a number in steps of ${step}.`,
        },
  numberNotStorable: {
    code: 'number_not_storable',
    message: 'Talet är för stort eller för litet för att sparas. Kontrollera svaret.',
    messageEn: 'The number is too large or too small to be saved. Check the answer.',
  },
  controlCharacter: {
    code: 'control_character',
    message:
      'Svaret innehåller ett osynligt styrtecken, troligen från en inklistrad text. Skriv in svaret igen eller klistra in det som oformaterad text.',
    messageEn:
      'The answer contains an invisible control character, probably from pasted text. Type the answer again or paste it as plain text.',
  },
  unknownField: (key: string): Problem => ({
    code: 'unknown_field',
    message: `"${key}" hör inte till frågan.`,
    messageEn: `"${key}" is not part of the question.`,
  }),
} as const satisfies Record<string, Problem | ((...args: never[]) => Problem)>;
