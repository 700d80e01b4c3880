import type { Invoice } from '../../domain/invoices/invoice';
import type { Change } from '../../ports/ledger-store';

/** A plan that broke or was cancelled lets its invoices go: they return to normal collection. */
export function invoicesLeavingPlan(
  invoices: readonly Invoice[],
  planId: string,
  at: string,
): Change<Invoice>[] {
  return invoices
    .filter((invoice) => invoice.planId === planId)
    .map((invoice) => {
      const { planId: _planId, ...withoutPlan } = invoice;
      return { before: invoice, after: { ...withoutPlan, version: invoice.version + 1, updatedAt: at } };
    });
}
