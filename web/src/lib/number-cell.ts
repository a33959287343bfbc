/**
 * A number column's cell in the report tables (Klimatläget, the scorecard): one that says in words
 * why it has no figure ("fanns inte med", "för få svar") may wrap (`kl-words`), so the table fits a phone.
 */
export function numClass(words: boolean): string {
  return words ? 'num kl-words' : 'num';
}
