import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { ScheduleTargetBase, type ScheduleTargetBaseProps } from 'aws-cdk-lib/aws-scheduler-targets';

/**
 * Like `LambdaInvoke`, but the Scheduler role may invoke only the function's own ARN.
 * `LambdaInvoke` uses `grantInvoke`, which also allows `<arn>:*` (every version and alias).
 */
export class ExactLambdaTarget extends ScheduleTargetBase {
  constructor(
    private readonly fn: IFunction,
    props: ScheduleTargetBaseProps,
  ) {
    super(props, fn.functionArn);
  }

  protected addTargetActionToRole(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.fn.functionArn] }),
    );
  }
}
