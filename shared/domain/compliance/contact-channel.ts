/** The ways a debtor can be contacted. Automated voice reminders count as calls. */
export const CONTACT_CHANNELS = ['call', 'sms', 'email', 'letter'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * Why a contact is made. Most are collection; the law lets some notices through a cease request
 * (confirming the cease, a legal step) and the validation notice through its own deadline.
 */
export const CONTACT_PURPOSES = [
  'collection',
  'validation_notice',
  'cease_confirmation',
  'legal_notice',
] as const;
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];

/** Channels reached through the debtor's phone number. */
export function usesPhone(channel: ContactChannel): boolean {
  return channel === 'call' || channel === 'sms';
}
