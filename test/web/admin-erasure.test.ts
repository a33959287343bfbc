import { describe, expect, it } from 'vitest';
import type { AddressErasureResult, ErasureResult } from '../../shared/schemas/privacy.schema';
import { ApiError } from '../../web/src/api/client';
import { format } from '../../web/src/i18n';
import type { AdminKey, AdminT } from '../../web/src/pages/admin/i18n';
import { en } from '../../web/src/pages/admin/i18n/en';
import { sv } from '../../web/src/pages/admin/i18n/sv';
import {
  addressErasureCountItems,
  addressErasureStep,
  addressErasureStop,
  addressError,
  contactErasedMessage,
  ERASURE_COUNTS,
  erasedAnything,
  erasedOrganisations,
  erasureCountItems,
} from '../../web/src/pages/admin/lib/erasure';

const tIn =
  (dictionary: Record<AdminKey, string>): AdminT =>
  (key, params) =>
    format(dictionary[key], params);
const tSv = tIn(sv);
const tEn = tIn(en);

const zeros = {
  sessionsEnded: 0,
  outboxDeleted: 0,
  loginTokensDeleted: 0,
  reminderLogRedacted: 0,
  responsesRedacted: 0,
  auditRedacted: 0,
};
const removed = (contactId: string, organisationId: string) => ({ contactId, organisationId, removedBefore: true });

describe('the counts of an erasure', () => {
  it('labels every count the API answers, in the order the dialogs list the steps', () => {
    const result: AddressErasureResult = {
      contacts: [],
      sessionsEnded: 1,
      loginTokensDeleted: 2,
      outboxDeleted: 3,
      reminderLogRedacted: 4,
      responsesRedacted: 5,
      auditRedacted: 6,
    };
    expect(erasureCountItems(result, tSv)).toEqual([
      { key: 'sessionsEnded', label: 'Avslutade inloggningar', value: 1 },
      { key: 'loginTokensDeleted', label: 'Borttagna inloggningslänkar', value: 2 },
      { key: 'outboxDeleted', label: 'Raderade e-postmeddelanden', value: 3 },
      { key: 'reminderLogRedacted', label: 'Rensade poster i påminnelseloggen', value: 4 },
      { key: 'responsesRedacted', label: 'Svar som nu visar ”raderad kontakt”', value: 5 },
      { key: 'auditRedacted', label: 'Loggposter rensade från namn och adress', value: 6 },
    ]);
    expect(erasureCountItems(result, tEn).map((item) => item.label)).toEqual([
      'Sign-ins ended',
      'Sign-in links deleted',
      'Emails deleted',
      'Reminder-log entries cleared',
      'Responses now showing “raderad kontakt”',
      'Log entries cleared of name and address',
    ]);
  });

  it('covers every count in the shared schema', () => {
    // A count added to the API but not to the console would go unseen.
    const keys = Object.keys(zeros).sort();
    expect(ERASURE_COUNTS.map(([key]) => key).sort()).toEqual(keys);
  });
});

describe('erasing a contact from the organisation page', () => {
  const result: ErasureResult = {
    contactId: 'c-now',
    organisationId: '1763',
    contacts: [removed('c-now', '1763')],
    ...zeros,
    sessionsEnded: 1,
    outboxDeleted: 2,
    loginTokensDeleted: 1,
  };

  it('announces the counts, the sign-in links and the log among them', () => {
    expect(contactErasedMessage('Åsa Testperson', result, tSv)).toBe(
      'Personuppgifterna för Åsa Testperson är raderade. Avslutade inloggningar: 1. Borttagna inloggningslänkar: 1. ' +
        'Raderade e-postmeddelanden: 2. Rensade poster i påminnelseloggen: 0. Svar som nu visar ”raderad kontakt”: 0. ' +
        'Loggposter rensade från namn och adress: 0.',
    );
  });

  it('says how many earlier records under the same address went with it', () => {
    const withEarlier = { ...result, contacts: [removed('c-now', '1763'), removed('c-old', '1281')] };
    expect(contactErasedMessage('Åsa Testperson', withEarlier, tSv)).toMatch(
      / Uppgifter om tidigare borttagna kontakter med samma adress som också raderades: 1\.$/,
    );
    expect(contactErasedMessage('Åsa Testperson', withEarlier, tEn)).toMatch(
      /^The personal data of Åsa Testperson is erased\. Sign-ins ended: 1\. .* also erased: 1\.$/,
    );
  });
});

