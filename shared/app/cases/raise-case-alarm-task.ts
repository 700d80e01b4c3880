/**
 * The failure path: ReviewCase failed beyond its retries. The case records the failure, a manager
 * gets a work item, and the failure metric (alarmed in CloudWatch) counts it; the execution then
 * ends in CaseFailed for the operator to inspect and restart.
 */
import { withEvents } from '../../domain/cases/collection-case';
import type { Services } from '../../runtime/services';
import type { CaseRef } from '../../ports/workflow-engine';
import { auditor } from '../audit/auditor';
import { workflowActor } from './system-actor';

export async function raiseCaseAlarmTask(
  services: Pick<Services, 'clock' | 'ids' | 'cases'>,
  input: { caseRef: CaseRef; error: { Error?: string; Cause?: string } },
): Promise<{ recorded: boolean }> {
  const { caseRef } = input;
  const now = services.clock.now();
  const current = await services.cases.current(caseRef.tenantId, caseRef.debtorId);
  if (!current || current.id !== caseRef.caseId) return { recorded: false };
  const error = input.error.Error ?? 'Unknown';
  const after = {
    ...current,
    history: withEvents(current, [
      { at: now.toISOString(), kind: 'failed' as const, detail: `Workflow failed: ${error}` },
    ]),
    version: current.version + 1,
  };
  const audit = auditor(services.ids, workflowActor(caseRef.tenantId), now);
  await services.cases.save(
    current,
    after,
    [
      {
        id: `wi_${current.id}_failure_${current.reviews}`,
        tenantId: current.tenantId,
        debtorId: current.debtorId,
        caseId: current.id,
        kind: 'case_failure',
        assignee: 'manager',
        dueAt: now.toISOString(),
        reason: `The collection workflow failed (${error}): check execution ${current.executionName}`,
        status: 'open',
        createdAt: now.toISOString(),
      },
    ],
    { audit: [audit('case', current.id, 'case.failed', current, after)] },
  );
  return { recorded: true };
}
