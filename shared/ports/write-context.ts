/**
 * What every state-changing write carries so that it commits atomically with the change: the
 * audit records and, for an idempotent request, the response to replay on a retry.
 */
import type { AuditEntry } from '../domain/audit/audit-entry';

export interface IdempotencyClaim {
  key: string;
  /** Hash of method, route and body: the same key with another body is refused. */
  requestHash: string;
  routeId: string;
  /** Status the response will carry (the route's success status). */
  statusCode: number;
}

export interface IdempotentCompletion extends IdempotencyClaim {
  body: unknown;
}

export interface WriteContext {
  audit: AuditEntry[];
  idempotency?: IdempotentCompletion;
}

/** Raised by a store when the idempotency record already exists: the request completed before. */
export class IdempotencyRecordExists extends Error {
  constructor(readonly key: string) {
    super('Idempotency key already used');
    this.name = 'IdempotencyRecordExists';
  }
}