describe('erasing by address', () => {
  const found: AddressErasureResult = {
    contacts: [removed('c1', '1763'), removed('c2', '1281'), removed('c3', '1763')],
    ...zeros,
    outboxDeleted: 2,
  };

  it('reports what it erased, with the records of removed contacts', () => {
    expect(erasedAnything(found)).toBe(true);
    expect(addressErasureCountItems(found, tSv).map((item) => `${item.label}: ${item.value}`)).toEqual([
      'Avslutade inloggningar: 0',
      'Borttagna inloggningslänkar: 0',
      'Raderade e-postmeddelanden: 2',
      'Rensade poster i påminnelseloggen: 0',
      'Svar som nu visar ”raderad kontakt”: 0',
      'Loggposter rensade från namn och adress: 0',
      'Raderade uppgifter om borttagna kontakter: 3',
    ]);
    expect(addressErasureCountItems(found, tEn).at(-1)).toEqual({
      key: 'contacts',
      label: 'Records of removed contacts erased',
      value: 3,
    });
    expect(erasedOrganisations(found.contacts)).toEqual(['1763', '1281']);
  });

  it('counts a record alone, or one count alone, as something erased', () => {
    expect(erasedAnything({ ...found, outboxDeleted: 0 })).toBe(true);
    expect(erasedAnything({ contacts: [], ...zeros, auditRedacted: 1 })).toBe(true);
  });

  it('says that nothing was left when a repeat answers zeros', () => {
    const nothing: AddressErasureResult = { contacts: [], ...zeros };
    expect(erasedAnything(nothing)).toBe(false);
    expect(format(sv['former.nothingTitle'], { email: 'asa@example.se' })).toBe(
      'Inget fanns kvar att radera om asa@example.se',
    );
    expect(format(en['former.nothingTitle'], { email: 'asa@example.se' })).toMatch(
      /^Nothing was left to erase about asa@/,
    );
  });
});

