/**
 * The collection workflow's definition as CDK synthesizes it, for the local runtime: the same
 * construct code in a small stack whose task functions are placeholders (the local interpreter
 * binds each task state to its handler), synthesized in process without bundling anything.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { WORKFLOW_TASKS, type WorkflowTaskState } from '../shared/workflow/collection-workflow-tasks';
import { CollectionWorkflow } from './constructs/collection-workflow';

const ACCOUNT = '000000000000';
const REGION = 'us-east-1';

export interface SynthesizedWorkflow {
  definition: Record<string, unknown>;
}

let cached: SynthesizedWorkflow | undefined;

/** Resolves the `Fn::Join` CloudFormation writes for a definition with function ARNs in it. */
function resolve(value: unknown): string {
  if (typeof value === 'string') return value;
  const join = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (join) return join[1].map(resolve).join(join[0]);
  const ref = (value as { Ref?: string }).Ref;
  if (ref === 'AWS::Partition') return 'aws';
  if (ref === 'AWS::Region') return REGION;
  if (ref === 'AWS::AccountId') return ACCOUNT;
  throw new Error(`Cannot resolve ${JSON.stringify(value)} in the workflow definition`);
}

export function synthesizeWorkflowDefinition(): SynthesizedWorkflow {
  if (cached) return cached;
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new Stack(app, 'RecoupWorkflowLocal', { env: { account: ACCOUNT, region: REGION } });
  const tasks = Object.fromEntries(
    Object.keys(WORKFLOW_TASKS).map((state) => [
      state,
      LambdaFunction.fromFunctionArn(
        stack,
        `${state}Function`,
        `arn:aws:lambda:${REGION}:${ACCOUNT}:function:recoup-local-${state}`,
      ),
    ]),
  ) as Record<WorkflowTaskState, LambdaFunction>;
  new CollectionWorkflow(stack, 'Workflow', { tasks, stateMachineName: 'recoup-local-collection' });
  const template = app.synth().getStackByName(stack.stackName).template as {
    Resources: Record<string, { Type: string; Properties: { DefinitionString: unknown } }>;
  };
  const machine = Object.values(template.Resources).find(
    (resource) => resource.Type === 'AWS::StepFunctions::StateMachine',
  );
  if (!machine) throw new Error('The workflow stack has no state machine');
  cached = {
    definition: JSON.parse(resolve(machine.Properties.DefinitionString)) as Record<string, unknown>,
  };
  return cached;
}
