/**
 * The collection workflow as the application sees it: Step Functions in AWS, the local ASL
 * interpreter on one machine. Waking is by task token: a parked execution resumes at once.
 */
export interface CaseRef {
  tenantId: string;
  debtorId: string;
  caseId: string;
}

export type CaseEnd = 'Recoup.CaseClosed' | 'Recoup.CaseHandedOff' | 'Recoup.CaseContinued';

export interface WorkflowEngine {
  /** Starts the case's execution; starting one that exists already is not an error. */
  start(executionName: string, ref: CaseRef): Promise<void>;
  /** Resumes a parked execution; a token that no longer waits is ignored. */
  wake(token: string, reason: string): Promise<void>;
  /** Ends a parked execution through its Catch (closed or handed off). */
  end(token: string, how: CaseEnd, detail: string): Promise<void>;
}
