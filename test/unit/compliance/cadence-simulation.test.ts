import { simulateCadence, type SimulatedDebtor } from '../../../shared/domain/compliance/cadence-simulation';
import { sampleDebtors } from '../../../shared/domain/compliance/sample-debtors';
import { BUILTIN_DEFAULT_POLICY } from '../../../shared/domain/policies/default-cadence';
import type { Policy } from '../../../shared/domain/policies/policy';

const reachable = { call: true, sms: true, email: true, letter: true };
const policy = (steps: Policy['steps'], sendHour = 10): Policy => ({
  id: 'pol-1',
  tenantId: 't1',
  name: 'Test',
  steps,
  version: 1,
  createdAt: '2026-01-01T00:00:00Z',
  createdBy: 'u',
  updatedAt: '2026-01-01T00:00:00Z',
  sendHour,
});

describe('the policy simulator', () => {
  it('runs the built-in cadence for a business debtor on working days at the send hour, in its zone', () => {
    const debtor: SimulatedDebtor = {
      ref: 'acme',
      subject: { debtKind: 'business', jurisdiction: 'DE', timezone: 'Europe/Berlin', reachable },
      // Due Wednesday 2026-05-13: -7 is Wednesday 05-06, +3 Saturday 05-16 (deferred to Monday).
      dueDate: '2026-05-13',
      standing: { consent: { sms: true } },
    };
    const result = simulateCadence({
      policy: BUILTIN_DEFAULT_POLICY,
      debtors: [debtor],
      from: '2026-05-01',
      days: 90,
    });
    expect(result.breaches).toEqual([]);
    const sent = result.contacts.map((contact) => [contact.action, contact.channel, contact.sentAt]);
    expect(sent).toEqual([
      ['email', 'email', '2026-05-06T08:00:00.000Z'],
      ['email', 'email', '2026-05-13T08:00:00.000Z'],
      ['email', 'email', '2026-05-18T06:00:00.000Z'],
      // +10 is Saturday 05-23: both wait for Monday 08:00 CEST.
      ['sms', 'sms', '2026-05-25T06:00:00.000Z'],
      ['email', 'email', '2026-05-25T06:00:00.000Z'],
      ['call_task', 'call', '2026-05-28T08:00:00.000Z'],
      // +25 is Sunday 06-07: a letter may be posted, the email waits for Monday.
      ['final_notice', 'letter', '2026-06-07T08:00:00.000Z'],
      ['final_notice', 'email', '2026-06-08T06:00:00.000Z'],
      ['call_task', 'call', '2026-06-17T08:00:00.000Z'],
    ]);
    expect(result.contacts[2]?.deferredFor).toEqual(['not_a_contact_day']);
    expect(result.handoffs).toEqual([{ debtor: 'acme', on: '2026-06-27' }]);
    expect(result.summary).toMatchObject({ planned: 9, sent: 9, sentOnTime: 5, deferred: 4, waiting: 0 });
  });

  it('reports what a cadence would break: three calls in a week for a Massachusetts consumer', () => {
    const debtor: SimulatedDebtor = {
      ref: 'ma',
      subject: { debtKind: 'consumer', jurisdiction: 'US-MA', timezone: 'America/New_York', reachable },
      dueDate: '2026-05-11',
      standing: { consent: { sms: true } },
    };
    const cadence = policy([
      { offsetDays: 0, action: 'letter' },
      { offsetDays: 1, action: 'call_task' },
      { offsetDays: 2, action: 'call_task' },
      { offsetDays: 3, action: 'call_task' },
    ]);
    const result = simulateCadence({ policy: cadence, debtors: [debtor], from: '2026-05-01', days: 60 });
    expect(result.breaches).toEqual([]);
    const third = result.contacts[3];
    expect(third?.deferredFor).toEqual(['contact_cap_reached']);
    // The first call (05-12) leaves the window on 05-19: the third goes out at 08:00 EDT.
    expect(third?.sentAt).toBe('2026-05-19T12:00:00.000Z');
    expect(result.summary.wouldHaveBroken).toEqual({ contact_cap_reached: 1 });
  });

  it('waits through a dispute and sends when it is answered; a cease leaves the rest waiting', () => {
    const subject = {
      debtKind: 'consumer' as const,
      jurisdiction: 'US-NY',
      timezone: 'America/New_York',
      reachable,
    };
    const cadence = policy([
      { offsetDays: 0, action: 'email' },
      { offsetDays: 5, action: 'email' },
      { offsetDays: 20, action: 'letter' },
    ]);
    const disputed: SimulatedDebtor = {
      ref: 'disputed',
      subject,
      dueDate: '2026-05-04',
      events: [
        { day: 5, change: { allDebtDisputed: true } },
        { day: 12, change: { allDebtDisputed: false } },
      ],
    };
    const ceased: SimulatedDebtor = {
      ref: 'ceased',
      subject,
      dueDate: '2026-05-04',
      events: [{ day: 5, change: { cease: true } }],
    };
    const result = simulateCadence({
      policy: cadence,
      debtors: [disputed, ceased],
      from: '2026-05-01',
      days: 40,
    });
    expect(result.breaches).toEqual([]);
    const second = result.contacts.find((contact) => contact.debtor === 'disputed' && contact.step === 1);
    expect(second).toMatchObject({ deferredFor: ['dispute_pending'], sentAt: '2026-05-13T12:00:00.000Z' });
    const waiting = result.contacts.filter((contact) => contact.debtor === 'ceased' && !contact.sentAt);
    expect(waiting.map((contact) => contact.blockedFor)).toEqual([['cease'], ['cease']]);
  });

  it('finds no breach in a generated population of consumers and businesses across the world', () => {
    const debtors = sampleDebtors({ count: 300, seed: 7, from: '2026-02-20', days: 120 });
    const result = simulateCadence({
      policy: BUILTIN_DEFAULT_POLICY,
      debtors,
      from: '2026-02-20',
      days: 120,
    });
    expect(result.breaches).toEqual([]);
    expect(result.summary.sent).toBeGreaterThan(1000);
    expect(result.summary.deferred).toBeGreaterThan(0);
    expect(Object.keys(result.summary.wouldHaveBroken)).toEqual(
      expect.arrayContaining(['not_a_contact_day', 'dispute_pending', 'no_address']),
    );
  });
});
