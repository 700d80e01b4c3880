/**
 * The ReviewCase task: re-read the case, decide (shared/domain/cases/case-review), perform what is
 * due — every contact through the compliance gate, refused ones deferred to the gate's next
 * allowed instant — and tell the workflow when to wake. Safe to retry: messages and work items
 * have deterministic ids, and the case is saved under the version read.
 */
import { reviewCase, MAX_WAIT_MS, type ReviewAction } from '../../domain/cases/case-review';
import { withEvents, type CaseEvent, type CollectionCase } from '../../domain/cases/collection-case';
import { reminderVariables } from '../../domain/messaging/compose-reminder';
import { debtorLocale } from '../../domain/messaging/message-locale';
import { messageText } from '../templates/message-text';
import { portalLinkFor } from '../portal/portal-link-access';
import type { WorkItem } from '../../domain/cases/work-item';
import type { ContactChannel } from '../../domain/compliance/contact-channel';
import type { ContactRefusalCode } from '../../domain/compliance/contact-gate';
import { fallbackChannels, refusedForGood } from '../../domain/cases/channel-fallback';
import { continued, dueForContinuation } from '../../domain/cases/continuation';
import type { CaseRef } from '../../ports/workflow-engine';
import { auditor } from '../audit/auditor';
import { attemptContact } from '../contacts/attempt-contact';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { caseFacts, type CaseServices } from './case-facts';
import { workflowActor } from './system-actor';

export interface ReviewResult {
  caseRef: CaseRef;
  /** `continued`: a new execution took the case over (continuation.ts); this one ends. */
  status: CollectionCase['status'] | 'continued';
  nextActionAt: string;
  /** Seconds the workflow parks for: its callback task's timeout. */
  waitSeconds: number;
  /** Events counted when the review read the case; parking is refused if more arrived since. */
  seenSignals: number;
  performed: string[];
}

interface Refusal {
  channel: ContactChannel;
  next: Date | null;
  reasons: ContactRefusalCode[];
  /** The pack and citation of each rule that refused, for the case history. */
  rules: string[];
}

function ended(ref: CaseRef, collectionCase: CollectionCase | undefined, now: Date): ReviewResult {
  return {
    caseRef: ref,
    status: collectionCase?.status === 'handed_off' ? 'handed_off' : 'closed',
    nextActionAt: now.toISOString(),
    waitSeconds: 1,
    seenSignals: collectionCase?.signals ?? 0,
    performed: [],
  };
}

function describe(action: ReviewAction): string {
  switch (action.kind) {
    case 'contact':
      return `${action.step.action} step ${action.stepIndex} via ${action.channels.join('+')}`;
    case 'call_task':
      return `call task for a ${action.assignee} (step ${action.stepIndex})`;
    case 'escalate':
      return `escalation: ${action.reason}`;
    case 'handoff':
      return `hand-off to ${action.to}`;
    case 'close':
      return 'closed: nothing owed';
  }
}

