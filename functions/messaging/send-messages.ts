import { senderHandler } from '../../shared/messaging/messaging-handler';
import { cases } from '../../shared/runtime/factories/cases';
import { contacts } from '../../shared/runtime/factories/contacts';
import { debtors } from '../../shared/runtime/factories/debtors';
import { deliveryLog } from '../../shared/runtime/factories/delivery-log';
import { ledger } from '../../shared/runtime/factories/ledger';
import { policies } from '../../shared/runtime/factories/policies';
import { senders } from '../../shared/runtime/factories/senders';
import { workflow } from '../../shared/runtime/factories/workflow';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({ cases, contacts, debtors, deliveryLog, ledger, policies, senders, workflow });

export const handler = senderHandler(services);
