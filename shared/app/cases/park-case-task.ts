/**
 * The WaitForNextStep task: parks the execution's task token on the case, so an event can wake it,
 * and lets the callback's timeout be the timer. A closed or handed-off case ends the execution
 * through the task's Catch; an event that arrived during the review wakes it straight away.
 */
import type { Services } from '../../runtime/services';
import type { ReviewResult } from './review-case-task';

export async function parkCaseTask(
  services: Pick<Services, 'cases' | 'workflow'>,
  input: { token: string } & Pick<ReviewResult, 'caseRef' | 'status' | 'seenSignals'>,
): Promise<{ parked: boolean }> {
  const { caseRef, token } = input;
  if (input.status === 'closed') {
    await services.workflow.end(token, 'Recoup.CaseClosed', `Case ${caseRef.caseId} closed`);
    return { parked: false };
  }
  if (input.status === 'continued') {
    await services.workflow.end(
      token,
      'Recoup.CaseContinued',
      `Case ${caseRef.caseId} continues in a new execution`,
    );
    return { parked: false };
  }
  if (input.status === 'handed_off') {
    await services.workflow.end(token, 'Recoup.CaseHandedOff', `Case ${caseRef.caseId} handed off`);
    return { parked: false };
  }
  const parked = await services.cases.park(
    caseRef.tenantId,
    caseRef.debtorId,
    caseRef.caseId,
    token,
    input.seenSignals,
  );
  if (!parked) await services.workflow.wake(token, 'an event arrived during the review');
  return { parked };
}
