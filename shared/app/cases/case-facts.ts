/** What ReviewCase reads about a debtor: its book, its policy version, its contact standing. */
import type { CollectionCase } from '../../domain/cases/collection-case';
import type { PlanFact, PromiseFact, ReviewFacts } from '../../domain/cases/case-review';
import { BUILTIN_DEFAULT_POLICY, BUILTIN_DEFAULT_POLICY_ID } from '../../domain/policies/default-cadence';
import type { Policy } from '../../domain/policies/policy';
import { evaluatePromise, promiseDeadline, promiseLastDay } from '../../domain/promises/promise';
import type { Services } from '../../runtime/services';
import { evaluateStoredPlan } from '../plans/plan-evaluation';
import { receivedPayments } from '../promises/promise-evaluation';

export type CaseServices = Pick<
  Services,
  | 'linkSigner'
  | 'portalUsers'
  | 'webBaseUrl'
  | 'clock'
  | 'ids'
  | 'debtors'
  | 'ledger'
  | 'settings'
  | 'contacts'
  | 'policies'
  | 'cases'
  | 'workflow'
  | 'messages'
  | 'templates'
>;

export async function policyVersion(
  services: Pick<Services, 'policies'>,
  tenantId: string,
  id: string,
  version: number,
): Promise<Policy> {
  if (id === BUILTIN_DEFAULT_POLICY_ID) return BUILTIN_DEFAULT_POLICY;
  const policy = await services.policies.getVersion(tenantId, id, version);
  if (!policy) throw new Error(`Policy ${id} v${version} is missing`);
  return policy;
}

export async function caseFacts(services: CaseServices, collectionCase: CollectionCase, now: Date) {
  const { tenantId, debtorId } = collectionCase;
  const [debtor, book, policy, contact] = await Promise.all([
    services.debtors.get(tenantId, debtorId),
    services.ledger.book(tenantId, debtorId),
    policyVersion(services, tenantId, collectionCase.policyId, collectionCase.policyVersion),
    services.contacts.recent(tenantId, debtorId, now),
  ]);
  if (!debtor) throw new Error(`Debtor ${debtorId} of case ${collectionCase.id} is missing`);
  const timezone = debtor.timezone;
  const payments = receivedPayments(book.payments);
  const promises: PromiseFact[] = book.promises.map((promise) => ({
    id: promise.id,
    status:
      promise.status === 'pending'
        ? evaluatePromise(promise, payments, now, timezone).status
        : promise.status,
    deadline: promiseDeadline(promise, timezone),
    lastDay: promiseLastDay(promise),
  }));
  const plans: PlanFact[] = book.plans.map((plan) => {
    if (plan.status !== 'active')
      return { id: plan.id, status: plan.status, invoiceIds: plan.invoiceIds, reevaluateAt: null };
    const evaluation = evaluateStoredPlan(plan, book.payments, now, timezone);
    return {
      id: plan.id,
      status: evaluation.status,
      invoiceIds: plan.invoiceIds,
      reevaluateAt: evaluation.reevaluateAt,
    };
  });
  const profile = contact.profile;
  const facts: ReviewFacts = {
    now,
    timezone,
    policy,
    invoices: book.invoices,
    promises,
    plans,
    contactStopped: profile.cease || profile.bankruptcy || profile.deceased,
  };
  return { debtor, book, facts };
}
