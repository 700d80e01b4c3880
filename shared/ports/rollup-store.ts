import type { ArMetrics } from '../domain/metrics/ar-metrics';
import type { CalendarDate } from '../domain/time/calendar-date';

/** The figures of a closed day, or of a month to that day, kept as history for trends and reports. */
export interface MetricsRollup {
  tenantId: string;
  granularity: 'day' | 'month';
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month. */
  key: string;
  /** The last day the figures include. */
  through: CalendarDate;
  metrics: ArMetrics;
  computedAt: string;
}

export interface RollupStore {
  put(rollup: MetricsRollup): Promise<void>;
  /** Rollups of one currency and granularity with keys in [fromKey, toKey], oldest first. */
  list(
    tenantId: string,
    currency: string,
    granularity: 'day' | 'month',
    fromKey: string,
    toKey: string,
  ): Promise<MetricsRollup[]>;
}
