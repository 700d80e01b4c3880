import { READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { idParams } from '../schemas/common';
import { agingExportQuery, csvText } from '../schemas/exports';
import { metricsQuery } from '../schemas/metrics';

const CSV = 'text/csv; charset=utf-8' as const;

export const exportAging = defineRoute({
  id: 'exportAging',
  method: 'GET',
  path: '/v1/exports/aging.csv',
  handlerEntry: 'functions/api/exports/export-aging.ts',
  summary: 'The aging report as CSV: a row per debtor and currency, then a total per currency',
  tag: 'Exports',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: agingExportQuery },
  responses: {
    200: {
      description: 'The report (the totals are those of GET /v1/portfolio for the date)',
      schema: csvText(
        'row, as_of, debtor_id, debtor_name, external_ref, currency, outstanding, overdue, buckets',
      ),
      mediaType: CSV,
    },
  },
});

export const exportMetrics = defineRoute({
  id: 'exportMetrics',
  method: 'GET',
  path: '/v1/exports/metrics.csv',
  handlerEntry: 'functions/api/exports/export-metrics.ts',
  summary: 'The AR metrics of a period as CSV (and of each day or month with a granularity)',
  tag: 'Exports',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: metricsQuery },
  responses: {
    200: {
      description: 'The figures of GET /v1/metrics, one row per period',
      schema: csvText('row, from, to, currency, ratios, inputs, aging, promises, disputes'),
      mediaType: CSV,
    },
  },
});

export const exportDebtorLedger = defineRoute({
  id: 'exportDebtorLedger',
  method: 'GET',
  path: '/v1/debtors/{id}/ledger.csv',
  handlerEntry: 'functions/api/exports/export-debtor-ledger.ts',
  summary: "A debtor's ledger as CSV: invoices, payments, credits, write-offs, charges, running balance",
  tag: 'Exports',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: idParams('dbt') },
  responses: {
    200: {
      description: 'Lines in date order per currency, each with the balance after it',
      schema: csvText('date, type, document_id, invoice_id, reference, currency, debit, credit, balance'),
      mediaType: CSV,
    },
  },
});
