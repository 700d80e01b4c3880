import type { Invoice } from '../../domain/invoices/invoice';
import type { ContactRulePack } from '../../domain/compliance/contact-rule-pack';
/**
 * Everything the gate needs about one debtor at one instant, read in four requests: the debtor,
 * its invoices, the tenant's rules, and its contact partition (profile + recent activities).
 */
import type { Activity } from '../../domain/activities/activity';
import { contactAttempts } from '../../domain/activities/activity';
import type { Actor } from '../../domain/actor';
import { applicablePacks } from '../../domain/compliance/applicable-packs';
import type { ContactProfile } from '../../domain/compliance/contact-profile';
import type { ContactGateInput, ContactRequest } from '../../domain/compliance/contact-gate';
import type { ContactSubject } from '../../domain/compliance/contact-standing';
import type { DebtKind } from '../../domain/compliance/contact-rule-pack';
import { standingOf } from '../../domain/compliance/standing-of';
import { tenantRulePack } from '../../domain/compliance/tenant-contact-rules';
import type { Debtor } from '../../domain/debtors/debtor';
import { localDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import { findVisibleDebtor } from '../debtors/find-debtor';

/** Far enough back for every cap and quiet period the packs and tenant rules can set (≤ 30 days). */
const HISTORY_DAYS = 31;

export type ContactServices = Pick<Services, 'clock' | 'debtors' | 'ledger' | 'settings' | 'contacts'>;

export interface ContactSituation {
  debtor: Debtor;
  /** The debtor's invoices: what a message itemises. */
  invoices: Invoice[];
  /** The rule packs that apply today (the validation notice regime, if any). */
  packs: readonly ContactRulePack[];
  profile: ContactProfile;
  activities: Activity[];
  gate: Omit<ContactGateInput, 'request'>;
}

export function debtKindOf(debtor: Pick<Debtor, 'kind'>): DebtKind {
  return debtor.kind === 'person' ? 'consumer' : 'business';
}

export function contactSubject(debtor: Debtor): ContactSubject {
  return {
    debtKind: debtKindOf(debtor),
    jurisdiction: debtor.jurisdiction,
    timezone: debtor.timezone,
    reachable: {
      call: debtor.phone !== undefined,
      sms: debtor.phone !== undefined,
      email: debtor.email !== undefined,
      letter: debtor.postalAddress !== undefined,
    },
  };
}

export async function contactSituation(
  services: ContactServices,
  actor: Actor,
  debtorId: string,
  at: Date,
): Promise<ContactSituation> {
  const debtor = await findVisibleDebtor(services.debtors, actor, debtorId);
  const [snapshot, settings, recent] = await Promise.all([
    services.ledger.snapshot(debtor.tenantId, debtor.id),
    services.settings.get(debtor.tenantId),
    services.contacts.recent(debtor.tenantId, debtor.id, new Date(at.getTime() - HISTORY_DAYS * 86_400_000)),
  ]);
  const subject = contactSubject(debtor);
  const tenantPack = tenantRulePack(settings.contactRules);
  const today = localDate(at, debtor.timezone);
  const packs = applicablePacks(debtor.jurisdiction, subject.debtKind, today, tenantPack);
  return {
    debtor,
    invoices: snapshot.invoices,
    packs,
    profile: recent.profile,
    activities: recent.activities,
    gate: {
      subject,
      standing: standingOf(recent.profile, snapshot.invoices, packs, today, debtor),
      attempts: contactAttempts(recent.activities),
      ...(tenantPack ? { tenantPack } : {}),
    },
  };
}

export function gateRequest(situation: ContactSituation, request: ContactRequest): ContactGateInput {
  return { ...situation.gate, request };
}
