import fc from 'fast-check';
import { reviewCase, stepInstant, type ReviewFacts } from '../../../shared/domain/cases/case-review';
import { openCase, type CollectionCase } from '../../../shared/domain/cases/collection-case';
import type { Invoice } from '../../../shared/domain/invoices/invoice';
import { BUILTIN_DEFAULT_POLICY } from '../../../shared/domain/policies/default-cadence';
import { addDays } from '../../../shared/domain/time/calendar-date';

const ZONE = 'Europe/Berlin';

const invoice = (overrides: Partial<Invoice> = {}): Invoice => ({
  id: 'inv_1',
  tenantId: 't',
  debtorId: 'd',
  number: 'N-1',
  currency: 'EUR',
  amount: 100_000,
  paid: 0,
  credited: 0,
  writtenOff: 0,
  issueDate: '2027-01-01',
  dueDate: '2027-03-15',
  version: 1,
  createdAt: '2027-01-01T00:00:00Z',
  updatedAt: '2027-01-01T00:00:00Z',
  createdBy: 'u',
  ...overrides,
});

const fresh = (): CollectionCase =>
  openCase({
    id: 'case_1',
    tenantId: 't',
    debtorId: 'd',
    policyId: 'builtin-default',
    policyVersion: 1,
    now: new Date('2027-03-01T00:00:00Z'),
  });

const facts = (now: string, overrides: Partial<ReviewFacts> = {}): ReviewFacts => ({
  now: new Date(now),
  timezone: ZONE,
  policy: BUILTIN_DEFAULT_POLICY as ReviewFacts['policy'],
  invoices: [invoice()],
  promises: [],
  plans: [],
  contactStopped: false,
  ...overrides,
});

describe('ReviewCase decisions', () => {
  it('waits for the first step at the send hour in the debtor’s zone', () => {
    const decision = reviewCase(fresh(), facts('2027-03-01T12:00:00Z'));
    expect(decision.actions).toEqual([]);
    expect(decision.nextActionAt.toISOString()).toBe('2027-03-08T09:00:00.000Z');
    expect(decision.case.currentStep).toMatchObject({ index: 0, action: 'email', date: '2027-03-08' });
  });

  it('closes when nothing is owed', () => {
    const decision = reviewCase(
      fresh(),
      facts('2027-03-20T12:00:00Z', { invoices: [invoice({ paid: 100_000 })] }),
    );
    expect(decision.actions).toEqual([{ kind: 'close', reason: 'settled' }]);
    expect(decision.case).toMatchObject({ status: 'closed', closeReason: 'settled' });
  });

  it('an invoice taken up after its due date starts its cadence that day (no jump to a final notice)', () => {
    const decision = reviewCase(fresh(), facts('2027-03-26T12:00:00Z'));
    // Re-based to 03-26: the pre-due email is skipped, the due-date email goes now.
    expect(decision.actions).toEqual([
      expect.objectContaining({ kind: 'contact', stepIndex: 1, channels: ['email'] }),
    ]);
    expect(decision.case.anchors).toEqual({ inv_1: '2027-03-26' });
    expect(decision.nextActionAt.toISOString()).toBe('2027-03-29T08:00:00.000Z'); // +3, CEST
  });

  it('a case that wakes late (after a pause) performs only the latest due day’s steps, the earlier ones skipped', () => {
    const running = { ...fresh(), anchors: { inv_1: '2027-03-15' } };
    // +10 (03-25): SMS and email together; -7, 0 and +3 are skipped.
    const decision = reviewCase(running, facts('2027-03-26T12:00:00Z'));
    expect(
      decision.actions.map((action) => (action.kind === 'contact' ? action.channels : action.kind)),
    ).toEqual([['sms'], ['email']]);
    expect(decision.case.history.filter((event) => event.kind === 'steps_skipped')).toHaveLength(3);
    expect(decision.case.progress.inv_1).toEqual([0, 1, 2, 3, 4]);
  });

  it('pauses while every open invoice is disputed, and a cease keeps only the hand-off', () => {
    const disputed = reviewCase(
      fresh(),
      facts('2027-03-20T12:00:00Z', { invoices: [invoice({ openDisputeId: 'dsp_1' })] }),
    );
    expect(disputed.case).toMatchObject({ status: 'paused', pauseReason: 'dispute' });
    expect(disputed.actions).toEqual([]);
    const ceased = reviewCase(
      { ...fresh(), anchors: { inv_1: '2027-03-15' } },
      facts('2027-05-01T12:00:00Z', { contactStopped: true }),
    );
    expect(ceased.actions).toEqual([expect.objectContaining({ kind: 'handoff', to: 'agency' })]);
    expect(ceased.case.status).toBe('handed_off');
  });

  it('a pending promise skips the steps up to its last day and wakes at its deadline', () => {
    const decision = reviewCase(
      fresh(),
      facts('2027-03-16T12:00:00Z', {
        promises: [
          {
            id: 'pr_1',
            status: 'pending',
            deadline: new Date('2027-03-21T23:00:00Z'),
            lastDay: '2027-03-21',
          },
        ],
      }),
    );
    expect(decision.actions).toEqual([]);
    expect(decision.case.skipBefore).toBe('2027-03-22');
    expect(decision.nextActionAt.toISOString()).toBe('2027-03-21T23:00:00.000Z');
  });
});

describe('ReviewCase over a case’s life (property)', () => {
  it('performs every step at most once, in order, never before its time, and never two days’ steps at once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 60 }),
        fc.array(fc.integer({ min: 1, max: 6 * 24 }), { maxLength: 10 }),
        (startOffsetDays, extraWakesHours) => {
          const due = '2027-03-15';
          let collectionCase = fresh();
          let now = new Date(
            stepInstant(addDays(due, startOffsetDays), BUILTIN_DEFAULT_POLICY, ZONE).getTime() - 3_600_000,
          );
          const performed: { index: number; at: number }[] = [];
          const extra = [...extraWakesHours];
          for (let round = 0; round < 60 && collectionCase.status === 'active'; round += 1) {
            const decision = reviewCase(collectionCase, facts(now.toISOString()));
            const days = new Set<string>();
            for (const action of decision.actions) {
              if (action.kind === 'contact' || action.kind === 'call_task' || action.kind === 'handoff') {
                const index = action.stepIndex;
                expect(performed.some((step) => step.index === index)).toBe(false);
                const date = addDays(due, BUILTIN_DEFAULT_POLICY.steps[index]!.offsetDays);
                days.add(date);
                expect(stepInstant(date, BUILTIN_DEFAULT_POLICY, ZONE).getTime()).toBeLessThanOrEqual(
                  now.getTime(),
                );
                performed.push({ index, at: now.getTime() });
              }
            }
            expect(days.size).toBeLessThanOrEqual(1);
            if (decision.case.status === 'active')
              expect(decision.nextActionAt.getTime()).toBeGreaterThan(now.getTime());
            collectionCase = { ...decision.case, version: decision.case.version + 1 };
            // Woken by its timer, or earlier by an event.
            const early = extra.shift();
            now =
              early !== undefined
                ? new Date(Math.min(decision.nextActionAt.getTime(), now.getTime() + early * 3_600_000))
                : decision.nextActionAt;
          }
          const order = performed.map((step) => step.index);
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(collectionCase.status).toBe('handed_off');
        },
      ),
      { numRuns: 200 },
    );
  });
});
