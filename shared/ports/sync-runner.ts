/** Hands a connection's sync to its worker (an SQS queue in AWS); the worker resumes from the cursor. */
export interface SyncRunner {
  start(tenantId: string, connectionId: string): Promise<void>;
}
