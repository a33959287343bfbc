import { Duration, Stack } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * SES reputation levels that raise an alarm, as the fractions CloudWatch reports. AWS asks senders
 * to stay below 2 % bounces and puts the account under review at 5 %; for complaints review starts
 * at 0.1 %. Alarming at those marks leaves time to clean the contact list before SES pauses sending.
 */
export const SES_REPUTATION_ALARMS = { bounceRate: 0.02, complaintRate: 0.001 } as const;

export interface AlarmsProps {
  /** Encrypts the alarm topic; its key policy must let CloudWatch use it. */
  readonly topicKey: IKey;
  /** Optional address that gets every alarm and recovery. */
  readonly alarmEmail?: string;
}

/**
 * Every alarm of the stack notifies one SNS topic. The platform runs unattended for weeks, so a
 * failing job, a throttled function or a message parked in a dead-letter queue must reach a person.
 */
export class Alarms extends Construct {
  readonly topic: Topic;
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Klimatkommunerna medlemstest alarms',
      masterKey: props.topicKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    this.action = new SnsAction(this.topic);
  }

  /** Errors and Throttles alarms for one function: any occurrence in 5 minutes. */
  watchFunction(name: string, fn: IFunction): void {
    this.add(
      `${name}Errors`,
      `${name}: the function returned errors`,
      fn.metricErrors({ period: Duration.minutes(5) }),
    );
    this.add(
      `${name}Throttles`,
      `${name}: invocations were throttled`,
      fn.metricThrottles({ period: Duration.minutes(5) }),
    );
  }

  /** A message in a dead-letter queue means a run or an event was lost until someone redrives it. */
  watchDeadLetterQueue(name: string, queue: IQueue): void {
    this.add(
      `${name}DeadLetters`,
      `${name}: messages waiting in the dead-letter queue`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    );
  }

  /**
   * Log lines of one function that contain `phrase`, counted per `period`: any one is worth a look.
   * A quoted phrase rather than a JSON pattern, so it matches whether Lambda writes text or JSON logs.
   */
  watchLogPhrase(id: string, description: string, logGroup: ILogGroup, phrase: string, period: Duration): Alarm {
    const filter = new MetricFilter(this, `${id}Filter`, {
      logGroup,
      filterPattern: FilterPattern.literal(JSON.stringify(phrase)),
      // Per stack, so two deployments in one account do not add up each other's lines.
      metricNamespace: `Klimatkommunerna/${Stack.of(this).stackName}`,
      metricName: id,
      metricValue: '1',
      defaultValue: 0,
    });
    return this.add(id, description, filter.metric({ period, statistic: 'Sum' }));
  }

  /**
   * The account's SES bounce and complaint rates, which SES itself acts on (review, then a sending
   * pause). SES reports them only after the first bounce or complaint and not in every period, so a
   * missing point keeps the alarm as it was: a high rate stays in ALARM until SES reports a lower one.
   */
  watchSesReputation(): void {
    const rate = (metricName: string) =>
      new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) });
    const treatMissingData = TreatMissingData.IGNORE;
    this.add(
      'SesBounceRate',
      `SES: bounce rate at or above ${SES_REPUTATION_ALARMS.bounceRate * 100} % (account review at 5 %)`,
      rate('Reputation.BounceRate'),
      { threshold: SES_REPUTATION_ALARMS.bounceRate, treatMissingData },
    );
    this.add(
      'SesComplaintRate',
      `SES: complaint rate at or above ${SES_REPUTATION_ALARMS.complaintRate * 100} % (account review from 0.1 %)`,
      rate('Reputation.ComplaintRate'),
      { threshold: SES_REPUTATION_ALARMS.complaintRate, treatMissingData },
    );
  }

  /**
   * Any metric at or above `threshold` in one period (by default: one occurrence) is worth a look.
   * By default a period without data counts as fine.
   */
  add(
    id: string,
    description: string,
    metric: IMetric,
    options: { threshold?: number; treatMissingData?: TreatMissingData } = {},
  ): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: options.threshold ?? 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: options.treatMissingData ?? TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    return alarm;
  }
}
