import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { MailMessage } from '../../shared/schemas/outbox.schema';
import { type Mail, MailRejectedError, MailThrottledError } from '../ports/mail';

/** The AWS mail adapter: Amazon SES v2, from the configured identity and configuration set. */
export class SesMail implements Mail {
  constructor(
    private readonly client: SESv2Client,
    private readonly from: string,
    private readonly configurationSet?: string,
  ) {}

  async send(message: MailMessage): Promise<{ id: string }> {
    try {
      const out = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: message.to },
          ConfigurationSetName: this.configurationSet,
          EmailTags: [{ Name: 'kind', Value: message.kind }],
          Content: {
            Simple: {
              Subject: { Data: message.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: message.text, Charset: 'UTF-8' },
                ...(message.html ? { Html: { Data: message.html, Charset: 'UTF-8' } } : {}),
              },
              Headers: Object.entries(message.headers ?? {}).map(([Name, Value]) => ({ Name, Value })),
            },
          },
        }),
      );
      return { id: out.MessageId ?? '' };
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TooManyRequestsException' || name === 'ThrottlingException' || name === 'LimitExceededException') {
        throw new MailThrottledError(name);
      }
      if (name === 'MessageRejected' || name === 'BadRequestException' || name === 'AccountSuspendedException') {
        throw new MailRejectedError(name);
      }
      throw error;
    }
  }
}
