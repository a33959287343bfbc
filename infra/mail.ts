import { Duration, Stack } from 'aws-cdk-lib';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  ConfigurationSet,
  ConfigurationSetEventDestination,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function';
import { deadLetterQueue } from './dead-letter-queue';
import { FUNCTION_MEMORY_MB } from './function-memory';

export interface MailProps {
  readonly sesFromAddress: string;
  /** When set, the whole domain is the verified identity (Easy DKIM); else only the address. */
  readonly sesDomain: string;
  /** Encrypts the bounce topic; its key policy must let SES use it. */
  readonly topicKey: IKey;
  readonly eventsHandlerEntry: string;
  readonly eventsHandlerEnvironment: Record<string, string>;
}

/**
 * SES sending and its feedback loop: the verified identity, a configuration set whose bounce and
 * complaint events go to an SNS topic, and the small handler that marks those contacts so the
 * reminders job stops mailing them.
 */
export class Mail extends Construct {
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;
  readonly feedbackTopic: Topic;
  readonly eventsHandler: AppFunction;
  readonly eventsDeadLetterQueue: Queue;
  private readonly fromAddress: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.fromAddress = props.sesFromAddress;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // SES also stops sending to addresses that bounced or complained, account-wide.
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      reputationMetrics: true,
    });

    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.sesDomain ? Identity.domain(props.sesDomain) : Identity.email(props.sesFromAddress),
      // The default configuration set: feedback events flow even if a send omits the set.
      configurationSet: this.configurationSet,
    });

    this.feedbackTopic = new Topic(this, 'BounceComplaintTopic', {
      displayName: 'SES bounces and complaints',
      masterKey: props.topicKey,
      enforceSSL: true,
    });

    new ConfigurationSetEventDestination(this, 'BounceComplaintDestination', {
      configurationSet: this.configurationSet,
      destination: EventDestination.snsTopic(this.feedbackTopic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.eventsDeadLetterQueue = deadLetterQueue(this, 'EventsDeadLetterQueue');
    this.eventsHandler = new AppFunction(this, 'EventsHandler', {
      entry: props.eventsHandlerEntry,
      description: 'Marks contacts bounced or complained from SES feedback events',
      environment: props.eventsHandlerEnvironment,
      memorySize: FUNCTION_MEMORY_MB.sesEvents,
      timeout: Duration.seconds(30),
      deadLetterQueue: this.eventsDeadLetterQueue,
    });
    // The same queue also catches messages SNS could not deliver to the function at all.
    this.feedbackTopic.addSubscription(
      new LambdaSubscription(this.eventsHandler.fn, { deadLetterQueue: this.eventsDeadLetterQueue }),
    );
  }

  /** ARN of the configuration set; SES authorises sends against it as well as the identity. */
  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /** Send only through the configured identity and configuration set, and only from the configured address. */
  grantSend(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.identity.emailIdentityArn, this.configurationSetArn],
        conditions: { StringEquals: { 'ses:FromAddress': this.fromAddress } },
      }),
    );
  }
}
