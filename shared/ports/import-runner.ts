/** Hands an import to its worker (an SQS queue in AWS); the worker resumes from the checkpoint. */
export interface ImportRunner {
  start(tenantId: string, importId: string): Promise<void>;
}
