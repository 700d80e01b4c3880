/**
 * The collection workflow's resources in a nested stack: the state machine, its three task
 * functions, its execution log group and its alarms. The state machine has a fixed name, so the
 * functions that call it back (and the API routes that wake it) are granted its ARN without a
 * dependency cycle.
 */
import { Duration, NestedStack, type NestedStackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { WORKFLOW_TASKS, type WorkflowTaskState } from '../../shared/workflow/collection-workflow-tasks';
import type { StageConfig } from '../stage';
import { ApiFunction } from './api-function';
import { CollectionWorkflow } from './collection-workflow';
import type { DataTable } from './data-table';
import type { Observability } from './observability';

export interface WorkflowStackProps extends NestedStackProps {
  stage: StageConfig;
  data: DataTable;
  observability: Observability;
  outbox: Queue;
  stateMachineName: string;
  /** The portal link key, the user pool and the web apps' URL: ReviewCase makes portal links. */
  portal: { keyArn: string; userPoolId: string; userPoolArn: string; webUrl: string };
}

export class WorkflowStack extends NestedStack {
  readonly workflow: CollectionWorkflow;
  readonly tasks: Record<WorkflowTaskState, ApiFunction>;

  constructor(scope: Construct, id: string, props: WorkflowStackProps) {
    const { stage, data, observability, outbox, stateMachineName, portal, ...nestedStackProps } = props;
    super(scope, id, { description: `Recoup ${stage.stage}: the collection workflow`, ...nestedStackProps });
    const stateMachineArn = CollectionWorkflow.arnFor(this, stateMachineName);

    const task = (state: WorkflowTaskState, description: string, environment: Record<string, string> = {}) =>
      new ApiFunction(this, state, {
        entry: WORKFLOW_TASKS[state],
        description,
        stage,
        observability,
        data,
        dataAccess: 'readWrite',
        timeout: Duration.seconds(60),
        environment,
      });
    this.tasks = {
      ReviewCase: task(
        'ReviewCase',
        'Collection workflow: review the case, perform what is due, schedule the next step',
        {
          OUTBOX_QUEUE_URL: outbox.queueUrl,
          // A case past its execution's year is handed to a new execution (continuation.ts).
          STATE_MACHINE_ARN: stateMachineArn,
          PORTAL_LINK_KEY_ID: portal.keyArn,
          USER_POOL_ID: portal.userPoolId,
          WEB_URL: portal.webUrl,
        },
      ),
      WaitForNextStep: task(
        'WaitForNextStep',
        'Collection workflow: park the task token until the next step or an event',
        {
          STATE_MACHINE_ARN: stateMachineArn,
        },
      ),
      RaiseCaseAlarm: task('RaiseCaseAlarm', 'Collection workflow: record a failed case for a manager'),
    };
    outbox.grantSendMessages(this.tasks.ReviewCase.function);
    const review = this.tasks.ReviewCase.function;
    review.addToRolePolicy(new PolicyStatement({ actions: ['kms:GenerateMac'], resources: [portal.keyArn] }));
    review.addToRolePolicy(
      new PolicyStatement({
        actions: [
          'cognito-idp:AdminGetUser',
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminSetUserPassword',
          'cognito-idp:AdminAddUserToGroup',
        ],
        resources: [portal.userPoolArn],
      }),
    );
    this.tasks.WaitForNextStep.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
        resources: [stateMachineArn],
      }),
    );
    review.addToRolePolicy(
      new PolicyStatement({ actions: ['states:StartExecution'], resources: [stateMachineArn] }),
    );

    const logGroup = new LogGroup(this, 'ExecutionLogs', {
      logGroupName: `/aws/vendedlogs/states/${stateMachineName}`,
      retention: stage.logRetention,
      removalPolicy: stage.removalPolicy,
    });
    this.workflow = new CollectionWorkflow(this, 'Workflow', {
      stateMachineName,
      tasks: {
        ReviewCase: this.tasks.ReviewCase.function,
        WaitForNextStep: this.tasks.WaitForNextStep.function,
        RaiseCaseAlarm: this.tasks.RaiseCaseAlarm.function,
      },
      logGroup,
    });

    const period = Duration.minutes(5);
    observability.watch(
      new Alarm(this, 'ExecutionsFailedAlarm', {
        alarmDescription: 'A collection case execution failed (see RaiseCaseAlarm and the case history)',
        metric: this.workflow.stateMachine.metricFailed({ period, statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'CaseFailuresAlarm', {
        alarmDescription: 'ReviewCase failed beyond its retries for a case (metric from RaiseCaseAlarm)',
        metric: new Metric({
          namespace: 'Recoup',
          metricName: 'CaseFailures',
          dimensionsMap: { service: 'recoup' },
          period,
          statistic: 'Sum',
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
  }
}
