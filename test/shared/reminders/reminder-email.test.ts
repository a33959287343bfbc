import { describe, expect, it } from 'vitest';
import { formatDeadline, type ReminderEmailInput, reminderEmail } from '../../../shared/reminders/index';
import { sthlm } from './reminder-fixtures';

const base = {
  organisationName: 'Region Skåne',
  campaignTitle: 'Medlemstest 2025',
  closesAt: sthlm('2025-04-02 17:00'),
  signInUrl: 'https://enkat.klimatkommunerna.se/logga-in?token=abc&next=/enkat',
  unsubscribeUrl: 'https://enkat.klimatkommunerna.se/avregistrera?token=xyz',
};

type Variant = Pick<ReminderEmailInput, 'kind' | 'variant'>;

describe('reminderEmail in Swedish', () => {
  it.each([
    [
      'the invitation',
      { kind: 'invitation', variant: 'invitation' },
      'Inbjudan: Medlemstest 2025 för Region Skåne',
      'Nu går det att svara på Medlemstest 2025, och du är kontaktperson för Region Skåne.',
    ],
    [
      'the no-response reminder',
      { kind: 'reminder', variant: 'no-response' },
      'Påminnelse: Medlemstest 2025 – Region Skåne har inte svarat ännu',
      'Vi har ännu inte fått något svar från Region Skåne på Medlemstest 2025.',
    ],
    [
      'the draft reminder',
      { kind: 'reminder', variant: 'draft' },
      'Påminnelse: Medlemstest 2025 – utkastet för Region Skåne är inte inskickat',
      'Ert utkast är påbörjat, 12 av 40 obligatoriska frågor besvarade.',
    ],
    [
      'the last-day reminder',
      { kind: 'reminder', variant: 'last-day' },
      'Sista dagen: Medlemstest 2025 stänger i dag',
      'I dag är sista dagen att svara på Medlemstest 2025 för Region Skåne.',
    ],
  ] as [string, Variant, string, string][])(
    '%s names the organisation, campaign, deadline and links',
    (_name, variant, subject, sentence) => {
      // Arrange
      const input = { ...base, ...variant, answered: 12, total: 40 } as ReminderEmailInput;
      // Act
      const email = reminderEmail(input);
      // Assert
      expect(email.subject).toBe(subject);
      expect(email.text).toContain(sentence);
      expect(email.text).toContain('onsdag 2 april 2025 kl. 17:00 (svensk tid)');
      expect(email.text).toContain(`Logga in och svara: ${base.signInUrl}`);
      expect(email.text).toContain(`Avsluta påminnelser: ${base.unsubscribeUrl}`);
      expect(email.html).toContain('<html lang="sv">');
      expect(email.html).toContain('href="https://enkat.klimatkommunerna.se/logga-in?token=abc&amp;next=/enkat"');
      expect(email.html).toContain('href="https://enkat.klimatkommunerna.se/avregistrera?token=xyz"');
      expect(email.html).toContain('Region Skåne');
    },
  );

  it('says how far the draft has come in the last-day email too', () => {
    // Arrange
    const input: ReminderEmailInput = { ...base, kind: 'reminder', variant: 'last-day', answered: 39, total: 40 };
    // Act
    const email = reminderEmail(input);
    // Assert
    expect(email.text).toContain(
      'Ert utkast är påbörjat, 39 av 40 obligatoriska frågor besvarade. Glöm inte att skicka in.',
    );
  });

  it('words the draft reminder without numbers when progress is unknown', () => {
    // Arrange
    const input: ReminderEmailInput = { ...base, kind: 'reminder', variant: 'draft' };
    // Act
    const email = reminderEmail(input);
    // Assert
    expect(email.text).toContain('Region Skåne har ett påbörjat utkast till Medlemstest 2025.');
    expect(email.text).not.toContain('undefined');
  });

  it.each([
    [
      'the invitation',
      { kind: 'invitation', variant: 'invitation' },
      'you are invited to answer Medlemstest 2025 for Region Skåne',
    ],
    [
      'the no-response reminder',
      { kind: 'reminder', variant: 'no-response' },
      'a reminder that we have not yet received an answer from Region Skåne to Medlemstest 2025',
    ],
    [
      'the draft reminder',
      { kind: 'reminder', variant: 'draft' },
      'a reminder that the draft of Medlemstest 2025 for Region Skåne has not been submitted',
    ],
    [
      'the last-day reminder',
      { kind: 'reminder', variant: 'last-day' },
      'a reminder that today is the last day to answer Medlemstest 2025 for Region Skåne',
    ],
  ] as [string, Variant, string][])(
    'ends %s with a short English line, as the other emails',
    (_name, variant, what) => {
      // Arrange
      const input = { ...base, ...variant } as ReminderEmailInput;
      // Act
      const email = reminderEmail(input);
      // Assert: what the email is, the deadline, and that the link signs them in, in text and marked-up HTML
      const line = /^In English: .*$/m.exec(email.text)?.[0] ?? '';
      expect(line).toContain(what);
      expect(line).toContain('Deadline: Wednesday, 2 April 2025 at 17:00 (Swedish time).');
      expect(line).toContain('The link “Logga in och svara” signs you in; it is personal and works once.');
      expect(line).toContain('“Avsluta påminnelser” at the bottom stops the reminders.');
      expect(email.text.indexOf(line)).toBeLessThan(email.text.indexOf('Vänliga hälsningar'));
      expect(email.html).toContain(`<p lang="en">In English: ${what}`);
      expect(email.html).toContain('<html lang="sv">');
      // The Swedish button names inside it are read as Swedish (WCAG 3.1.2)
      expect(email.html).toContain('“<span lang="sv">Logga in och svara</span>”');
      expect(email.html).toContain('“<span lang="sv">Avsluta påminnelser</span>”');
    },
  );

  it('escapes the English line like the rest of the HTML', () => {
    // Arrange
    const input: ReminderEmailInput = {
      ...base,
      kind: 'invitation',
      variant: 'invitation',
      organisationName: '<i>X</i>',
    };
    // Act
    const email = reminderEmail(input);
    // Assert
    expect(email.html).toContain(
      '<p lang="en">In English: you are invited to answer Medlemstest 2025 for &lt;i&gt;X&lt;/i&gt;',
    );
    expect(email.html).not.toContain('<i>');
  });

  it.each([
    ['a common-gender title', 'Enkät 2026'],
    ['a neuter title', 'Medlemstest 2026'],
  ])('puts no adjective after the campaign title, which is free text (%s)', (_name, campaignTitle) => {
    const variants: Variant[] = [
      { kind: 'invitation', variant: 'invitation' },
      { kind: 'reminder', variant: 'no-response' },
      { kind: 'reminder', variant: 'draft' },
      { kind: 'reminder', variant: 'last-day' },
    ];
    for (const variant of variants) {
      const email = reminderEmail({ ...base, ...variant, campaignTitle } as ReminderEmailInput);
      // "Medlemstest 2026 är nu öppen" needs "öppet", "Enkät 2026" needs "öppen": neither may appear.
      expect(`${email.subject}\n${email.text}`).not.toMatch(new RegExp(`${campaignTitle} (är|blir|har blivit) `));
    }
  });

  it('shows a midnight deadline as 23:59 the day before', () => {
    // Arrange
    const input: ReminderEmailInput = {
      ...base,
      kind: 'reminder',
      variant: 'no-response',
      closesAt: sthlm('2025-04-03 00:00'),
    };
    // Act
    const email = reminderEmail(input);
    // Assert
    expect(email.text).toContain('onsdag 2 april 2025 kl. 23:59 (svensk tid)');
  });
});

