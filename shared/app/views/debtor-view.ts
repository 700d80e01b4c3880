import type { Debtor } from '../../domain/debtors/debtor';
import type { Invoice } from '../../domain/invoices/invoice';
import { agingByCurrency, balancesByCurrency } from '../../domain/ledger/aging';
import type { DebtorLedger } from '../../domain/ledger/debtor-ledger';
import type { CalendarDate } from '../../domain/time/calendar-date';

/** The API representation of a debtor; with invoices, its balances and aging as of a date. */
export function debtorView(
  debtor: Debtor,
  ledger?: { invoices: Invoice[]; ledger: DebtorLedger; asOf: CalendarDate },
) {
  const { tenantId: _tenantId, createdBy: _createdBy, ...fields } = debtor;
  if (!ledger) return fields;
  return {
    ...fields,
    asOf: ledger.asOf,
    balances: balancesByCurrency(ledger.invoices, ledger.asOf),
    aging: agingByCurrency(ledger.invoices, ledger.asOf),
    credits: Object.entries(ledger.ledger.credit)
      .map(([currency, amount]) => ({ currency, amount: amount as number }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
