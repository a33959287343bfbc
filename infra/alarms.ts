import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

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

  /** Any metric where one occurrence in the period is worth a look. */
  add(id: string, description: string, metric: IMetric): Alarm {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    return alarm;
  }
}
