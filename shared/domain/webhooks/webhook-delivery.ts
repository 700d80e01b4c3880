/**
 * One event on its way to one endpoint, and its log. Like an outbound message
 * (shared/domain/messaging/delivery.ts) a sender claims it with a conditional write before it
 * posts, so two receipts of its queue entry never post at once; unlike a message, a receiver cannot
 * report back, so a claim whose sender died is simply taken over when it expires and the event is
 * posted again. Receivers de-duplicate by `Recoup-Event-Id` (at-least-once, as every webhook).
 *
 *   pending → sending (claimed) → succeeded
 *                               → pending (failed attempt, retry at nextAttemptAt) … → failed
 */
import { MAX_ATTEMPTS, retryDelayMs } from './webhook-retry';

export type WebhookDeliveryStatus = 'pending' | 'sending' | 'succeeded' | 'failed';

/** Longer than a sender lives (its function timeout), so a live claim is never taken over. */
export const WEBHOOK_CLAIM_HOLDS_MS = 2 * 60_000;
/** Attempts kept in a delivery's log; the count goes on. */
export const ATTEMPT_LOG_SIZE = 20;

export interface WebhookAttempt {
  at: string;
  /** The receiver's status code; absent when it did not answer (timeout, refused connection). */
  responseStatus?: number;
  latencyMs: number;
  /** Why it failed, in the platform's words (never the receiver's response body). */
  error?: string;
  /** A person asked for this attempt (`POST …/retry`). */
  manual?: boolean;
}

export interface WebhookDelivery {
  id: string;
  tenantId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  /** The exact body posted (and signed) every attempt. */
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt?: string;
  claimedAt?: string;
  /** The next attempt was asked for by a person. */
  manual?: boolean;
  log: WebhookAttempt[];
  createdAt: string;
  completedAt?: string;
  /** Bumped by every transition: transitions are written on condition of the one read. */
  revision: number;
}

export type AttemptDecision =
  | { kind: 'attempt' }
  | { kind: 'done' }
  /** Not yet: a retry's time has not come, or another sender holds the claim. */
  | { kind: 'wait'; until: Date };

export function attemptDecision(delivery: WebhookDelivery, now: Date): AttemptDecision {
  if (delivery.status === 'succeeded' || delivery.status === 'failed') return { kind: 'done' };
  if (delivery.status === 'sending') {
    const holdsUntil = Date.parse(delivery.claimedAt ?? '') + WEBHOOK_CLAIM_HOLDS_MS;
    return holdsUntil > now.getTime() ? { kind: 'wait', until: new Date(holdsUntil) } : { kind: 'attempt' };
  }
  const due = Date.parse(delivery.nextAttemptAt ?? '');
  return Number.isFinite(due) && due > now.getTime()
    ? { kind: 'wait', until: new Date(due) }
    : { kind: 'attempt' };
}

export function claimedDelivery(delivery: WebhookDelivery, now: Date): WebhookDelivery {
  return {
    ...delivery,
    status: 'sending',
    claimedAt: now.toISOString(),
    attempts: delivery.attempts + 1,
    revision: delivery.revision + 1,
  };
}

export interface AttemptOutcome {
  at: Date;
  responseStatus?: number;
  latencyMs: number;
  error?: string;
}

/**
 * The claimed delivery after its attempt: succeeded on a 2xx; otherwise pending again with the
 * next attempt's time, or failed once the attempts are spent. `random` in [0, 1) sets the jitter.
 */
export function afterAttempt(
  claimed: WebhookDelivery,
  outcome: AttemptOutcome,
  random: number,
): WebhookDelivery {
  const ok =
    outcome.responseStatus !== undefined && outcome.responseStatus >= 200 && outcome.responseStatus < 300;
  const entry: WebhookAttempt = {
    at: outcome.at.toISOString(),
    ...(outcome.responseStatus !== undefined ? { responseStatus: outcome.responseStatus } : {}),
    latencyMs: outcome.latencyMs,
    ...(ok ? {} : { error: outcome.error ?? `HTTP ${outcome.responseStatus}` }),
    ...(claimed.manual ? { manual: true } : {}),
  };
  const { claimedAt: _claimedAt, nextAttemptAt: _nextAttemptAt, manual: _manual, ...rest } = claimed;
  const base = {
    ...rest,
    log: [...claimed.log, entry].slice(-ATTEMPT_LOG_SIZE),
    revision: claimed.revision + 1,
  };
  if (ok) return { ...base, status: 'succeeded', completedAt: entry.at };
  const delay = claimed.attempts < MAX_ATTEMPTS ? retryDelayMs(claimed.attempts, random) : undefined;
  // A manual attempt that fails does not reopen a delivery that had already failed for good.
  if (delay === undefined || (claimed.manual && claimed.attempts >= MAX_ATTEMPTS)) {
    return { ...base, status: 'failed', completedAt: entry.at };
  }
  return { ...base, status: 'pending', nextAttemptAt: new Date(outcome.at.getTime() + delay).toISOString() };
}

/** A person asks for one more attempt now, whatever the delivery's state (unless one is in flight). */
export function manualRetry(delivery: WebhookDelivery, now: Date): WebhookDelivery {
  const { completedAt: _completedAt, claimedAt: _claimedAt, ...rest } = delivery;
  return {
    ...rest,
    status: 'pending',
    nextAttemptAt: now.toISOString(),
    manual: true,
    revision: delivery.revision + 1,
  };
}
