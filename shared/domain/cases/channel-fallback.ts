/**
 * When a step's channels are all refused for good — the debtor opted out, the address bounced,
 * there is no address or no consent — the step goes out on the next written channel the gate
 * allows, instead of waiting for a change that may never come. Temporary refusals (contact hours,
 * caps) are deferred as before; a step that reached the debtor on one channel needs no other.
 */
import type { ContactChannel } from '../compliance/contact-channel';
import type { ContactRefusalCode } from '../compliance/contact-gate';

const PERMANENT_REFUSALS: ReadonlySet<ContactRefusalCode> = new Set([
  'opted_out',
  'undeliverable',
  'no_address',
  'no_consent',
  'do_not_call',
]);

/** Email first (cheapest, fastest), then a text, then a letter. */
export const FALLBACK_ORDER: readonly ContactChannel[] = ['email', 'sms', 'letter'];

export function refusedForGood(reasons: readonly ContactRefusalCode[]): boolean {
  return reasons.length > 0 && reasons.every((code) => PERMANENT_REFUSALS.has(code));
}

/** The channels to try, best first, for a step none of whose channels could be used for good. */
export function fallbackChannels(
  stepChannels: readonly ContactChannel[],
  refusals: readonly { channel: ContactChannel; reasons: readonly ContactRefusalCode[] }[],
): ContactChannel[] {
  const allRefusedForGood =
    refusals.length === stepChannels.length && refusals.every((refusal) => refusedForGood(refusal.reasons));
  return allRefusedForGood ? FALLBACK_ORDER.filter((channel) => !stepChannels.includes(channel)) : [];
}
