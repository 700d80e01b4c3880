import type { ExchangeRate } from '../domain/money/conversion';
import type { WriteContext } from './write-context';

export interface ExchangeRateStore {
  /** The newest rate from → to dated on or before `date`. */
  effective(tenantId: string, from: string, to: string, date: string): Promise<ExchangeRate | undefined>;
  /** The rate recorded for exactly that pair and date. */
  get(tenantId: string, from: string, to: string, date: string): Promise<ExchangeRate | undefined>;
  /** Records a dated rate, replacing one of the same pair and date. */
  put(tenantId: string, rate: ExchangeRate, context: WriteContext): Promise<void>;
}
