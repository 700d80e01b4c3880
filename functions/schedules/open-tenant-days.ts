import { tick } from '../../shared/app/schedules/tick';
import { tickHandler } from '../../shared/schedules/scheduled-handler';
import { contacts } from '../../shared/runtime/factories/contacts';
import { jobs } from '../../shared/runtime/factories/jobs';
import { messages } from '../../shared/runtime/factories/messages';
import { schedules } from '../../shared/runtime/factories/schedules';
import { settings } from '../../shared/runtime/factories/settings';
import { webhookQueue } from '../../shared/runtime/factories/webhook-queue';
import { webhooks } from '../../shared/runtime/factories/webhooks';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({ contacts, jobs, messages, schedules, settings, webhookQueue, webhooks });

export const handler = tickHandler(() => tick(services()));
