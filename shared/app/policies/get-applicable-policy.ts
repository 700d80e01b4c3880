import { balancesByCurrency } from '../../domain/ledger/aging';
import { choosePolicy, type DebtorFacts } from '../../domain/policies/policy-selection';
import { localDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { debtorRisk } from '../debtors/debtor-risk';
import { findVisibleDebtor } from '../debtors/find-debtor';
import { policyView } from '../views/policy-view';

/**
 * The policy and version that applies to a debtor today, and why: its segment, balances and risk
 * score as of today in its time zone, computed from its ledger as the debtor view computes them.
 */
export async function getApplicablePolicy(
  services: Pick<Services, 'clock' | 'debtors' | 'ledger' | 'policies'>,
  context: UseCaseContext,
  debtorId: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const [book, policies] = await Promise.all([
    services.ledger.book(debtor.tenantId, debtor.id),
    services.policies.listAll(debtor.tenantId),
  ]);
  const asOf = localDate(services.clock.now(), debtor.timezone);
  const { riskScore } = debtorRisk(debtor, book, asOf);
  const facts: DebtorFacts = {
    kind: debtor.kind,
    ...(debtor.segment?.industryCode !== undefined ? { industryCode: debtor.segment.industryCode } : {}),
    ...(debtor.segment?.size !== undefined ? { size: debtor.segment.size } : {}),
    balances: balancesByCurrency(book.invoices, asOf).map(({ currency, outstanding }) => ({
      currency,
      outstanding,
    })),
    ...(riskScore !== null ? { riskScore } : {}),
  };
  const choice = choosePolicy(policies, facts);
  return {
    debtorId: debtor.id,
    asOf,
    policyId: choice.policy.id,
    version: choice.policy.version,
    reason: choice.reason,
    matchedOn: choice.matchedOn,
    explanation: choice.explanation,
    facts,
    policy: policyView(choice.policy),
  };
}
