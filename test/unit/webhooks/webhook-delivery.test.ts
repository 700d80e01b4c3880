import fc from 'fast-check';
import {
  afterAttempt,
  attemptDecision,
  claimedDelivery,
  manualRetry,
  WEBHOOK_CLAIM_HOLDS_MS,
  type WebhookDelivery,
} from '../../../shared/domain/webhooks/webhook-delivery';
import {
  JITTER,
  MAX_ATTEMPTS,
  RETRY_DELAYS_MS,
  retryDelayMs,
} from '../../../shared/domain/webhooks/webhook-retry';

const HOUR = 3600_000;
const start = new Date('2027-05-03T08:00:00Z');

const pending = (): WebhookDelivery => ({
  id: 'whd_1',
  tenantId: 't',
  webhookId: 'whk_1',
  eventId: 'evt_1',
  eventType: 'payment.received',
  body: '{}',
  status: 'pending',
  attempts: 0,
  log: [],
  createdAt: start.toISOString(),
  revision: 1,
});

describe('backoff', () => {
  it('grows about fourfold, then caps, over about a day in all', () => {
    expect(RETRY_DELAYS_MS.map((delay) => delay / 60_000)).toEqual([1, 5, 30, 120, 240, 480, 540]);
    const total = RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThan(22 * HOUR);
    expect(total).toBeLessThan(25 * HOUR);
    expect(MAX_ATTEMPTS).toBe(8);
    expect(retryDelayMs(MAX_ATTEMPTS, 0.5)).toBeUndefined();
  });

  it('jitters each wait within ±20 % of its base', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_ATTEMPTS - 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, random) => {
          const base = RETRY_DELAYS_MS[attempt - 1]!;
          const delay = retryDelayMs(attempt, random)!;
          expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - JITTER)));
          expect(delay).toBeLessThanOrEqual(Math.ceil(base * (1 + JITTER)));
        },
      ),
    );
  });
});

describe('a delivery', () => {
  it('succeeds on a 2xx, logging status and latency', () => {
    const claimed = claimedDelivery(pending(), start);
    expect(attemptDecision(claimed, start)).toEqual({
      kind: 'wait',
      until: new Date(start.getTime() + WEBHOOK_CLAIM_HOLDS_MS),
    });
    const done = afterAttempt(claimed, { at: start, responseStatus: 204, latencyMs: 12 }, 0.5);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 1, completedAt: start.toISOString() });
    expect(done.log).toEqual([{ at: start.toISOString(), responseStatus: 204, latencyMs: 12 }]);
    expect(attemptDecision(done, start)).toEqual({ kind: 'done' });
  });

  it('is retried on anything else until its attempts are spent, then fails', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(undefined), fc.integer({ min: 300, max: 599 })), {
          minLength: MAX_ATTEMPTS,
          maxLength: MAX_ATTEMPTS,
        }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (statuses, random) => {
          let delivery = pending();
          let now = start;
          for (const [index, status] of statuses.entries()) {
            expect(attemptDecision(delivery, now)).toEqual({ kind: 'attempt' });
            const claimed = claimedDelivery(delivery, now);
            delivery = afterAttempt(
              claimed,
              {
                at: now,
                latencyMs: 5,
                ...(status === undefined ? { error: 'no answer' } : { responseStatus: status }),
              },
              random,
            );
            expect(delivery.attempts).toBe(index + 1);
            if (index + 1 < MAX_ATTEMPTS) {
              expect(delivery.status).toBe('pending');
              const due = new Date(delivery.nextAttemptAt!);
              expect(due.getTime() - now.getTime()).toBe(retryDelayMs(index + 1, random));
              // Not a moment before its time.
              expect(attemptDecision(delivery, new Date(due.getTime() - 1)).kind).toBe('wait');
              now = due;
            }
          }
          expect(delivery.status).toBe('failed');
          expect(delivery.log).toHaveLength(MAX_ATTEMPTS);
          expect(delivery.log.every((attempt) => attempt.error !== undefined)).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('is taken over when its sender died holding the claim', () => {
    const claimed = claimedDelivery(pending(), start);
    expect(attemptDecision(claimed, new Date(start.getTime() + WEBHOOK_CLAIM_HOLDS_MS))).toEqual({
      kind: 'attempt',
    });
  });

  it('is tried once more by hand, which logs the attempt as manual and never reopens a spent delivery', () => {
    let delivery = pending();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      delivery = afterAttempt(
        claimedDelivery(delivery, start),
        { at: start, responseStatus: 500, latencyMs: 1 },
        0,
      );
    }
    expect(delivery.status).toBe('failed');
    const asked = manualRetry(delivery, start);
    expect(asked).toMatchObject({ status: 'pending', nextAttemptAt: start.toISOString(), manual: true });
    expect(attemptDecision(asked, start)).toEqual({ kind: 'attempt' });
    const failedAgain = afterAttempt(
      claimedDelivery(asked, start),
      { at: start, responseStatus: 500, latencyMs: 1 },
      0,
    );
    expect(failedAgain).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS + 1 });
    expect(failedAgain.log.at(-1)).toMatchObject({ manual: true, responseStatus: 500 });
    expect(failedAgain.manual).toBeUndefined();
  });
});
