/**
 * A credit check of a business debtor: find the company at the bureau, order its report, keep the
 * report, and let it set the debtor's credit score (0–1000, ten times the normalised 0–100) and
 * report summary — all in one transaction with the audit record. A report without a numeric rating
 * (band E, not rated) is kept but leaves the score as it was.
 */
import { companyQueryFor } from '../../domain/credit/credit-check-subject';
import { summaryOf } from '../../domain/credit/credit-report';
import { debtorCreditScore } from '../../domain/credit/credit-score-scale';
import type { Debtor } from '../../domain/debtors/debtor';
import type { StoredCreditReport } from '../../ports/credit-report-store';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';
import { findDebtorTakingRecords } from '../debtors/find-debtor';
import { creditReportView } from '../views/credit-report-view';

export async function checkDebtorCredit(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'creditBureau' | 'creditReports'>,
  context: UseCaseContext,
  debtorId: string,
) {
  const before = await findDebtorTakingRecords(services.debtors, context.actor, debtorId);
  const query = companyQueryFor(before);
  const company = await services.creditBureau.findCompany(query);
  const report = await services.creditBureau.fetchReport(company.companyId);

  const stored: StoredCreditReport = {
    ...report,
    id: services.ids.next('crp'),
    tenantId: before.tenantId,
    debtorId: before.id,
    requestedBy: context.actor.sub,
  };
  const now = services.clock.now();
  const creditScore =
    report.score.normalised === null
      ? (before.creditScore ?? null)
      : debtorCreditScore(report.score.normalised);
  const after: Debtor = {
    ...before,
    ...(creditScore === null ? {} : { creditScore }),
    creditReport: summaryOf(stored.id, report, report.score.normalised === null ? null : creditScore),
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  const view = { ...creditReportView(stored), debtorCreditScore: after.creditScore ?? null };
  const audit = auditor(services.ids, context.actor, now);
  await services.creditReports.record(stored, before, after, {
    audit: [
      audit(
        'debtor',
        before.id,
        'debtor.credit_checked',
        { creditScore: before.creditScore ?? null, creditReport: before.creditReport ?? null },
        { creditScore: after.creditScore ?? null, creditReport: after.creditReport },
      ),
    ],
    idempotency: context.idempotency && { ...context.idempotency, body: view },
  });
  return view;
}
