import type { Actor } from '../domain/actor';
import type { IdempotencyClaim } from '../ports/write-context';

/** What a use case knows of its caller: the verified actor and, for retries, the idempotency claim. */
export interface UseCaseContext {
  actor: Actor;
  idempotency?: IdempotencyClaim;
  /** Version the caller last saw (`If-Match`), for optimistic concurrency. */
  expectedVersion?: number;
}
