import type { Adjustment } from '../../domain/adjustments/adjustment';
import type { Approval } from '../../domain/approvals/approval';
import type { Dispute } from '../../domain/disputes/dispute';

export function adjustmentView(adjustment: Adjustment) {
  const { tenantId: _tenantId, ...fields } = adjustment;
  return fields;
}

export function approvalView(approval: Approval) {
  const { tenantId: _tenantId, ...fields } = approval;
  return fields;
}

export function disputeView(dispute: Dispute) {
  const { tenantId: _tenantId, ...fields } = dispute;
  return fields;
}
