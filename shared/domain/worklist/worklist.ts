/**
 * The collectors' daily worklist: what needs a person today, in order, shared out by capacity.
 *
 * Priority (higher first) = risk × amount × age × kind, where
 * - risk   = 1 + riskScore / 100 (the debtor's headline score, 0–100; unknown → 1);
 * - amount = log10(10 + overdue in major units) — dampened so one very large account does not
 *   bury every other; the overdue is converted to the tenant's base currency with a dated rate
 *   when one is known (`amountConverted`), otherwise taken in its own currency;
 * - age    = 1 + days past due / 30 (oldest overdue invoice);
 * - kind   = failed case 2.0, broken promise 1.5, missed installment 1.5, high risk without contact
 *   1.3, dispute waiting 1.2, promise falling due 1.1, call 1.0, escalation 1.0, hand-off 1.0.
 * Ties: earlier due time, then debtor id, so the order is stable.
 *
 * Balancing: a debtor's items stay together (one person works the account). Items go, in priority
 * order, to the debtor's own collector while they have capacity, otherwise to the collector (or,
 * for escalations, hand-offs and failed cases, the manager) with the most capacity left; what no
 * one has room for stays on the list unassigned, flagged as overflow.
 */
import type { Collector } from '../settings/tenant-settings';

export type WorklistKind =
  | 'call'
  | 'escalation'
  | 'handoff'
  | 'case_failure'
  | 'broken_promise'
  | 'promise_due'
  | 'missed_installment'
  | 'dispute_waiting'
  | 'high_risk_no_contact';

export const KIND_WEIGHTS: Record<WorklistKind, number> = {
  case_failure: 2,
  broken_promise: 1.5,
  missed_installment: 1.5,
  promise_due: 1.1,
  high_risk_no_contact: 1.3,
  dispute_waiting: 1.2,
  call: 1,
  escalation: 1,
  handoff: 1,
};

const MANAGER_KINDS = new Set<WorklistKind>(['escalation', 'handoff', 'case_failure']);

export interface WorklistCandidate {
  /** Stable id of what the item is about (work item, promise, plan, dispute, debtor). */
  sourceId: string;
  kind: WorklistKind;
  debtorId: string;
  debtorName: string;
  /** The debtor's own collector, if assigned. */
  collectorId?: string;
  reason: string;
  /** When it may be done (a call: the first instant the gate allows). */
  dueAt: string;
  riskScore?: number;
  /** The debtor's overdue balance that drives the amount weight (absent: nothing overdue). */
  overdue?: { currency: string; amount: number };
  /** The overdue in major units used for the weight (converted to the base currency if possible). */
  amountWeightBasis: number;
  amountConverted: boolean;
  daysPastDue: number;
}

export interface WorklistEntry extends WorklistCandidate {
  rank: number;
  priority: number;
  /** Who works it today; null when nobody had capacity left. */
  assignedTo: string | null;
  overflow: boolean;
}

export function priorityOf(candidate: WorklistCandidate): number {
  const risk = 1 + (candidate.riskScore ?? 0) / 100;
  const amount = Math.log10(10 + Math.max(0, candidate.amountWeightBasis));
  const age = 1 + Math.max(0, candidate.daysPastDue) / 30;
  return Math.round(risk * amount * age * KIND_WEIGHTS[candidate.kind] * 10_000) / 10_000;
}

export function buildWorklist(
  candidates: readonly WorklistCandidate[],
  collectors: readonly Collector[],
): WorklistEntry[] {
  const ranked = candidates
    .map((candidate) => ({ candidate, priority: priorityOf(candidate) }))
    .sort(
      (a, b) =>
        b.priority - a.priority ||
        a.candidate.dueAt.localeCompare(b.candidate.dueAt) ||
        a.candidate.debtorId.localeCompare(b.candidate.debtorId) ||
        a.candidate.sourceId.localeCompare(b.candidate.sourceId),
    );
  const remaining = new Map(collectors.map((collector) => [collector.id, collector.dailyCapacity]));
  const roleOf = new Map(collectors.map((collector) => [collector.id, collector.role ?? 'collector']));
  /** The person who took a debtor's first item takes the rest of that debtor's items. */
  const debtorOwner = new Map<string, string | null>();

  const pick = (candidate: WorklistCandidate): string | null => {
    const own = candidate.collectorId;
    const wantsManager = MANAGER_KINDS.has(candidate.kind);
    if (!wantsManager && own && (remaining.get(own) ?? 0) > 0) return own;
    let best: string | null = null;
    for (const collector of collectors) {
      const left = remaining.get(collector.id) ?? 0;
      if (left <= 0) continue;
      const isManager = roleOf.get(collector.id) === 'manager';
      if (wantsManager !== isManager) continue;
      if (best === null || left > (remaining.get(best) ?? 0)) best = collector.id;
    }
    return best;
  };

  return ranked.map(({ candidate, priority }, index) => {
    const key = `${candidate.debtorId}#${MANAGER_KINDS.has(candidate.kind) ? 'manager' : 'collector'}`;
    let assignedTo = debtorOwner.has(key) ? debtorOwner.get(key)! : pick(candidate);
    if (assignedTo !== null && (remaining.get(assignedTo) ?? 0) <= 0) assignedTo = pick(candidate);
    if (assignedTo !== null) remaining.set(assignedTo, (remaining.get(assignedTo) ?? 0) - 1);
    debtorOwner.set(key, assignedTo);
    return { ...candidate, rank: index + 1, priority, assignedTo, overflow: assignedTo === null };
  });
}
