/**
 * The deployed schedules, run on the local clock: the quarter-hour tick (EventBridge Scheduler
 * in AWS) fires at every tick instant at which some tenant's day has begun or a message left
 * queued is due for the outbox sweep (or a webhook event left unrelayed for the relay's), and the jobs it
 * queues (SQS FIFO in AWS) run at once, in order, with the clock standing at the tick.
 */
import { logger } from '../../shared/observability/powertools';
import { SWEEP_AFTER_MS } from '../../shared/app/notifications/sweep-outbox';
import { RELAY_SWEEP_AFTER_MS } from '../../shared/app/webhooks/relay-webhook-events';
import { tick } from '../../shared/app/schedules/tick';
import { runTenantDayJob } from '../../shared/app/schedules/run-tenant-day-job';
import type { TenantDayJob } from '../../shared/domain/schedules/tenant-day';
import { TICK_MINUTES, tickAtOrAfter } from '../../shared/domain/schedules/schedule-tick';
import type { JobQueue } from '../../shared/ports/job-queue';
import type { Services } from '../../shared/runtime/services';
import type { TimerSource } from '../clock/local-clock';

export class LocalScheduler implements TimerSource, JobQueue {
  private services: Services | undefined;
  private nextTick: number | undefined;
  private lastTick = Number.NEGATIVE_INFINITY;

  constructor(private readonly settled: () => Promise<void> = async () => {}) {}

  /** Wired after the services exist: they hold this scheduler as their job queue. */
  use(services: Services): void {
    this.services = services;
  }

  async prepare(): Promise<void> {
    const services = this.requireServices();
    const earliestDay = await services.schedules.earliestRun();
    // A message left queued is swept at the first tick after it has waited long enough.
    const [stale] = await services.contacts.queuedBefore(new Date('9999-12-31T23:59:59Z'), 1);
    // Likewise a webhook event nothing relayed (a process that died after its commit).
    const [unrelayed] = await services.webhooks.unrelayedEvents(new Date('9999-12-31T23:59:59Z'), 1);
    const candidates = [
      ...(earliestDay ? [Date.parse(earliestDay)] : []),
      ...(stale ? [Date.parse(stale.createdAt) + SWEEP_AFTER_MS] : []),
      ...(unrelayed ? [Date.parse(unrelayed.occurredAt) + RELAY_SWEEP_AFTER_MS] : []),
    ];
    this.nextTick =
      candidates.length === 0
        ? undefined
        : Math.max(tickAtOrAfter(Math.min(...candidates)), this.lastTick + TICK_MINUTES * 60_000);
  }

  nextDue(): number | undefined {
    return this.nextTick;
  }

  async fire(now: Date): Promise<void> {
    this.lastTick = now.getTime();
    await tick(this.requireServices());
    await this.settled();
    await this.prepare();
  }

  async enqueue(jobs: readonly TenantDayJob[]): Promise<void> {
    for (const job of jobs) {
      try {
        await runTenantDayJob(this.requireServices(), job);
      } catch (error) {
        // As in AWS, a failed job does not stop the others; there it is redelivered, then dead-lettered.
        logger.error('Tenant-day job failed', { job: job.job, date: job.date, error: error as Error });
      }
    }
  }

  private requireServices(): Services {
    if (!this.services) throw new Error('LocalScheduler.use(services) was not called');
    return this.services;
  }
}
