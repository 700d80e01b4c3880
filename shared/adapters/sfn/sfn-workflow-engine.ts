import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import type { CaseEnd, CaseRef, WorkflowEngine } from '../../ports/workflow-engine';

/** A token that no longer waits: the execution moved on (timed out, or woken by someone else). */
function isStale(error: unknown): boolean {
  return error instanceof TaskTimedOut || error instanceof TaskDoesNotExist || error instanceof InvalidToken;
}

export class SfnWorkflowEngine implements WorkflowEngine {
  constructor(
    private readonly client: SFNClient,
    private readonly stateMachineArn: string,
  ) {}

  async start(executionName: string, ref: CaseRef): Promise<void> {
    try {
      await this.client.send(
        new StartExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          name: executionName,
          input: JSON.stringify({ Payload: { caseRef: ref }, wake: { reason: 'opened' } }),
        }),
      );
    } catch (error) {
      // Same name and input: the start was retried after it succeeded.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  }

  async wake(token: string, reason: string): Promise<void> {
    try {
      await this.client.send(
        new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ reason }) }),
      );
    } catch (error) {
      if (!isStale(error)) throw error;
    }
  }

  async end(token: string, how: CaseEnd, detail: string): Promise<void> {
    try {
      await this.client.send(new SendTaskFailureCommand({ taskToken: token, error: how, cause: detail }));
    } catch (error) {
      if (!isStale(error)) throw error;
    }
  }
}
