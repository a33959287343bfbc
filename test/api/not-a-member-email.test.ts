import { describe, expect, it } from 'vitest';
import { notAMemberEmail } from '../../functions/features/auth/login-link.email';

describe('the not-a-member email', () => {
  it.each(['Borås', 'Västerås', 'Lund'])('names %s without a made-up genitive', (organisationName) => {
    // Act
    const ended = notAMemberEmail({ name: 'Eva', organisationName, standing: 'ended', memberUntil: '2025-12-31' });
    const notYet = notAMemberEmail({ name: 'Eva', organisationName, standing: 'not_yet', memberSince: '2026-06-01' });
    // Assert: "Borås" + "s" is "Boråss"
    expect(ended.text).toContain(`Medlemskapet i Klimatkommunerna för ${organisationName} upphörde 2025-12-31`);
    expect(notYet.html).toContain(`Medlemskapet i Klimatkommunerna för ${organisationName} börjar 2026-06-01`);
    expect(`${ended.text}${notYet.text}`).not.toContain(`${organisationName}s medlemskap`);
  });
});
