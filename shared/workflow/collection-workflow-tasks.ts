/**
 * The collection workflow's Lambda tasks: the state each runs in and its entry point. CDK builds
 * the state machine from this list and the local runtime binds the same states to the same
 * handlers, so both run one definition with one set of handlers.
 */
export const WORKFLOW_TASKS = {
  ReviewCase: 'functions/workflow/review-case.ts',
  WaitForNextStep: 'functions/workflow/park-case.ts',
  RaiseCaseAlarm: 'functions/workflow/raise-case-alarm.ts',
} as const;

export type WorkflowTaskState = keyof typeof WORKFLOW_TASKS;

/** Errors the workflow routes on. */
export const CASE_CLOSED = 'Recoup.CaseClosed';
export const CASE_HANDED_OFF = 'Recoup.CaseHandedOff';
export const CASE_CONTINUED = 'Recoup.CaseContinued';
/** A task error worth retrying: a concurrent change, throttling, a network fault. */
export const TRANSIENT_ERROR = 'Recoup.TransientError';
