import { SFNClient } from '@aws-sdk/client-sfn';
import { SfnWorkflowEngine } from '../../adapters/sfn/sfn-workflow-engine';
import { tracer } from '../../observability/powertools';
import type { WorkflowEngine } from '../../ports/workflow-engine';
import { unconfigured } from '../unconfigured';
import type { ServiceFactory } from '../wire-services';

/** Step Functions (STATE_MACHINE_ARN); the local runtime brings its interpreter. */
export const workflow: ServiceFactory<'workflow'> = () => {
  const arn = process.env.STATE_MACHINE_ARN;
  if (!arn) return unconfigured<WorkflowEngine>('The collection workflow (STATE_MACHINE_ARN)');
  return new SfnWorkflowEngine(tracer.captureAWSv3Client(new SFNClient({})), arn);
};