export async function reviewCaseTask(services: CaseServices, ref: CaseRef): Promise<ReviewResult> {
  const actor = workflowActor(ref.tenantId);
  // Its own lane, not the debtor's ledger lane: the contacts it makes queue in that one.
  const result = await retryOnConcurrentChange(
    { tenantId: ref.tenantId, debtorId: `${ref.debtorId}#case` },
    async () => {
      const now = services.clock.now();
      const current = await services.cases.current(ref.tenantId, ref.debtorId);
      if (
        !current ||
        current.id !== ref.caseId ||
        current.status === 'closed' ||
        current.status === 'handed_off'
      ) {
        return ended(ref, current, now);
      }
      if (dueForContinuation(current, now)) {
        const next = continued(current, now);
        const audit = auditor(services.ids, actor, now);
        await services.cases.save(current, next, [], {
          audit: [audit('case', current.id, 'case.continued', current, next)],
        });
        const handover: ReviewResult & { nextExecution?: string } = {
          ...ended(ref, current, now),
          status: 'continued',
          nextExecution: next.executionName,
        };
        return handover;
      }
      const { debtor, book, facts } = await caseFacts(services, current, now);
      const decision = reviewCase(current, facts);
      const next: CollectionCase = { ...decision.case };
      let nextActionAt = decision.nextActionAt.getTime();
      const events: CaseEvent[] = [];
      const workItems: WorkItem[] = [];
      const at = now.toISOString();
      const workItem = (
        id: string,
        fields: Pick<WorkItem, 'kind' | 'assignee' | 'reason'> & { dueAt?: string },
      ): WorkItem => ({
        id,
        tenantId: ref.tenantId,
        debtorId: ref.debtorId,
        caseId: current.id,
        status: 'open',
        createdAt: at,
        dueAt: fields.dueAt ?? at,
        kind: fields.kind,
        assignee: fields.assignee,
        reason: fields.reason,
      });

      for (const action of decision.actions) {
        if (action.kind === 'contact') {
          let refused: Refusal[] = [];
          const locale = debtorLocale(debtor);
          const variables = reminderVariables(debtor.name, book.invoices, locale);
          // One link per review, made only if a text of this step shows it.
          let link: Promise<string> | undefined;
          const portalLink = () =>
            (link ??= portalLinkFor(services, debtor).then(
              (issued) => `${services.webBaseUrl()}${issued.link}`,
            ));
          const send = async (channel: ContactChannel): Promise<Refusal | undefined> => {
            // An automated voice call reads the short (text message) wording out.
            const voice = channel === 'call' && action.step.action === 'voice';
            const text =
              channel === 'call' && !voice
                ? undefined
                : await messageText(
                    services,
                    ref.tenantId,
                    action.step,
                    channel === 'call' ? 'sms' : channel,
                    locale,
                    variables,
                    portalLink,
                  );
            const template = text?.template ?? action.step.action;
            const outcome = await attemptContact(services, actor, {
              debtorId: ref.debtorId,
              channel,
              description: `${template}: case ${current.id}, step ${action.stepIndex}`,
              ...(text
                ? {
                    message: {
                      id: `msg_${current.id}_${action.invoiceId}_${action.stepIndex}_${voice ? 'voice' : channel}`,
                      ...text,
                      template,
                      ...(voice ? { deliverAs: 'voice' as const } : {}),
                      caseStep: {
                        caseId: current.id,
                        invoiceId: action.invoiceId,
                        stepIndex: action.stepIndex,
                      },
                    },
                  }
                : {}),
            });
            return outcome.allowed
              ? undefined
              : {
                  channel,
                  next: outcome.nextAllowedAt ? new Date(outcome.nextAllowedAt) : null,
                  reasons: outcome.reasons.map((reason) => reason.code),
                  rules: outcome.reasons.flatMap((reason) => (reason.rule ? [reason.rule] : [])),
                };
          };
          const sent: ContactChannel[] = [];
          for (const channel of action.channels) {
            const refusal = await send(channel);
            if (refusal) refused.push(refusal);
            else sent.push(channel);
          }
          // Every channel refused for good (opted out, bounced, no address): the next one the gate allows.
          for (const channel of fallbackChannels(action.channels, refused)) {
            const refusal = await send(channel);
            if (refusal && refusedForGood(refusal.reasons)) continue;
            events.push({
              at,
              kind: 'channel_fallback',
              detail: `${action.channels.join(' and ')} refused (${[...new Set(refused.flatMap((item) => item.reasons))].join(', ')}): ${refusal ? 'deferred on' : 'sent by'} ${channel}`,
              stepIndex: action.stepIndex,
              invoiceId: action.invoiceId,
            });
            if (refusal) refused = [refusal];
            else {
              refused = [];
              sent.push(channel);
            }
            break;
          }
          if (sent.length > 0) {
            events.push({
              at,
              kind: action.step.action === 'final_notice' ? 'final_notice_sent' : 'reminder_sent',
              detail: `${action.step.action} by ${sent.join(' and ')}`,
              stepIndex: action.stepIndex,
              invoiceId: action.invoiceId,
            });
          }
          if (refused.length > 0) {
            // Never dropped: retried at the gate's next allowed instant, or re-read when something changes.
            const retries = refused.map((item) => item.next?.getTime() ?? now.getTime() + MAX_WAIT_MS);
            const notBefore = new Date(Math.min(...retries));
            const reasons = [...new Set(refused.flatMap((item) => item.reasons))];
            const rules = [...new Set(refused.flatMap((item) => item.rules))];
            next.deferred = {
              invoiceId: action.invoiceId,
              stepIndex: action.stepIndex,
              channels: refused.map((item) => item.channel),
              notBefore: notBefore.toISOString(),
              reasons,
            };
            nextActionAt = Math.min(nextActionAt, notBefore.getTime());
            events.push({
              at,
              kind: 'send_deferred',
              detail: `${refused.map((item) => item.channel).join(' and ')} deferred to ${notBefore.toISOString()}: ${reasons.join(', ')}${rules.length > 0 ? ` (${rules.join('; ')})` : ''}`,
              stepIndex: action.stepIndex,
              invoiceId: action.invoiceId,
            });
          }
        } else if (action.kind === 'call_task') {
          workItems.push(
            workItem(`wi_${current.id}_${action.invoiceId}_${action.stepIndex}`, {
              kind: 'call',
              assignee: action.assignee,
              reason: `Cadence step ${action.stepIndex}: call about invoice ${action.invoiceId}`,
            }),
          );
          events.push({
            at,
            kind: 'call_task_created',
            detail: `Call task for a ${action.assignee}`,
            stepIndex: action.stepIndex,
            invoiceId: action.invoiceId,
          });
        } else if (action.kind === 'escalate') {
          workItems.push(
            workItem(`wi_${current.id}_esc_${action.subjectId}`, {
              kind: 'escalation',
              assignee: 'manager',
              reason: action.reason,
            }),
          );
        } else if (action.kind === 'handoff') {
          workItems.push(
            workItem(`wi_${current.id}_handoff`, {
              kind: 'handoff',
              assignee: 'manager',
              reason: `Hand the account to the ${action.to}`,
            }),
          );
        }
      }
      const after: CollectionCase = {
        ...next,
        ...(next.status === 'active' || next.status === 'paused'
          ? { nextActionAt: new Date(nextActionAt).toISOString() }
          : {}),
        history: withEvents(next, events),
        version: current.version + 1,
      };
      const audit = auditor(services.ids, actor, now);
      const changed = decision.actions.length > 0 || after.status !== current.status || events.length > 0;
      await services.cases.save(current, after, workItems, {
        audit: changed
          ? [
              audit(
                'case',
                current.id,
                `case.${after.status === current.status ? 'reviewed' : after.status}`,
                current,
                after,
              ),
              // Its own record: an escalation is news of its own (a `case.escalated` webhook event).
              ...workItems
                .filter((item) => item.kind === 'escalation')
                .map((item) =>
                  audit('case', current.id, 'case.escalated', null, {
                    debtorId: ref.debtorId,
                    workItemId: item.id,
                    assignee: item.assignee,
                  }),
                ),
            ]
          : [],
      });
      const wait = Math.ceil((nextActionAt - now.getTime()) / 1000);
      return {
        caseRef: ref,
        status: after.status,
        nextActionAt: new Date(nextActionAt).toISOString(),
        waitSeconds: Math.min(Math.max(1, wait), MAX_WAIT_MS / 1000),
        seenSignals: current.signals,
        performed: decision.actions.map(describe),
      } satisfies ReviewResult;
    },
  );
  const { nextExecution, ...reviewed } = result as ReviewResult & { nextExecution?: string };
  if (nextExecution) {
    // After the commit, and idempotent by its name: a retried review starts nothing twice.
    await services.workflow.start(nextExecution, ref);
    return reviewed;
  }
  // The outbox relay for this debtor, after the commit: every queued message — this review's, and
  // any a crash left queued before its delivery — is handed on and marked sent.
  for (const message of await services.contacts.queuedMessages(ref.tenantId, ref.debtorId)) {
    await services.messages.deliver(message);
    await services.contacts.markDispatched(message, services.clock.now());
  }
  return result;
}
