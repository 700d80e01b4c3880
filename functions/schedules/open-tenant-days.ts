import { tick } from '../../shared/app/schedules/tick';
import { services } from '../../shared/runtime/services';
import { tickHandler } from '../../shared/schedules/scheduled-handler';

export const handler = tickHandler(() => tick(services()));
