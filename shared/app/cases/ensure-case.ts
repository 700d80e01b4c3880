/**
 * Opens a debtor's collection case when it owes, an open invoice has entered its policy's window
 * (case-window.ts) and no case is open, and starts its execution. Called on every event about the
 * debtor (an invoice created, a payment bounced…) and by the daily schedule for invoices whose
 * window begins that day; opening twice at once is refused by the store (one open case per debtor).
 */
import { openCase } from '../../domain/cases/collection-case';
import { CASE_OPENS_DAYS_AHEAD, inCaseWindow } from '../../domain/cases/case-window';
import { addDays } from '../../domain/time/calendar-date';
import { ConflictError } from '../../domain/errors';
import { outstanding } from '../../domain/invoices/invoice';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { getApplicablePolicy } from '../policies/get-applicable-policy';
import { workflowActor } from './system-actor';

export async function ensureCase(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger' | 'policies' | 'cases' | 'workflow'>,
  tenantId: string,
  debtorId: string,
) {
  const previous = await services.cases.current(tenantId, debtorId);
  if (previous && (previous.status === 'active' || previous.status === 'paused')) return previous;
  const snapshot = await services.ledger.snapshot(tenantId, debtorId);
  if (!snapshot.invoices.some((invoice) => outstanding(invoice) > 0)) return previous;
  const actor = workflowActor(tenantId);
  const applicable = await getApplicablePolicy(services, { actor }, debtorId);
  const now = services.clock.now();
  // A day early: the daily schedule runs at the creditor's midnight, which may fall on the eve of
  // the debtor's day; the workflow then waits for the first step's hour anyway.
  if (!inCaseWindow(applicable.policy, snapshot.invoices, addDays(applicable.asOf, CASE_OPENS_DAYS_AHEAD))) {
    return previous;
  }
  const created = openCase({
    id: services.ids.next('case'),
    tenantId,
    debtorId,
    policyId: applicable.policyId,
    policyVersion: applicable.version,
    now,
  });
  try {
    await services.cases.open(created, previous, {
      audit: [auditor(services.ids, actor, now)('case', created.id, 'case.opened', null, created)],
    });
  } catch (error) {
    if (error instanceof ConflictError) return services.cases.current(tenantId, debtorId);
    throw error;
  }
  await services.workflow.start(created.executionName, { tenantId, debtorId, caseId: created.id });
  return created;
}
