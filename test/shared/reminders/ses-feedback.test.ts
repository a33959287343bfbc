import { describe, expect, it } from 'vitest';
import { normaliseFeedbackAddress, parseSesFeedback } from '../../../shared/reminders/index';

/** SNS wraps each SES event as a JSON string in Records[].Sns.Message. */
function sns(...messages: unknown[]) {
  return {
    Records: messages.map((message) => ({
      EventSource: 'aws:sns',
      Sns: { Type: 'Notification', Message: typeof message === 'string' ? message : JSON.stringify(message) },
    })),
  };
}

const mail = (destination: string[]) => ({ messageId: 'm-1', source: 'kansli@klimatkommunerna.se', destination });

describe('parseSesFeedback', () => {
  it('marks the bounced recipients of a permanent bounce', () => {
    // Arrange
    const event = sns({
      eventType: 'Bounce',
      mail: mail(['politiker.1281@example.se', 'tjansteperson.1281@example.se']),
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [{ emailAddress: 'Politiker.1281@Example.se', status: '5.1.1', action: 'failed' }],
      },
    });
    // Act
    const parsed = parseSesFeedback(event);
    // Assert
    expect(parsed).toEqual({ marks: [{ email: 'politiker.1281@example.se', state: 'bounced' }], ignored: [] });
  });

  it.each(['Transient', 'Undetermined'])('ignores a %s bounce: the address may work tomorrow', (bounceType) => {
    // Arrange
    const event = sns({
      eventType: 'Bounce',
      mail: mail(['a@example.se']),
      bounce: { bounceType, bouncedRecipients: [{ emailAddress: 'a@example.se' }] },
    });
    // Act / Assert
    expect(parseSesFeedback(event)).toEqual({ marks: [], ignored: ['transient_bounce'] });
  });

  it('marks the complaining recipients of a complaint', () => {
    // Arrange
    const event = sns({
      eventType: 'Complaint',
      mail: mail(['a@example.se', 'b@example.se']),
      complaint: { complainedRecipients: [{ emailAddress: 'b@example.se' }], complaintFeedbackType: 'abuse' },
    });
    // Act / Assert
    expect(parseSesFeedback(event).marks).toEqual([{ email: 'b@example.se', state: 'complained' }]);
  });

  it('falls back to the destinations when SES gives no recipient list', () => {
    // Arrange
    const event = sns({ eventType: 'Complaint', mail: mail(['"Eva" <eva@example.se>']), complaint: {} });
    // Act / Assert
    expect(parseSesFeedback(event).marks).toEqual([{ email: 'eva@example.se', state: 'complained' }]);
  });

  it('reads the identity notification format (notificationType) too', () => {
    // Arrange
    const event = sns({
      notificationType: 'Bounce',
      mail: mail(['x@example.se']),
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'x@example.se' }] },
    });
    // Act / Assert
    expect(parseSesFeedback(event).marks).toEqual([{ email: 'x@example.se', state: 'bounced' }]);
  });

  it('handles several records, drops duplicates and counts what it ignored, never throwing', () => {
    // Arrange
    const bounce = {
      eventType: 'Bounce',
      mail: mail(['x@example.se']),
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'x@example.se' }] },
    };
    const event = sns(
      bounce,
      bounce,
      'not json {',
      { eventType: 'Delivery', mail: mail(['x@example.se']) },
      { eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [] } },
      { eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'no address' }] } },
      42,
    );
    // Act
    const parsed = parseSesFeedback(event);
    // Assert
    expect(parsed.marks).toEqual([{ email: 'x@example.se', state: 'bounced' }]);
    expect(parsed.ignored).toEqual(['not_json', 'not_feedback', 'no_recipients', 'invalid_address', 'not_feedback']);
  });

  it.each([[undefined], [null], [{}], [{ Records: 'x' }], ['string']])('answers not_sns for %j', (event) => {
    expect(parseSesFeedback(event)).toEqual({ marks: [], ignored: ['not_sns'] });
  });
});

describe('normaliseFeedbackAddress', () => {
  it.each([
    ['a@example.se', 'a@example.se'],
    ['  A@Example.SE ', 'a@example.se'],
    ['Anna Andersson <Anna@Example.se>', 'anna@example.se'],
    ['no address', undefined],
    ['', undefined],
  ])('%j → %j', (raw, expected) => {
    expect(normaliseFeedbackAddress(raw)).toBe(expected);
  });
});
