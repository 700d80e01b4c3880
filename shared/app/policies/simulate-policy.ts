/**
 * Runs a policy and the compliance gate over simulated time, for debtors described in the request
 * or a generated sample, under the tenant's own contact rules.
 */
import { simulateCadence, type SimulatedDebtor } from '../../domain/compliance/cadence-simulation';
import type { ContactStanding } from '../../domain/compliance/contact-standing';
import { sampleDebtors } from '../../domain/compliance/sample-debtors';
import { tenantRulePack } from '../../domain/compliance/tenant-contact-rules';
import { localDate, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { debtKindOf } from '../contacts/contact-situation';
import { findPolicy } from './find-policy';

/** Contacts listed in a response at most; the summary and breaches always cover everything. */
export const MAX_LISTED_CONTACTS = 2000;

export interface SimulationRequest {
  version?: number;
  from?: CalendarDate;
  days: number;
  includeContacts?: boolean;
  debtors?: {
    ref?: string;
    kind: 'person' | 'business';
    jurisdiction: string;
    timezone?: string;
    dueDate: CalendarDate;
    reachable?: { call?: boolean; sms?: boolean; email?: boolean; letter?: boolean };
    standing?: ContactStanding;
    events?: { day: number; change: Partial<ContactStanding> }[];
    answersCalls?: number[];
  }[];
  sample?: { count: number; seed?: number; kind?: 'person' | 'business' };
}

export async function simulatePolicy(
  services: Pick<Services, 'clock' | 'policies' | 'settings'>,
  context: UseCaseContext,
  policyId: string,
  request: SimulationRequest,
) {
  const tenantId = context.actor.tenantId;
  const [policy, settings] = await Promise.all([
    findPolicy(services.policies, tenantId, policyId, request.version),
    services.settings.get(tenantId),
  ]);
  const from = request.from ?? localDate(services.clock.now(), settings.timezone);
  const debtors: SimulatedDebtor[] = request.sample
    ? sampleDebtors({
        count: request.sample.count,
        seed: request.sample.seed ?? 1,
        from,
        days: request.days,
        ...(request.sample.kind ? { debtKind: debtKindOf({ kind: request.sample.kind }) } : {}),
      })
    : (request.debtors ?? []).map((debtor, index) => ({
        ref: debtor.ref ?? `debtor-${index + 1}`,
        subject: {
          debtKind: debtKindOf(debtor),
          jurisdiction: debtor.jurisdiction,
          ...(debtor.timezone ? { timezone: debtor.timezone } : {}),
          reachable: { call: true, sms: true, email: true, letter: true, ...debtor.reachable },
        },
        dueDate: debtor.dueDate,
        ...(debtor.standing ? { standing: debtor.standing } : {}),
        ...(debtor.events ? { events: debtor.events } : {}),
        ...(debtor.answersCalls ? { answersCalls: debtor.answersCalls } : {}),
      }));
  const tenantPack = tenantRulePack(settings.contactRules);
  const result = simulateCadence({
    policy,
    debtors,
    from,
    days: request.days,
    ...(tenantPack ? { tenantPack } : {}),
  });
  const listed = request.includeContacts ? result.contacts.slice(0, MAX_LISTED_CONTACTS) : [];
  return {
    policy: { id: policy.id, version: policy.version, name: policy.name },
    from: result.from,
    days: result.days,
    debtors: result.debtors,
    lawful: result.breaches.length === 0,
    summary: result.summary,
    breaches: result.breaches,
    handoffs: result.handoffs.length,
    contacts: listed,
    contactsTruncated: request.includeContacts === true && result.contacts.length > listed.length,
  };
}
