import { openTenantDays } from '../../shared/app/schedules/open-tenant-days';
import { services } from '../../shared/runtime/services';
import { tickHandler } from '../../shared/schedules/scheduled-handler';

export const handler = tickHandler(() => openTenantDays(services()));
