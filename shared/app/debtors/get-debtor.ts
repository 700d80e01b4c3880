import { owedOnCharges } from '../../domain/interest/interest-charge';
import { chargePayments } from '../../domain/payments/payment';
import type { DebtorBook } from '../../ports/ledger-store';
import type { Debtor } from '../../domain/debtors/debtor';
import { localDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { debtorView } from '../views/debtor-view';
import { debtorRisk } from './debtor-risk';
import { findVisibleDebtor } from './find-debtor';

/** A debtor with balances and aging per currency, as of today in the debtor's time zone. */
export async function getDebtor(
  services: Pick<Services, 'clock' | 'debtors' | 'ledger'>,
  context: UseCaseContext,
  id: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, id);
  const book = await services.ledger.book(debtor.tenantId, debtor.id);
  return { debtor, view: debtorDetailsView(debtor, book, services.clock.now()) };
}

/** The full view of a debtor from its book: balances, aging, credit, risk and charges owed. */
export function debtorDetailsView(debtor: Debtor, book: DebtorBook, now: Date) {
  const asOf = localDate(now, debtor.timezone);
  return {
    ...debtorView(debtor, { invoices: book.invoices, ledger: book.ledger, asOf }),
    ...debtorRisk(debtor, book, asOf),
    charges: chargesOwedByCurrency(book),
  };
}

/** Interest and fees claimed and still owed, per currency, apart from the principal balances. */
function chargesOwedByCurrency(book: DebtorBook) {
  const paid = chargePayments(book.payments);
  const currencies = [...new Set(book.charges.map((charge) => charge.currency))].sort();
  return currencies.map((currency) => ({
    currency,
    owed: owedOnCharges(currency, book.charges, paid).totals.owed,
  }));
}
