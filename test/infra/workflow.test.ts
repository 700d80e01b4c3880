import type { CfnResource } from 'aws-cdk-lib';
import validator from 'asl-validator';
import { synthesizeWorkflowDefinition } from '../../infra/workflow-definition';
import { WORKFLOW_TASKS } from '../../shared/workflow/collection-workflow-tasks';
import { apiRoutes } from '../../shared/http/routes/index';
import { synthesize, type Synthesized } from './synth';

let dev: Synthesized;
beforeAll(() => {
  dev = synthesize();
});

/** The deployed definition with its function ARNs (CloudFormation joins) reduced to the state's name. */
function deployedDefinition(): Record<string, unknown> {
  const [machine] = dev.resourcesAcross('AWS::StepFunctions::StateMachine');
  const properties = machine!.resource.Properties as {
    DefinitionString: { 'Fn::Join': [string, unknown[]] };
  };
  const [separator, parts] = properties.DefinitionString['Fn::Join'];
  const text = parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if ((part as { Ref?: string }).Ref === 'AWS::Partition') return 'aws';
      if ((part as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt']) return '<function>';
      throw new Error(`Unexpected part of the definition: ${JSON.stringify(part)}`);
    })
    .join(separator);
  return JSON.parse(text) as Record<string, unknown>;
}

describe('the collection workflow in the stack', () => {
  it('is a Standard state machine with logging (no execution data) and tracing', () => {
    const [machine] = dev.resourcesAcross('AWS::StepFunctions::StateMachine');
    expect(machine!.resource.Properties).toMatchObject({
      StateMachineName: 'recoup-dev-collection',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
  });

  it('runs the same definition locally as it deploys (the construct synthesized, not a copy)', () => {
    const local = JSON.parse(
      JSON.stringify(synthesizeWorkflowDefinition().definition).replace(
        /"FunctionName":"[^"]*"/g,
        '"FunctionName":"<function>"',
      ),
    ) as Record<string, unknown>;
    expect(deployedDefinition()).toEqual(local);
  });

  it('passes asl-validator and names its states for the business', () => {
    const { definition } = synthesizeWorkflowDefinition();
    const result = validator(definition, { checkArn: true, checkPaths: true });
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
    expect(Object.keys((definition as { States: object }).States).sort()).toEqual(
      ['CaseClosed', 'CaseContinued', 'CaseFailed', 'CaseHandedOff', ...Object.keys(WORKFLOW_TASKS)].sort(),
    );
  });

  it('grants the routes that wake a case exactly the workflow calls they make', () => {
    const signalling = apiRoutes.filter((route) => route.signalsCase).map((route) => route.id);
    expect(signalling).toEqual(
      expect.arrayContaining(['createPayment', 'openDispute', 'createPromise', 'putContactPreferences']),
    );
    for (const stack of dev.stack.api.routeStacks) {
      const resources = dev.templateOf(stack).toJSON().Resources as Record<
        string,
        { Type: string; Properties: Record<string, any> }
      >;
      for (const route of stack.group.routes) {
        const fn = stack.functions[route.id]!.function;
        const logicalId = stack.resolve((fn.node.defaultChild as CfnResource).logicalId) as string;
        const variables = resources[logicalId]!.Properties.Environment?.Variables ?? {};
        const roleId = stack.resolve((fn.role!.node.defaultChild as CfnResource).logicalId) as string;
        const statements = Object.values(resources)
          .filter(
            (resource) =>
              resource.Type === 'AWS::IAM::Policy' &&
              JSON.stringify(resource.Properties.Roles).includes(roleId),
          )
          .flatMap(
            (resource) => resource.Properties.PolicyDocument.Statement as { Action: string | string[] }[],
          );
        const workflowActions = statements
          .flatMap((statement) => [statement.Action].flat())
          .filter((action) => action.startsWith('states:'));
        if (route.signalsCase || route.drivesCases) {
          expect(variables).toHaveProperty('STATE_MACHINE_ARN');
          expect(workflowActions.sort()).toEqual([
            'states:SendTaskFailure',
            'states:SendTaskSuccess',
            'states:StartExecution',
          ]);
        } else {
          expect(variables).not.toHaveProperty('STATE_MACHINE_ARN');
          expect(workflowActions).toEqual([]);
        }
      }
    }
  });
});
