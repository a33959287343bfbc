import { z } from 'zod';

/** What a bounce or complaint does to a contact. */
export interface FeedbackMark {
  email: string;
  state: 'bounced' | 'complained';
}

/** Why a message was not turned into marks; counted in logs, never with an address. */
export type FeedbackIgnoredReason =
  | 'not_sns'
  | 'not_json'
  | 'not_feedback'
  | 'transient_bounce'
  | 'no_recipients'
  | 'invalid_address';

export interface ParsedFeedback {
  marks: FeedbackMark[];
  ignored: FeedbackIgnoredReason[];
}

const SnsEventSchema = z.object({
  Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })),
});

const RecipientsSchema = z.array(z.object({ emailAddress: z.string() })).optional();

/**
 * An SES feedback event: the configuration-set event format (`eventType`), or the identity
 * notification format (`notificationType`), which carries the same fields.
 */
const SesMessageSchema = z.looseObject({
  eventType: z.string().optional(),
  notificationType: z.string().optional(),
  mail: z.looseObject({ destination: z.array(z.string()).optional() }).optional(),
  bounce: z.looseObject({ bounceType: z.string().optional(), bouncedRecipients: RecipientsSchema }).optional(),
  complaint: z.looseObject({ complainedRecipients: RecipientsSchema }).optional(),
});

const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** `"Name" <a@b.se>` or `a@b.se` → `a@b.se`, lower case; undefined if it is no address. */
export function normaliseFeedbackAddress(raw: string): string | undefined {
  const inBrackets = /<([^>]+)>/.exec(raw)?.[1];
  const address = (inBrackets ?? raw).trim().toLowerCase();
  return ADDRESS.test(address) ? address : undefined;
}

/**
 * Reads the SNS event that SES feedback arrives in and answers which addresses to mark: a permanent
 * bounce marks its bounced recipients `bounced` (transient and undetermined bounces are ignored:
 * the address may work tomorrow), a complaint marks its complaining recipients `complained`. When
 * SES leaves the recipient list empty, the message's destinations are used. Never throws: a message
 * that is not SES feedback is counted as ignored, so one bad record cannot block the others.
 */
export function parseSesFeedback(event: unknown): ParsedFeedback {
  const marks: FeedbackMark[] = [];
  const ignored: FeedbackIgnoredReason[] = [];
  const sns = SnsEventSchema.safeParse(event);
  if (!sns.success) return { marks, ignored: ['not_sns'] };

  for (const record of sns.data.Records) {
    let json: unknown;
    try {
      json = JSON.parse(record.Sns.Message);
    } catch {
      ignored.push('not_json');
      continue;
    }
    const parsed = SesMessageSchema.safeParse(json);
    if (!parsed.success) {
      ignored.push('not_feedback');
      continue;
    }
    const message = parsed.data;
    const type = message.eventType ?? message.notificationType;
    let state: FeedbackMark['state'];
    let recipients: string[];
    if (type === 'Bounce') {
      if (message.bounce?.bounceType !== 'Permanent') {
        ignored.push('transient_bounce');
        continue;
      }
      state = 'bounced';
      recipients = (message.bounce.bouncedRecipients ?? []).map((r) => r.emailAddress);
    } else if (type === 'Complaint') {
      state = 'complained';
      recipients = (message.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress);
    } else {
      ignored.push('not_feedback');
      continue;
    }
    if (recipients.length === 0) recipients = message.mail?.destination ?? [];
    if (recipients.length === 0) {
      ignored.push('no_recipients');
      continue;
    }
    for (const raw of recipients) {
      const email = normaliseFeedbackAddress(raw);
      if (!email) {
        ignored.push('invalid_address');
        continue;
      }
      if (!marks.some((mark) => mark.email === email && mark.state === state)) marks.push({ email, state });
    }
  }
  return { marks, ignored };
}
