/**
 * The contact rules of one person recorded on two debtors: once merged, the survivor honours the
 * stricter of each — a cease request, an opt-out, do-not-call, bankruptcy, a representing attorney
 * recorded on either stays in force (Regulation F and the tenants' rules follow the person, not the
 * record). Consent is not carried over: it was given for the duplicate's addresses; nor are the
 * validation-notice dates, which belong to the survivor's own debts.
 */
import type { ChannelFlags, ContactProfile } from '../../compliance/contact-profile';

export function stricterContactProfile(
  survivor: ContactProfile,
  duplicate: ContactProfile,
  now: Date,
  actorSub: string,
): ContactProfile {
  const optOut: ChannelFlags = { ...survivor.optOut };
  for (const [channel, out] of Object.entries(duplicate.optOut) as [keyof ChannelFlags, boolean][]) {
    if (out) optOut[channel] = true;
  }
  const lastContactAt =
    survivor.lastContactAt && duplicate.lastContactAt
      ? [survivor.lastContactAt, duplicate.lastContactAt].sort()[1]
      : (survivor.lastContactAt ?? duplicate.lastContactAt);
  return {
    ...survivor,
    cease: survivor.cease || duplicate.cease,
    optOut,
    doNotCall: survivor.doNotCall || duplicate.doNotCall,
    bankruptcy: survivor.bankruptcy || duplicate.bankruptcy,
    deceased: survivor.deceased || duplicate.deceased,
    attorneyRepresented: survivor.attorneyRepresented || duplicate.attorneyRepresented,
    ...(lastContactAt ? { lastContactAt } : {}),
    version: survivor.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: actorSub,
  };
}
