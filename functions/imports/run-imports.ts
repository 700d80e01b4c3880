import { importWorkerHandler } from '../../shared/imports/import-worker';
import { bulk } from '../../shared/runtime/factories/bulk';
import { cases } from '../../shared/runtime/factories/cases';
import { debtors } from '../../shared/runtime/factories/debtors';
import { facts } from '../../shared/runtime/factories/facts';
import { importFiles } from '../../shared/runtime/factories/import-files';
import { importRunner } from '../../shared/runtime/factories/import-runner';
import { imports } from '../../shared/runtime/factories/imports';
import { ledger } from '../../shared/runtime/factories/ledger';
import { policies } from '../../shared/runtime/factories/policies';
import { settings } from '../../shared/runtime/factories/settings';
import { workflow } from '../../shared/runtime/factories/workflow';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({
  bulk,
  cases,
  debtors,
  facts,
  importFiles,
  importRunner,
  imports,
  ledger,
  policies,
  settings,
  workflow,
});

export const handler = importWorkerHandler(services);
