import type { IdempotentCompletion } from './write-context';

export interface IdempotencyStore {
  find(tenantId: string, key: string): Promise<IdempotentCompletion | undefined>;
}