describe('what the page does with an answer', () => {
  const result: AddressErasureResult = { contacts: [removed('c1', '1763')], ...zeros, outboxDeleted: 2 };
  const incomplete = new ApiError(409, 'erasure_incomplete', 'Fler loggposter återstår.');
  const unavailable = new ApiError(503, 'store_unavailable', 'Tjänsten är tillfälligt otillgänglig.');
  const offline = new ApiError(0, 'network', 'Failed to fetch');

  it('moves focus to the heading of an answer it shows, and announces nothing as well', () => {
    // The heading's section holds the counts; a live region too would have them read twice.
    for (const via of ['dialog', 'continue'] as const) {
      expect(addressErasureStep('asa@example.se', { result }, via, tSv)).toEqual({
        outcome: { kind: 'done', email: 'asa@example.se', result },
        focus: 'outcome',
      });
      expect(addressErasureStep('asa@example.se', { error: incomplete }, via, tSv)).toEqual({
        outcome: { kind: 'incomplete', email: 'asa@example.se' },
        focus: 'outcome',
      });
      const inRegister = new ApiError(409, 'address_in_register', '', {
        contacts: [{ contactId: 'c1', organisationId: '1763' }],
      });
      expect(addressErasureStep('asa@example.se', { error: inRegister }, via, tSv)).toEqual({
        outcome: {
          kind: 'in-register',
          email: 'asa@example.se',
          contacts: [{ contactId: 'c1', organisationId: '1763' }],
        },
        focus: 'outcome',
      });
    }
  });

  it('puts a refused address on the field', () => {
    const invalid = new ApiError(400, 'invalid_input', 'Indata är ogiltiga.', [{ path: ['email'], message: 'x' }]);
    expect(addressErasureStep('asa@example', { error: invalid }, 'continue', tEn)).toEqual({
      outcome: null,
      fieldError: en['error.email'],
      focus: 'field',
    });
  });

  it('leaves any other error to the confirmation dialog', () => {
    expect(addressErasureStep('asa@example.se', { error: unavailable }, 'dialog', tSv)).toBeNull();
    expect(addressErasureStep('asa@example.se', { error: new Error('boom') }, 'dialog', tSv)).toBeNull();
  });

  it('keeps focus on "Fortsätt radera" when it fails, and shows and announces why', () => {
    expect(addressErasureStep('asa@example.se', { error: unavailable }, 'continue', tSv)).toEqual({
      outcome: { kind: 'incomplete', email: 'asa@example.se', failure: 'Tjänsten är tillfälligt otillgänglig.' },
      focus: 'button',
      announce: 'Tjänsten är tillfälligt otillgänglig.',
    });
    // No words from the server (offline): the console's own, in its language.
    const step = addressErasureStep('asa@example.se', { error: offline }, 'continue', tEn);
    expect(step).toMatchObject({ focus: 'button', announce: en['error.generic'] });
    expect(step?.outcome).toEqual({ kind: 'incomplete', email: 'asa@example.se', failure: en['error.generic'] });
  });
});

describe('the API’s refusals of an erasure by address', () => {
  it('continues on erasure_incomplete', () => {
    const error = new ApiError(409, 'erasure_incomplete', 'Fler loggposter återstår.');
    expect(addressErasureStop(error)).toEqual({ kind: 'incomplete' });
  });

  it('names the contacts in the register that hold the address, skipping malformed entries', () => {
    const error = new ApiError(409, 'address_in_register', 'Adressen tillhör en kontakt.', {
      contacts: [{ contactId: 'c1', organisationId: '1763' }, { contactId: 7 }, null, 'x'],
    });
    expect(addressErasureStop(error)).toEqual({
      kind: 'in-register',
      contacts: [{ contactId: 'c1', organisationId: '1763' }],
    });
    expect(addressErasureStop(new ApiError(409, 'address_in_register', ''))).toEqual({
      kind: 'in-register',
      contacts: [],
    });
  });

  it('puts a 400 about the address on the field', () => {
    const error = new ApiError(400, 'invalid_input', 'Indata är ogiltiga.', [
      { path: ['email'], code: 'invalid_format', message: 'Invalid email address' },
    ]);
    expect(addressErasureStop(error)).toEqual({ kind: 'invalid' });
  });

  it('leaves every other error to the dialog, which shows it and can send again', () => {
    expect(addressErasureStop(new ApiError(503, 'store_unavailable', 'Försök igen.'))).toBeNull();
    expect(addressErasureStop(new ApiError(0, 'network', 'network error'))).toBeNull();
    expect(addressErasureStop(new ApiError(409, 'version_conflict', ''))).toBeNull();
    expect(addressErasureStop(new ApiError(400, 'invalid_input', 'x', [{ path: ['other'], message: 'm' }]))).toBeNull();
    expect(addressErasureStop(new Error('boom'))).toBeNull();
  });
});

describe('the address field', () => {
  it('asks for an address, then for a valid one', () => {
    expect(addressError('  ', tSv)).toBe('Skriv e-postadressen som uppgifterna ska raderas för.');
    expect(addressError('asa.example.se', tSv)).toBe('Ange en giltig e-postadress, till exempel namn@kommun.se.');
    expect(addressError(' Asa@Example.se ', tSv)).toBeUndefined();
    expect(addressError('', tEn)).toBe('Enter the email address whose data is to be erased.');
  });
});
