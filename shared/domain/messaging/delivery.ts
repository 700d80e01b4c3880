/**
 * The life of a message after the transaction that queued it, the same for a debtor's reminder and
 * a staff notification:
 *
 *   queued → dispatched (handed to the outbox queue) → sending (a sender claimed it)
 *          → sent (the provider accepted it) → delivered | bounced | complained | failed
 *
 * Exactly once rests on two facts. A sender claims a message (a conditional write) before it calls
 * the provider, so two receipts of one queue message never both send. And a claim whose sender
 * died is only taken over once the provider has had time to report the send: every accepted
 * message is tagged with its id, and the provider's `Send`/delivery event moves it to `sent` or
 * beyond — so a message the provider accepted is never sent again, and one it never saw is.
 */
import type { ContactChannel } from '../compliance/contact-channel';

export const DELIVERY_STATUSES = [
  'queued',
  'dispatched',
  'sending',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'failed',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryChannel = Exclude<ContactChannel, 'call'> | 'voice';

/**
 * How long a claim holds before another sender may take it over: longer than a sender can live
 * (its function timeout) plus the time the provider takes to report an accepted message.
 */
export const CLAIM_HOLDS_MS = 5 * 60_000;

export interface DeliveryState {
  status: DeliveryStatus;
  /** Provider calls started (claims taken). */
  attempts?: number;
  claimedAt?: string;
  dispatchedAt?: string;
  sentAt?: string;
  deliveredAt?: string;
  /** The provider's id for the accepted message (SES message id, SMS message id, letter key). */
  providerMessageId?: string;
  /** Why it could not be delivered (provider's words, no personal data). */
  failure?: string;
  /** Bumped by every transition: the optimistic version transitions are written under. */
  deliveryRevision?: number;
}

/** A message as the senders see it, whichever kind it is. */
export interface Deliverable extends DeliveryState {
  id: string;
  tenantId: string;
  debtorId?: string;
  channel: DeliveryChannel;
  to: string;
  subject?: string;
  body: string;
  /** BCP 47 language of the text (the voice reads it in this language). */
  language?: string;
}

const RANK: Record<DeliveryStatus, number> = {
  queued: 0,
  dispatched: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  bounced: 5,
  complained: 5,
  failed: 5,
};

export function isSettled(status: DeliveryStatus): boolean {
  return RANK[status] >= RANK.sent;
}

export type SendDecision =
  | { kind: 'send' }
  | { kind: 'done' }
  /** Another sender holds the claim, or the provider may still report it: try again after `until`. */
  | { kind: 'wait'; until: Date };

export function sendDecision(state: DeliveryState, now: Date): SendDecision {
  if (isSettled(state.status)) return { kind: 'done' };
  if (state.status !== 'sending') return { kind: 'send' };
  const holdsUntil = Date.parse(state.claimedAt ?? '') + CLAIM_HOLDS_MS;
  return Number.isFinite(holdsUntil) && holdsUntil > now.getTime()
    ? { kind: 'wait', until: new Date(holdsUntil) }
    : { kind: 'send' };
}

/** The state a sender writes before it calls the provider. */
export function claimed(state: DeliveryState, now: Date): DeliveryState {
  return {
    ...state,
    status: 'sending',
    claimedAt: now.toISOString(),
    attempts: (state.attempts ?? 0) + 1,
    deliveryRevision: (state.deliveryRevision ?? 0) + 1,
  };
}

/** The provider answered with a refusal (not a timeout): the claim is given back for a retry. */
export function released(state: DeliveryState): DeliveryState {
  const { claimedAt: _claimedAt, ...rest } = state;
  return { ...rest, status: 'dispatched', deliveryRevision: (state.deliveryRevision ?? 0) + 1 };
}

export type DeliveryEventKind = 'sent' | 'delivered' | 'bounced' | 'complained' | 'failed';

export interface DeliveryEvent {
  kind: DeliveryEventKind;
  at: Date;
  providerMessageId?: string;
  detail?: string;
}

/**
 * A provider's report applied to a message. Reports arrive late, twice and out of order: a state
 * never moves back (a late `Send` after `Delivery` changes nothing), and a complaint after delivery
 * still counts. Undefined when the report changes nothing.
 */
export function afterDeliveryEvent(state: DeliveryState, event: DeliveryEvent): DeliveryState | undefined {
  if (RANK[event.kind] <= RANK[state.status]) return undefined;
  const at = event.at.toISOString();
  return {
    ...state,
    status: event.kind,
    ...(state.sentAt ? {} : { sentAt: at }),
    ...(event.kind === 'delivered' ? { deliveredAt: at } : {}),
    ...(event.providerMessageId && !state.providerMessageId
      ? { providerMessageId: event.providerMessageId }
      : {}),
    ...(event.detail && event.kind !== 'sent' && event.kind !== 'delivered' ? { failure: event.detail } : {}),
    deliveryRevision: (state.deliveryRevision ?? 0) + 1,
  };
}
