/**
 * The one clock schedule: a tick every quarter hour (on the quarter, UTC). Every time zone's
 * midnight falls on a quarter hour, so a tenant's day — and with it the overdue alert of an invoice
 * due yesterday — opens at the first tick at or after its local midnight. Deployed as an
 * EventBridge Scheduler cron; run locally by the controllable clock.
 */
export const TICK_MINUTES = 15;
const TICK_MS = TICK_MINUTES * 60_000;

/** The first tick at or after `instantMs`. */
export function tickAtOrAfter(instantMs: number): number {
  return Math.ceil(instantMs / TICK_MS) * TICK_MS;
}

/** EventBridge Scheduler expression of the tick (UTC). */
export const TICK_CRON = `cron(0/${TICK_MINUTES} * * * ? *)`;
