/**
 * The collection workflow: one Standard execution per case. Two states per touch — ReviewCase
 * decides and performs what is due (every contact through the compliance gate) and
 * WaitForNextStep parks the task token on the case with a timeout until the next action: the
 * timeout is the timer, and an event from the API (payment, dispute, promise, plan, cease) wakes
 * it at once with SendTaskSuccess. A closed or handed-off case ends through the wait's Catch, so
 * no Choice state costs a transition on every touch. ReviewCase retries transient errors with
 * backoff; anything else, or retries exhausted, goes to RaiseCaseAlarm (metric + work item) and
 * CaseFailed.
 */
import { ArnFormat, Duration, Stack, Validations, type CfnResource } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  Errors,
  Fail,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  Timeout,
  type IChainable,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import {
  CASE_CLOSED,
  CASE_HANDED_OFF,
  CASE_CONTINUED,
  TRANSIENT_ERROR,
  type WorkflowTaskState,
} from '../../shared/workflow/collection-workflow-tasks';

/** Failures of the Lambda service itself, worth a retry (as CDK's own LambdaInvoke defaults). */
const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];

export interface CollectionWorkflowProps {
  tasks: Record<WorkflowTaskState, IFunction>;
  stateMachineName: string;
  /** Execution history to CloudWatch Logs (never the execution data: it names debtors). */
  logGroup?: ILogGroup;
}

export function collectionWorkflowDefinition(
  scope: Construct,
  tasks: Record<WorkflowTaskState, IFunction>,
): IChainable {
  const caseFailed = new Fail(scope, 'CaseFailed', {
    error: 'Recoup.CaseFailed',
    cause: 'ReviewCase failed beyond its retries; see RaiseCaseAlarm and the case history',
  });
  const raiseAlarm = new LambdaInvoke(scope, 'RaiseCaseAlarm', {
    lambdaFunction: tasks.RaiseCaseAlarm,
    payload: TaskInput.fromObject({
      caseRef: JsonPath.objectAt('$.Payload.caseRef'),
      error: JsonPath.objectAt('$.error'),
    }),
    resultPath: JsonPath.DISCARD,
    retryOnServiceExceptions: false,
  });
  raiseAlarm.addRetry({
    errors: [...LAMBDA_SERVICE_ERRORS, TRANSIENT_ERROR],
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 3,
  });
  raiseAlarm.next(caseFailed);

  const review = new LambdaInvoke(scope, 'ReviewCase', {
    lambdaFunction: tasks.ReviewCase,
    comment: 'Re-read the case, perform what is due (through the compliance gate), compute the next action',
    payload: TaskInput.fromObject({
      caseRef: JsonPath.objectAt('$.Payload.caseRef'),
      wake: JsonPath.objectAt('$.wake'),
    }),
    // The output keeps the invocation's shape ({Payload}): the wait below reads its timeout from it.
    resultSelector: { Payload: JsonPath.objectAt('$.Payload') },
    retryOnServiceExceptions: false,
  });
  review.addRetry({
    errors: [...LAMBDA_SERVICE_ERRORS, TRANSIENT_ERROR],
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 3,
    maxDelay: Duration.seconds(30),
  });
  review.addCatch(raiseAlarm, { errors: [Errors.ALL], resultPath: '$.error' });

  const wait = new LambdaInvoke(scope, 'WaitForNextStep', {
    lambdaFunction: tasks.WaitForNextStep,
    comment: 'Park the task token on the case until the next action is due or an event wakes it',
    integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    payload: TaskInput.fromObject({
      token: JsonPath.taskToken,
      caseRef: JsonPath.objectAt('$.Payload.caseRef'),
      status: JsonPath.stringAt('$.Payload.status'),
      seenSignals: JsonPath.numberAt('$.Payload.seenSignals'),
      waitSeconds: JsonPath.numberAt('$.Payload.waitSeconds'),
      nextActionAt: JsonPath.stringAt('$.Payload.nextActionAt'),
    }),
    // The same path resolves in the state's input and in the invocation's Payload.
    taskTimeout: Timeout.at('$.Payload.waitSeconds'),
    resultPath: '$.wake',
    retryOnServiceExceptions: false,
  });
  wait.addRetry({
    errors: LAMBDA_SERVICE_ERRORS,
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 3,
  });
  wait.addCatch(new Succeed(scope, 'CaseClosed', { comment: 'Everything paid, credited or written off' }), {
    errors: [CASE_CLOSED],
    resultPath: JsonPath.DISCARD,
  });
  wait.addCatch(new Succeed(scope, 'CaseHandedOff', { comment: 'Handed to an agency or legal' }), {
    errors: [CASE_HANDED_OFF],
    resultPath: JsonPath.DISCARD,
  });
  wait.addCatch(
    new Succeed(scope, 'CaseContinued', {
      comment: 'Near the one-year limit: a new execution of the case took over',
    }),
    { errors: [CASE_CONTINUED], resultPath: JsonPath.DISCARD },
  );
  wait.addCatch(review, { errors: [Errors.TIMEOUT], resultPath: '$.wake' });
  wait.addCatch(raiseAlarm, { errors: [Errors.ALL], resultPath: '$.error' });
  wait.next(review);
  review.next(wait);
  return review;
}

export class CollectionWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: CollectionWorkflowProps) {
    super(scope, id);
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: StateMachineType.STANDARD,
      comment: 'Recoup collection case: one execution per debtor case',
      definitionBody: DefinitionBody.fromChainable(collectionWorkflowDefinition(this, props.tasks)),
      tracingEnabled: true,
      ...(props.logGroup
        ? { logs: { destination: props.logGroup, level: LogLevel.ALL, includeExecutionData: false } }
        : {}),
    });
    const policy = this.stateMachine.role.node.tryFindChild('DefaultPolicy');
    if (policy) {
      for (const fn of Object.values(props.tasks)) {
        const resource = fn.node.defaultChild as CfnResource | undefined;
        if (!resource) continue;
        const logicalId = Stack.of(resource).resolve(resource.logicalId) as string;
        Validations.of(policy).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
          reason:
            "The state machine invokes its own task function; CDK grants the function's versions and aliases (`:*`) with it, nothing else.",
        });
      }
      Validations.of(policy).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'X-Ray tracing of the state machine: xray:PutTraceSegments, PutTelemetryRecords and GetSampling* have no resource-level permissions; CloudWatch Logs delivery (logs:*LogDelivery*) neither.',
      });
    }
  }

  /** The state machine's ARN from its name: task functions can be granted it without a cycle. */
  static arnFor(scope: Construct, stateMachineName: string): string {
    return Stack.of(scope).formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
  }
}
