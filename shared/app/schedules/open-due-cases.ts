/**
 * Opens the cases of debtors whose invoices enter their policy's window today: for each window
 * lead among the tenant's policies, the invoices due that many days ahead (a day either side, for
 * debtors whose calendar is a day off the creditor's); ensureCase checks each debtor's own policy
 * and calendar, and leaves debtors with an open case alone.
 */
import { windowLead } from '../../domain/cases/case-window';
import { outstanding } from '../../domain/invoices/invoice';
import { BUILTIN_DEFAULT_POLICY } from '../../domain/policies/default-cadence';
import { addDays, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import { ensureCase } from '../cases/ensure-case';

export async function openDueCases(
  services: Pick<
    Services,
    'clock' | 'ids' | 'debtors' | 'ledger' | 'policies' | 'cases' | 'workflow' | 'facts' | 'invoices'
  >,
  tenantId: string,
  date: CalendarDate,
): Promise<number> {
  const policies = [BUILTIN_DEFAULT_POLICY, ...(await services.policies.listAll(tenantId))];
  const leads = [...new Set(policies.map(windowLead))];
  const debtors = new Set<string>();
  for (const currency of await services.facts.currencies(tenantId)) {
    for (const lead of leads) {
      const due = addDays(date, lead);
      for (const invoice of await services.invoices.dueBetween(
        tenantId,
        currency,
        addDays(due, -1),
        addDays(due, 1),
      )) {
        if (outstanding(invoice) > 0) debtors.add(invoice.debtorId);
      }
    }
  }
  let opened = 0;
  for (const debtorId of [...debtors].sort()) {
    const before = await services.cases.current(tenantId, debtorId);
    const after = await ensureCase(services, tenantId, debtorId);
    if (after && after.id !== before?.id) opened += 1;
  }
  return opened;
}
