import type { PromiseEvaluation } from '../../domain/promises/promise';
import type { PromiseToPay } from '../../domain/promises/promise-to-pay';

/**
 * A promise as the API shows it. A stored pending promise is shown with its current evaluation:
 * it may already be kept or broken before the nightly sweep records it.
 */
export function promiseView(promise: PromiseToPay, evaluation?: PromiseEvaluation) {
  const { tenantId: _tenantId, ...fields } = promise;
  if (!evaluation || promise.status !== 'pending') return fields;
  return {
    ...fields,
    status: evaluation.status,
    amountPaid: evaluation.amountPaid,
    deadline: evaluation.deadline.toISOString(),
    ...(evaluation.status === 'broken'
      ? { shortfall: evaluation.shortfall, partial: evaluation.partial }
      : {}),
  };
}
