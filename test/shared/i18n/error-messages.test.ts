import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_ERROR_MESSAGES, localiseErrorMessage, prefersEnglish } from '../../../shared/i18n/error-messages';

const ROOT = join(import.meta.dirname, '../../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, folder, file));
}

/**
 * Every error code the API raises with a literal code: the first argument of the errors that take
 * one, and the code after the message of NotFoundError. Codes passed through variables are not
 * seen, so keep codes literal where they are raised.
 */
function raisedCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  const codeFirst =
    /new\s+(?:DomainRuleError|StateConflictError|NotAuthenticatedError|ForbiddenError)\(\s*'([a-z0-9_]+)'/g;
  const notFound = /new\s+NotFoundError\(((?:[^()]|\([^()]*\))*)\)/g;
  for (const file of [...sourceFiles('functions'), ...sourceFiles('shared')]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(codeFirst)) codes.set(match[1]!, file);
    for (const match of text.matchAll(notFound)) {
      const code = /,\s*'([a-z0-9_]+)'\s*,?\s*$/.exec(match[1]!)?.[1];
      if (code) codes.set(code, file);
    }
  }
  return codes;
}

describe('English error messages', () => {
  it('has one for every error code the API raises', () => {
    // Arrange
    const codes = raisedCodes();
    // Act
    const missing = [...codes]
      .filter(([code]) => !(code in ENGLISH_ERROR_MESSAGES))
      .map(([code, file]) => `${code} (${file})`);
    // Assert: the scan found the codes (so a broken pattern cannot pass), and each has English.
    expect(codes.size).toBeGreaterThan(40);
    expect(missing).toEqual([]);
  });

  it('answers English when the client prefers it, and the Swedish message otherwise', () => {
    expect(localiseErrorMessage('campaign_closed', 'Enkäten är stängd.', 'en-GB,en;q=0.9')).toBe(
      'The survey is closed.',
    );
    expect(localiseErrorMessage('campaign_closed', 'Enkäten är stängd.', 'sv-SE,en;q=0.5')).toBe('Enkäten är stängd.');
    expect(localiseErrorMessage('campaign_closed', 'Enkäten är stängd.', undefined)).toBe('Enkäten är stängd.');
    expect(localiseErrorMessage('no_such_code', 'Okänt.', 'en')).toBe('Okänt.');
  });

  it.each([
    ['en', true],
    ['de, en;q=0.5', true],
    ['fi,en', true],
    ['en-GB;q=0.1, sv;q=0.9', false],
    ['sv-SE,en;q=0.5', false],
    ['en,sv', true],
    ['sv,en', false],
    ['en;q=0', false],
    ['de', false],
    ['', false],
  ])('reads Accept-Language "%s" by q-value and order: English %s', (header, english) => {
    expect(prefersEnglish(header)).toBe(english);
  });

  it('writes each English message as a sentence, not a copy of the Swedish one', () => {
    for (const [code, message] of Object.entries(ENGLISH_ERROR_MESSAGES)) {
      expect(message, code).toMatch(/^[A-Z].*[.)]$/);
      expect(message, code).not.toMatch(/[åäöÅÄÖ]/);
    }
  });
});
