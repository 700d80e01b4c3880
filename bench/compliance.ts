/**
 * The compliance gate in process (goal ≥ 100,000 decisions/s) and the policy simulator on a
 * generated population (10,000 debtors × 120 days of the built-in cadence).
 */
import { simulateCadence } from '../shared/domain/compliance/cadence-simulation';
import { CONTACT_CHANNELS } from '../shared/domain/compliance/contact-channel';
import { canContact, type ContactGateInput } from '../shared/domain/compliance/contact-gate';
import { sampleDebtors } from '../shared/domain/compliance/sample-debtors';
import { BUILTIN_DEFAULT_POLICY } from '../shared/domain/policies/default-cadence';

export function gateThroughput(decisions = 300_000) {
  const debtors = sampleDebtors({ count: 1000, seed: 42, from: '2026-03-01', days: 60 });
  const start = Date.parse('2026-03-01T00:00:00Z');
  // Each debtor carries a realistic recent history: a few calls and messages over two weeks.
  const inputs: ContactGateInput[] = debtors.map((debtor, index) => ({
    subject: debtor.subject,
    standing: debtor.standing ?? {},
    attempts: Array.from({ length: 6 }, (_, n) => ({
      channel: CONTACT_CHANNELS[(index + n) % 4]!,
      atMs: start + n * 2 * 86_400_000 + 15 * 3_600_000,
      conversation: n === 2 && index % 3 === 0,
    })),
    request: { channel: 'call', at: new Date(start) },
  }));
  let allowed = 0;
  const began = process.hrtime.bigint();
  for (let i = 0; i < decisions; i += 1) {
    const base = inputs[i % inputs.length]!;
    const decision = canContact({
      ...base,
      request: {
        channel: CONTACT_CHANNELS[i % 4]!,
        at: new Date(start + 14 * 86_400_000 + (i % 2880) * 60_000),
      },
    });
    if (decision.allowed) allowed += 1;
  }
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  return { decisions, perSecond: Math.round(decisions / seconds), allowedShare: allowed / decisions };
}

export function simulatorRun(count = 10_000, days = 120) {
  const debtors = sampleDebtors({ count, seed: 2026, from: '2026-02-20', days });
  const before = process.memoryUsage().heapUsed;
  const began = process.hrtime.bigint();
  const result = simulateCadence({ policy: BUILTIN_DEFAULT_POLICY, debtors, from: '2026-02-20', days });
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  return {
    debtors: count,
    days,
    seconds: Number(seconds.toFixed(2)),
    contacts: result.summary.planned,
    sent: result.summary.sent,
    breaches: result.breaches.length,
    heapGrowthMb: Math.round((process.memoryUsage().heapUsed - before) / 1024 / 1024),
  };
}
