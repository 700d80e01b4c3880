/**
 * Activities: what happened between the creditor and the debtor — notes, calls, letters, emails and
 * texts, logged by people or sent by the system. Outbound contacts count toward the contact caps;
 * a call that reached the debtor (`conversation`) starts the quiet days.
 */
import type { Actor } from '../actor';
import type { ContactAttempt } from '../compliance/contact-standing';
import type { ContactChannel, ContactPurpose } from '../compliance/contact-channel';
import type { ContactRefusalCode } from '../compliance/contact-gate';
import type { DeliveryStatus } from '../messaging/delivery';

export const ACTIVITY_TYPES = ['note', 'call', 'email', 'sms', 'letter'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const CALL_OUTCOMES = [
  'no_answer',
  'left_message',
  'conversation',
  'wrong_number',
  'refused',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export interface ActivityCompliance {
  allowed: boolean;
  reasons: { code: ContactRefusalCode; message: string; rule?: string }[];
}

export interface ActivityDelivery {
  status: DeliveryStatus;
  at: string;
  failure?: string;
}

export interface Activity {
  id: string;
  tenantId: string;
  debtorId: string;
  type: ActivityType;
  direction?: 'outbound' | 'inbound';
  outcome?: CallOutcome;
  purpose?: ContactPurpose;
  /** When it happened (UTC). */
  at: string;
  text?: string;
  /** `person`: logged by a user; `system`: sent by a workflow or schedule. */
  source: 'person' | 'system';
  /**
   * `done`: it happened. `refused`: the gate stopped an automated contact; kept with the reasons
   * so a refusal is never silent (it does not count toward caps).
   */
  status: 'done' | 'refused';
  /** The gate's verdict on an outbound contact at its time. */
  compliance?: ActivityCompliance;
  /** What the provider last reported of the message this contact sent. */
  delivery?: ActivityDelivery;
  loggedBy: string;
  loggedAt: string;
}

export type ActivityDraft = Pick<Activity, 'type' | 'direction' | 'outcome' | 'purpose' | 'text'> & {
  at?: string;
};

export function newActivity(
  id: string,
  target: { tenantId: string; debtorId: string },
  draft: ActivityDraft,
  actor: Actor,
  now: Date,
  extra: Pick<Activity, 'source' | 'status'> & { compliance?: ActivityCompliance },
): Activity {
  const { at, ...fields } = draft;
  return {
    id,
    ...target,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    type: draft.type,
    at: at ?? now.toISOString(),
    ...extra,
    loggedBy: actor.sub,
    loggedAt: now.toISOString(),
  } as Activity;
}

/** The channel an outbound activity used, or undefined for notes and inbound contact. */
export function contactChannel(activity: Pick<Activity, 'type' | 'direction'>): ContactChannel | undefined {
  if (activity.type === 'note' || activity.direction === 'inbound') return undefined;
  return activity.type;
}

/**
 * Contacts that happened, as the gate counts them: outbound attempts (emails, texts and letters as
 * well as calls; those the system sent marked automated, those the provider could not deliver
 * marked undelivered) and inbound conversations.
 */
export function contactAttempts(activities: readonly Activity[]): ContactAttempt[] {
  const attempts: ContactAttempt[] = [];
  for (const activity of activities) {
    if (activity.status !== 'done') continue;
    const conversation = activity.type === 'call' && activity.outcome === 'conversation';
    const channel = contactChannel(activity);
    const automated = activity.source === 'system';
    const undelivered = activity.delivery?.status === 'bounced' || activity.delivery?.status === 'failed';
    if (channel)
      attempts.push({
        channel,
        atMs: Date.parse(activity.at),
        conversation,
        automated,
        ...(undelivered ? { undelivered } : {}),
      });
    else if (conversation)
      attempts.push({ channel: 'call', atMs: Date.parse(activity.at), conversation, inbound: true });
  }
  return attempts;
}
