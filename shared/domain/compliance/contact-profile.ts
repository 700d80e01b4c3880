/**
 * A debtor's contact preferences and flags, kept as one versioned record: every recorded contact
 * bumps its version, so two senders deciding at once cannot both squeeze under a cap.
 */
import type { Actor } from '../actor';
import type { ContactChannel } from './contact-channel';

export type ChannelFlags = Partial<Record<Exclude<ContactChannel, 'letter'>, boolean>>;

/** An address the provider reported undeliverable (hard bounce, invalid number, complaint). */
export interface Suppression {
  address: string;
  reason: 'bounced' | 'complained' | 'failed';
  at: string;
}

export type SuppressedChannel = 'email' | 'sms';

export interface ContactProfile {
  tenantId: string;
  debtorId: string;
  cease: boolean;
  optOut: ChannelFlags;
  consent: ChannelFlags;
  doNotCall: boolean;
  bankruptcy: boolean;
  deceased: boolean;
  attorneyRepresented: boolean;
  /**
   * Addresses that cannot be written to, by channel. Only that address: a new email address or
   * number on the debtor lifts it.
   */
  suppressed?: Partial<Record<SuppressedChannel, Suppression>>;
  /** First communication about the debt (starts the validation-notice clock). */
  firstContactAt?: string;
  validationNoticeSentAt?: string;
  lastContactAt?: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** What a person may set through `PUT /v1/debtors/{id}/contact-preferences`; omitted fields stay. */
export interface ContactPreferenceChanges {
  cease?: boolean;
  optOut?: ChannelFlags;
  consent?: ChannelFlags;
  doNotCall?: boolean;
  bankruptcy?: boolean;
  deceased?: boolean;
  attorneyRepresented?: boolean;
}

export function defaultContactProfile(tenantId: string, debtorId: string): ContactProfile {
  return {
    tenantId,
    debtorId,
    cease: false,
    optOut: {},
    consent: {},
    doNotCall: false,
    bankruptcy: false,
    deceased: false,
    attorneyRepresented: false,
    version: 0,
  };
}

export function changeContactPreferences(
  profile: ContactProfile,
  changes: ContactPreferenceChanges,
  actor: Actor,
  now: Date,
): ContactProfile {
  const { optOut, consent, ...flags } = changes;
  const defined = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  return {
    ...profile,
    ...defined,
    optOut: { ...profile.optOut, ...optOut },
    consent: { ...profile.consent, ...consent },
    version: profile.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: actor.sub,
  };
}

/** The profile once the provider reported an address undeliverable; a complaint also opts out of email. */
export function withSuppression(
  profile: ContactProfile,
  channel: SuppressedChannel,
  suppression: Suppression,
  now: Date,
): ContactProfile {
  return {
    ...profile,
    suppressed: { ...profile.suppressed, [channel]: suppression },
    ...(suppression.reason === 'complained' ? { optOut: { ...profile.optOut, [channel]: true } } : {}),
    version: profile.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: 'system:delivery',
  };
}

/** The channels whose current address is suppressed. */
export function undeliverableChannels(
  profile: Pick<ContactProfile, 'suppressed'>,
  addresses: { email?: string; phone?: string },
): Partial<Record<SuppressedChannel, boolean>> {
  const same = (channel: SuppressedChannel, address: string | undefined) =>
    address !== undefined && profile.suppressed?.[channel]?.address === address;
  return {
    ...(same('email', addresses.email) ? { email: true } : {}),
    ...(same('sms', addresses.phone) ? { sms: true } : {}),
  };
}

/** The profile after a contact went out: the first-contact and validation-notice clocks move. */
export function afterContact(
  profile: ContactProfile,
  contact: { at: string; validationNotice: boolean },
  now: Date,
): ContactProfile {
  return {
    ...profile,
    firstContactAt:
      profile.firstContactAt && profile.firstContactAt <= contact.at ? profile.firstContactAt : contact.at,
    ...(contact.validationNotice && !profile.validationNoticeSentAt
      ? { validationNoticeSentAt: contact.at }
      : {}),
    lastContactAt:
      profile.lastContactAt && profile.lastContactAt > contact.at ? profile.lastContactAt : contact.at,
    version: profile.version + 1,
    updatedAt: now.toISOString(),
  };
}
