import { runTenantDayJob } from '../../shared/app/schedules/run-tenant-day-job';
import { jobWorkerHandler } from '../../shared/schedules/scheduled-handler';
import { alertRules } from '../../shared/runtime/factories/alert-rules';
import { approvals } from '../../shared/runtime/factories/approvals';
import { cases } from '../../shared/runtime/factories/cases';
import { contacts } from '../../shared/runtime/factories/contacts';
import { creditBureau } from '../../shared/runtime/factories/credit-bureau';
import { creditReports } from '../../shared/runtime/factories/credit-reports';
import { debtors } from '../../shared/runtime/factories/debtors';
import { exchangeRates } from '../../shared/runtime/factories/exchange-rates';
import { facts } from '../../shared/runtime/factories/facts';
import { forecasts } from '../../shared/runtime/factories/forecasts';
import { invoices } from '../../shared/runtime/factories/invoices';
import { ledger } from '../../shared/runtime/factories/ledger';
import { merges } from '../../shared/runtime/factories/merges';
import { messages } from '../../shared/runtime/factories/messages';
import { notifications } from '../../shared/runtime/factories/notifications';
import { policies } from '../../shared/runtime/factories/policies';
import { receivableDays } from '../../shared/runtime/factories/receivable-days';
import { rollups } from '../../shared/runtime/factories/rollups';
import { schedules } from '../../shared/runtime/factories/schedules';
import { settings } from '../../shared/runtime/factories/settings';
import { workflow } from '../../shared/runtime/factories/workflow';
import { worklists } from '../../shared/runtime/factories/worklists';
import { wireServices } from '../../shared/runtime/wire-services';

// The credit-refresh job orders reports: this worker reads the bureau's credentials.
const services = wireServices({
  alertRules,
  approvals,
  cases,
  contacts,
  creditBureau,
  creditReports,
  debtors,
  exchangeRates,
  facts,
  forecasts,
  invoices,
  ledger,
  merges,
  messages,
  notifications,
  policies,
  receivableDays,
  rollups,
  schedules,
  settings,
  workflow,
  worklists,
});

export const handler = jobWorkerHandler((job) => runTenantDayJob(services(), job));
