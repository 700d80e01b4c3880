import { syncWorkerHandler } from '../../shared/connectors/sync-worker';
import { approvals } from '../../shared/runtime/factories/approvals';
import { bulk } from '../../shared/runtime/factories/bulk';
import { cases } from '../../shared/runtime/factories/cases';
import { connections } from '../../shared/runtime/factories/connections';
import { connectors } from '../../shared/runtime/factories/connectors';
import { debtors } from '../../shared/runtime/factories/debtors';
import { facts } from '../../shared/runtime/factories/facts';
import { invoices } from '../../shared/runtime/factories/invoices';
import { ledger } from '../../shared/runtime/factories/ledger';
import { policies } from '../../shared/runtime/factories/policies';
import { settings } from '../../shared/runtime/factories/settings';
import { syncRunner } from '../../shared/runtime/factories/sync-runner';
import { tokenCipher } from '../../shared/runtime/factories/token-cipher';
import { workflow } from '../../shared/runtime/factories/workflow';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({
  approvals,
  bulk,
  cases,
  connections,
  connectors,
  debtors,
  facts,
  invoices,
  ledger,
  policies,
  settings,
  syncRunner,
  tokenCipher,
  workflow,
});

export const handler = syncWorkerHandler(services);
