/**
 * A collection case: one per debtor while it owes, run by one Step Functions execution. It keeps
 * the policy version it started with, how far the cadence has gone for each invoice it was
 * anchored on, a contact the gate deferred, and a short history an operator reads.
 */
import type { ContactChannel } from '../compliance/contact-channel';

export type CaseStatus = 'active' | 'paused' | 'closed' | 'handed_off';

export type CaseEventKind =
  | 'opened'
  | 'reminder_sent'
  | 'call_task_created'
  | 'final_notice_sent'
  | 'send_deferred'
  | 'delivery_failed'
  | 'channel_fallback'
  | 'escalated'
  | 'paused'
  | 'resumed'
  | 'promise_pending'
  | 'plan_active'
  | 'steps_skipped'
  | 'handed_off'
  | 'closed'
  | 'continued'
  | 'failed';

export interface CaseEvent {
  at: string;
  kind: CaseEventKind;
  detail: string;
  stepIndex?: number;
  invoiceId?: string;
}

/** A step whose contact the gate refused: retried at `notBefore`, never dropped. */
export interface DeferredSend {
  invoiceId: string;
  stepIndex: number;
  channels: ContactChannel[];
  notBefore: string;
  reasons: string[];
}

export interface CollectionCase {
  id: string;
  tenantId: string;
  debtorId: string;
  status: CaseStatus;
  policyId: string;
  policyVersion: number;
  executionName: string;
  /** When the current execution started (its case may outlive it: continuation.ts). */
  executionStartedAt?: string;
  /** Which execution of the case runs now: 1, then 2 after the first handed over, … */
  generation?: number;
  openedAt: string;
  closedAt?: string;
  /** `merged`: the debtor was merged into another, whose case goes on with its debts. */
  closeReason?: 'settled' | 'handed_off' | 'merged';
  pauseReason?: 'dispute' | 'cease';
  /** Steps done or skipped, per invoice the cadence was anchored on. */
  progress: Record<string, number[]>;
  /** The date each invoice's cadence counts from: its due date, or the day it was taken up if later. */
  anchors?: Record<string, string>;
  deferred?: DeferredSend;
  /** Promises and plans already escalated when broken (once each). */
  escalated: string[];
  /** Steps dated before this day are skipped (they fell while a promise was pending). */
  skipBefore?: string;
  currentStep?: { index: number; action: string; invoiceId: string; date: string };
  nextActionAt?: string;
  lastReviewedAt?: string;
  reviews: number;
  /** Raised by every event from the API; the workflow parks only if none arrived during its review. */
  signals: number;
  /** Task token of the parked execution (absent while it is reviewing). */
  waitToken?: string;
  history: CaseEvent[];
  version: number;
}

/** Oldest entries give way so the item stays small; the audit log keeps everything. */
export const MAX_HISTORY = 100;

export function withEvents(collectionCase: CollectionCase, events: readonly CaseEvent[]): CaseEvent[] {
  return [...collectionCase.history, ...events].slice(-MAX_HISTORY);
}

/**
 * Execution names are unique per state machine and at most 80 characters of `[A-Za-z0-9_-]`:
 * tenant + case + policy version, with a long tenant id shortened by a stable hash.
 */
export function executionNameFor(
  tenantId: string,
  caseId: string,
  policyVersion: number,
  generation = 1,
): string {
  const suffix = `_${caseId}_v${policyVersion}${generation > 1 ? `_g${generation}` : ''}`;
  const room = 80 - suffix.length;
  const tenant = tenantId.length <= room ? tenantId : `${tenantId.slice(0, room - 9)}-${hash8(tenantId)}`;
  return `${tenant}${suffix}`.replace(/[^A-Za-z0-9_-]/g, '-');
}

function hash8(value: string): string {
  // FNV-1a: stable and short; collisions only matter between long ids sharing a 40-char prefix.
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function openCase(input: {
  id: string;
  tenantId: string;
  debtorId: string;
  policyId: string;
  policyVersion: number;
  now: Date;
}): CollectionCase {
  const at = input.now.toISOString();
  return {
    id: input.id,
    tenantId: input.tenantId,
    debtorId: input.debtorId,
    status: 'active',
    policyId: input.policyId,
    policyVersion: input.policyVersion,
    executionName: executionNameFor(input.tenantId, input.id, input.policyVersion),
    executionStartedAt: at,
    generation: 1,
    openedAt: at,
    progress: {},
    escalated: [],
    reviews: 0,
    signals: 0,
    history: [{ at, kind: 'opened', detail: `Policy ${input.policyId} v${input.policyVersion}` }],
    version: 1,
  };
}