describe('reminderEmail for an organisation that submitted before', () => {
  const LINE_SV =
    'Region Skåne skickade in sina svar 2024. I enkäten kan ni utgå från dem: de svar som passar årets frågor kan fyllas i, och ni går igenom dem innan ni skickar in.';
  const LINE_EN =
    'Region Skåne submitted its answers in 2024. In the survey you can start from them: the answers that fit this year’s questions can be filled in, and you review them before you submit.';

  it.each<Variant>([
    { kind: 'invitation', variant: 'invitation' },
    { kind: 'reminder', variant: 'no-response' },
    { kind: 'reminder', variant: 'last-day' },
  ])('says that $variant can start from those answers, in Swedish and English', (variant) => {
    const sv = reminderEmail({ ...base, ...variant, carryOverYear: 2024 } as ReminderEmailInput);
    expect(sv.text).toContain(LINE_SV);
    expect(sv.html).toContain('I enkäten kan ni utgå från dem');
    const en = reminderEmail({ ...base, ...variant, carryOverYear: 2024, locale: 'en' } as ReminderEmailInput);
    expect(en.text).toContain(LINE_EN);
  });

  it.each<Variant>([
    { kind: 'invitation', variant: 'invitation' },
    { kind: 'reminder', variant: 'no-response' },
    { kind: 'reminder', variant: 'last-day' },
  ])('says it in the English line of the Swedish $variant email too', (variant) => {
    // Arrange + Act
    const email = reminderEmail({ ...base, ...variant, carryOverYear: 2024 } as ReminderEmailInput);
    // Assert: in the summary, in text and HTML
    const summary = email.text.split('\n\n').find((paragraph) => paragraph.startsWith('In English:'));
    expect(summary).toContain('Region Skåne can start from the answers it submitted in 2024');
    expect(email.html).toMatch(/<p lang="en">[^<]*Region Skåne can start from the answers it submitted in 2024/);
  });

  it('says nothing of it once a draft has answers, or without an earlier year', () => {
    const draft = reminderEmail({
      ...base,
      kind: 'reminder',
      variant: 'draft',
      answered: 3,
      total: 40,
      carryOverYear: 2024,
    });
    expect(draft.text).not.toContain('utgå från');
    const lastDay = reminderEmail({
      ...base,
      kind: 'reminder',
      variant: 'last-day',
      answered: 3,
      total: 40,
      carryOverYear: 2024,
    });
    expect(lastDay.text).not.toContain('utgå från');
    const none = reminderEmail({ ...base, kind: 'invitation', variant: 'invitation' });
    expect(none.text).not.toContain('utgå från');
    for (const email of [draft, lastDay, none]) expect(email.text).not.toContain('can start from');
  });
});

