/**
 * Another writer moved a record on between our read and our write (a version moved, or DynamoDB
 * reported a TransactionConflict). Internal and retryable: the use case re-reads and tries again.
 */
export class ConcurrentChangeError extends Error {
  constructor(message = 'A concurrent change touched the same records') {
    super(message);
    this.name = 'ConcurrentChangeError';
  }
}
