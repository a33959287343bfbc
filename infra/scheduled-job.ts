import type { Duration } from 'aws-cdk-lib';
import { Schedule, type ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function';
import { deadLetterQueue } from './dead-letter-queue';
import { ExactLambdaTarget } from './exact-lambda-target';

export interface ScheduledJobProps {
  readonly entry: string;
  readonly description: string;
  readonly schedule: ScheduleExpression;
  readonly environment: Record<string, string>;
  readonly timeout: Duration;
  /** A run older than this is dropped (and dead-lettered); the next scheduled run catches up. */
  readonly maxEventAge: Duration;
}

/**
 * A Lambda run by EventBridge Scheduler. One dead-letter queue catches both kinds of loss:
 * Scheduler failing to invoke the function, and the function failing after Lambda's async retries.
 */
export class ScheduledJob extends Construct {
  readonly function: AppFunction;
  readonly deadLetterQueue: Queue;
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    this.deadLetterQueue = deadLetterQueue(this, 'DeadLetterQueue');
    this.function = new AppFunction(this, 'Handler', {
      entry: props.entry,
      description: props.description,
      environment: props.environment,
      timeout: props.timeout,
      deadLetterQueue: this.deadLetterQueue,
      maxEventAge: props.maxEventAge,
    });
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description,
      schedule: props.schedule,
      target: new ExactLambdaTarget(this.function.fn, {
        deadLetterQueue: this.deadLetterQueue,
        retryAttempts: 2,
        maxEventAge: props.maxEventAge,
      }),
    });
  }
}
