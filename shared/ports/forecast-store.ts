import type { CashForecast } from '../domain/forecast/cash-forecast';
import type { CalendarDate } from '../domain/time/calendar-date';

/** The forecasts made each Monday, kept to measure their accuracy. */
export interface ForecastStore {
  put(tenantId: string, forecast: CashForecast, madeAt: string): Promise<void>;
  /** Forecasts of one currency made on Mondays in [fromMonday, toMonday], oldest first. */
  list(
    tenantId: string,
    currency: string,
    fromMonday: CalendarDate,
    toMonday: CalendarDate,
  ): Promise<CashForecast[]>;
}
