/**
 * Work for people that a case creates: a call to make, an escalation to look at, a hand-off to
 * send, a case whose workflow failed. The daily worklist orders and balances these.
 */
export type WorkItemKind = 'call' | 'escalation' | 'handoff' | 'case_failure';

export interface WorkItem {
  /** Deterministic per case and reason, so a retried review never creates it twice. */
  id: string;
  tenantId: string;
  debtorId: string;
  caseId: string;
  kind: WorkItemKind;
  assignee: 'collector' | 'manager';
  /** When it may be done: for a call, the first instant the compliance gate allows one. */
  dueAt: string;
  reason: string;
  status: 'open' | 'done';
  createdAt: string;
}
