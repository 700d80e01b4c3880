import type { AdjustmentOutcome } from '../../../shared/app/adjustments/request-adjustment';
import type { ApiResult } from '../../../shared/http/api-handler';

/** Applied: the route's own answer. Held for four-eyes: 202 pointing at the approval request. */
export function outcomeResponse(outcome: AdjustmentOutcome): ApiResult {
  const headers: Record<string, string> =
    outcome.status === 'pending_approval' ? { location: `/v1/approvals/${outcome.approvalId}` } : {};
  return { statusCode: outcome.statusCode, body: outcome.body, headers };
}