describe('reminderEmail escaping and safety', () => {
  it.each([
    ['the invitation', { kind: 'invitation', variant: 'invitation' }],
    ['the draft reminder', { kind: 'reminder', variant: 'draft' }],
  ] as [string, Variant][])('escapes an organisation name and title with markup in %s', (_name, variant) => {
    // Arrange
    const input = {
      ...base,
      ...variant,
      organisationName: '<script>alert("x")</script> & Co',
      campaignTitle: 'Test <b>fet</b>',
    } as ReminderEmailInput;
    // Act
    const email = reminderEmail(input);
    // Assert
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(email.text).toContain('<script>alert("x")</script> & Co');
  });

  it('keeps the subject on one line so it cannot add mail headers', () => {
    // Arrange
    const input: ReminderEmailInput = {
      ...base,
      kind: 'reminder',
      variant: 'no-response',
      organisationName: 'Kommun\r\nBcc: alla@example.com',
    };
    // Act
    const email = reminderEmail(input);
    // Assert
    expect(email.subject).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['a javascript: sign-in link', { signInUrl: 'javascript:alert(1)' }],
    ['a relative unsubscribe link', { unsubscribeUrl: '/avregistrera' }],
  ])('refuses %s', (_name, urls) => {
    // Arrange
    const input: ReminderEmailInput = { ...base, kind: 'reminder', variant: 'no-response', ...urls };
    // Act / Assert
    expect(() => reminderEmail(input)).toThrow(RangeError);
  });
});

describe('reminderEmail in English', () => {
  it.each([
    [{ kind: 'invitation', variant: 'invitation' }, 'Invitation: Medlemstest 2025 for Region Skåne', 'is now open'],
    [
      { kind: 'reminder', variant: 'no-response' },
      'Reminder: Medlemstest 2025 – no answer yet from Region Skåne',
      'not yet received',
    ],
    [
      { kind: 'reminder', variant: 'draft' },
      'Reminder: Medlemstest 2025 – the draft for Region Skåne has not been submitted',
      'Your draft has been started: 12 of 40 required questions answered.',
    ],
    [{ kind: 'reminder', variant: 'last-day' }, 'Last day: Medlemstest 2025 closes today', 'Today is the last day'],
  ] as [Variant, string, string][])('writes %j in English', (variant, subject, sentence) => {
    // Arrange
    const input = { ...base, ...variant, answered: 12, total: 40, locale: 'en' } as ReminderEmailInput;
    // Act
    const email = reminderEmail(input);
    // Assert
    expect(email.subject).toBe(subject);
    expect(email.text).toContain(sentence);
    expect(email.text).toContain('Wednesday, 2 April 2025 at 17:00 (Swedish time)');
    expect(email.text).toContain(`Stop reminders: ${base.unsubscribeUrl}`);
    expect(email.html).toContain('<html lang="en">');
    expect(email.text).not.toContain('In English:');
    expect(email.html).not.toContain('lang="en">In English');
  });
});

describe('formatDeadline', () => {
  it.each([
    ['a winter deadline', '2025-02-28 16:00', 'sv', 'fredag 28 februari 2025 kl. 16:00 (svensk tid)'],
    ['a summer deadline', '2025-06-13 12:00', 'en', 'Friday, 13 June 2025 at 12:00 (Swedish time)'],
  ] as const)('formats %s in Stockholm time', (_name, local, locale, expected) => {
    // Arrange
    const closesAt = sthlm(local);
    // Act
    const text = formatDeadline(closesAt, locale);
    // Assert
    expect(text).toBe(expected);
  });
});
