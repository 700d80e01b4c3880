/**
 * The plain text of a cadence message: which step, and the itemised open balance. Tenant
 * templates per locale replace this text when the messaging templates are set up; the required
 * footers (opt-out, validation notice) are added from the gate's obligations by the sender.
 */
import { outstanding, type Invoice } from '../invoices/invoice';
import { formatMoney, money } from '../money/money';
import type { PolicyStep } from '../policies/policy';

const SUBJECTS: Record<PolicyStep['action'], string> = {
  email: 'Payment reminder',
  sms: 'Payment reminder',
  letter: 'Payment reminder',
  call_task: 'Payment reminder',
  final_notice: 'Final notice before further action',
  handoff: 'Your account has been passed on',
};

export function reminderText(
  step: PolicyStep,
  debtorName: string,
  invoices: readonly Invoice[],
  locale = 'en-US',
) {
  const open = invoices.filter((invoice) => outstanding(invoice) > 0);
  const lines = open.map(
    (invoice) =>
      `Invoice ${invoice.number}, due ${invoice.dueDate}: ${formatMoney(money(outstanding(invoice), invoice.currency), locale)}`,
  );
  return {
    template: step.template ?? `builtin-${step.action}`,
    subject: SUBJECTS[step.action],
    body: [`Dear ${debtorName},`, '', 'Our records show the following open balance:', ...lines].join('\n'),
  };
}
