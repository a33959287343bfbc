import { describe, expect, it } from 'vitest';
import { reviewNoteEmail } from '../../functions/features/responses/review-note.email';

const note = (organisationName: string) =>
  reviewNoteEmail({
    organisationName,
    campaignTitle: 'Medlemstest 2026',
    message: 'Bifoga beslutet, tack.',
    link: 'https://enkat.klimatkommunerna.se/enkat',
  });

describe('the review-note email', () => {
  it.each(['Borås', 'Västerås', 'Strängnäs', 'Lund'])(
    'names %s without a made-up genitive, in text and HTML',
    (organisationName) => {
      // Act
      const email = note(organisationName);
      // Assert: "Borås" + "s" is "Boråss"; the sentence needs no genitive at all
      const sentence = `Kansliet har lämnat ett meddelande om svaren från ${organisationName} på Medlemstest 2026:`;
      expect(email.text).toContain(sentence);
      expect(email.html).toContain(`<p>${sentence}</p>`);
      expect(`${email.text}${email.html}`).not.toContain(`${organisationName}s `);
    },
  );

  it('keeps its English line', () => {
    const email = note('Borås');
    expect(email.html).toContain('<p lang="en">In English: the Klimatkommunerna secretariat has left a note');
  });
});
