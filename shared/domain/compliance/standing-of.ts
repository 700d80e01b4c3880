/** The gate's view of a debtor's standing, from its contact profile and its open invoices. */
import type { Invoice } from '../invoices/invoice';
import { outstanding } from '../invoices/invoice';
import type { CalendarDate } from '../time/calendar-date';
import { undeliverableChannels, type ContactProfile } from './contact-profile';
import type { ContactRulePack } from './contact-rule-pack';
import type { ContactStanding } from './contact-standing';
import { anyTimeBarred } from './limitation';

export function standingOf(
  profile: ContactProfile,
  invoices: readonly Invoice[],
  packs: readonly ContactRulePack[],
  today: CalendarDate,
  addresses: { email?: string; phone?: string } = {},
): ContactStanding {
  const open = invoices.filter((invoice) => outstanding(invoice) > 0);
  return {
    cease: profile.cease,
    optOut: profile.optOut,
    undeliverable: undeliverableChannels(profile, addresses),
    consent: profile.consent,
    doNotCall: profile.doNotCall,
    bankruptcy: profile.bankruptcy,
    deceased: profile.deceased,
    attorneyRepresented: profile.attorneyRepresented,
    allDebtDisputed: open.length > 0 && open.every((invoice) => invoice.openDisputeId !== undefined),
    timeBarred: anyTimeBarred(
      packs,
      open.map((invoice) => invoice.dueDate),
      today,
    ),
    ...(profile.firstContactAt ? { firstContactAtMs: Date.parse(profile.firstContactAt) } : {}),
    ...(profile.validationNoticeSentAt
      ? { validationNoticeSentAtMs: Date.parse(profile.validationNoticeSentAt) }
      : {}),
  };
}
