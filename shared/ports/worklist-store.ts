import type { WorklistEntry } from '../domain/worklist/worklist';
import type { CalendarDate } from '../domain/time/calendar-date';

export interface StoredWorklist {
  date: CalendarDate;
  builtAt: string;
  entries: WorklistEntry[];
}

/** The worklist built for each local date; a rebuild of the same date replaces it. */
export interface WorklistStore {
  replace(tenantId: string, worklist: StoredWorklist): Promise<void>;
  get(tenantId: string, date: CalendarDate): Promise<StoredWorklist | undefined>;
}
