import type { StoredCreditReport } from '../../ports/credit-report-store';

/** The API representation of a stored credit report (the tenant is implied by the token). */
export function creditReportView(report: StoredCreditReport) {
  const { tenantId: _tenantId, ...fields } = report;
  return fields;
}
