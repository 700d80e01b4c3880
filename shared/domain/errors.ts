/** Domain failures, each mapped to one HTTP status by the HTTP layer. */
export interface FieldIssue {
  path: string;
  message: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: 'validation' | 'forbidden' | 'not_found' | 'conflict' | 'rule' | 'upstream';
}

/** Input that is well-formed but not acceptable (400). */
export class ValidationError extends DomainError {
  readonly kind = 'validation' as const;
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  }
}

/** The caller's role may reach the route but not this particular change (403). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** Missing, or belonging to another tenant: the two are indistinguishable by design (404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
  constructor(readonly entity: string) {
    super(`${entity} not found`);
  }
}

/** A version or uniqueness conflict (409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

/** A business rule refuses the change (422). */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule' as const;
}

/** A service Recoup depends on answered what it should not have; trying again may work (502). */
export class UpstreamError extends DomainError {
  readonly kind = 'upstream' as const;
}
