// One EventBridge Scheduler schedule per definition in shared/schedules.ts, in Asia/Baku time, each
// with a retry policy and a dead-letter queue for invocations the scheduler could not deliver.
import { type CfnElement, Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  ContextAttribute,
  Schedule,
  ScheduleExpression,
  ScheduleTargetInput,
} from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type ScheduledFunction, schedules } from '#shared/schedules.ts';

/** The functions the schedules start. */
export interface ScheduledTargetsProps {
  targets: Record<ScheduledFunction, IFunction>;
}

/** Creates the schedules. */
export class ScheduledTargets extends Construct {
  /** Invocations the scheduler gave up on, kept 14 days for the operator. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: ScheduledTargetsProps) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the schedules (EventBridge Scheduler DeadLetterConfig), which cdk-nag cannot see; it is watched by an alarm.',
    });
    for (const definition of schedules) {
      const { minute, hour, day, month, weekDay, year } = definition.cron;
      new Schedule(this, definition.id, {
        description: definition.description,
        schedule: ScheduleExpression.cron({
          minute,
          hour,
          ...(day ? { day } : {}),
          ...(month ? { month } : {}),
          ...(weekDay ? { weekDay } : {}),
          ...(year ? { year } : {}),
          timeZone: TimeZone.ASIA_BAKU,
        }),
        target: new LambdaInvoke(props.targets[definition.target], {
          // The event the local timer sends, so a function knows which schedule started it, plus the
          // scheduler's execution id, which becomes the correlation id of the run's logs.
          input: ScheduleTargetInput.fromObject({
            scheduleId: definition.id,
            executionId: ContextAttribute.executionId,
          }),
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: this.deadLetters,
        }),
      });
    }
    // The scheduler's role may invoke the function and its versions (`<arn>:*`), as LambdaInvoke grants.
    const stack = Stack.of(this);
    for (const target of new Set(schedules.map((definition) => props.targets[definition.target]))) {
      const logicalId = stack.getLogicalId(target.node.defaultChild as CfnElement);
      Validations.of(stack).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason:
          'The scheduler role may invoke only this function and its versions; the :* suffix covers qualified ARNs, not other resources.',
      });
    }
  }
}
