/**
 * The route table of the deployed API. CDK creates one API Gateway route and one Lambda per
 * entry, the local server dispatches with it, and the OpenAPI document is generated from it.
 * Local-only routes (`/dev/*`) live in `local/` and never reach the CDK app.
 */
import * as z from 'zod';
import { READ_ROLES, WRITE_ROLES } from '../domain/roles';
import { defineRoute, type RouteDefinition } from './route';
import { auditEntryView, listAuditQuery } from './schemas/audit';
import { idParams, pageOf } from './schemas/common';
import { createDebtorBody, debtorView, listDebtorsQuery, updateDebtorBody } from './schemas/debtors';
import { createPaymentBody, listPaymentsQuery, paymentView, reversePaymentBody } from './schemas/payments';
import { createInvoiceBody, invoiceView, listInvoicesQuery, updateInvoiceBody } from './schemas/invoices';

const debtorParams = idParams('dbt');
const invoiceParams = idParams('inv');
const paymentParams = idParams('pay');
const LEDGER_ROLES = ['admin', 'manager', 'accountant'] as const;

export const health = defineRoute({
  id: 'getHealth',
  method: 'GET',
  path: '/health',
  handlerEntry: 'functions/api/health/get-health.ts',
  summary: 'Liveness check',
  tag: 'System',
  auth: { kind: 'public' },
  request: {},
  responses: { 200: { description: 'Service is up', schema: z.object({ status: z.literal('ok') }) } },
});

export const openApiDocument = defineRoute({
  id: 'getOpenApi',
  method: 'GET',
  path: '/v1/openapi.json',
  handlerEntry: 'functions/api/openapi/get-openapi.ts',
  summary: 'This OpenAPI 3.1 document',
  tag: 'System',
  auth: { kind: 'public' },
  request: {},
  responses: { 200: { description: 'OpenAPI 3.1 document' } },
});

export const createDebtor = defineRoute({
  id: 'createDebtor',
  method: 'POST',
  path: '/v1/debtors',
  handlerEntry: 'functions/api/debtors/create-debtor.ts',
  summary: 'Create a debtor',
  tag: 'Debtors',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { body: createDebtorBody },
  responses: { 201: { description: 'Debtor created', schema: debtorView } },
  idempotent: true,
});

export const listDebtors = defineRoute({
  id: 'listDebtors',
  method: 'GET',
  path: '/v1/debtors',
  handlerEntry: 'functions/api/debtors/list-debtors.ts',
  summary: 'List debtors, or search by name prefix or external reference',
  tag: 'Debtors',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: listDebtorsQuery },
  responses: { 200: { description: 'A page of debtors', schema: pageOf(debtorView, 'DebtorPage') } },
});

export const getDebtor = defineRoute({
  id: 'getDebtor',
  method: 'GET',
  path: '/v1/debtors/{id}',
  handlerEntry: 'functions/api/debtors/get-debtor.ts',
  summary: 'Get a debtor with balances and aging per currency',
  tag: 'Debtors',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams },
  responses: { 200: { description: 'The debtor', schema: debtorView } },
});

export const updateDebtor = defineRoute({
  id: 'updateDebtor',
  method: 'PATCH',
  path: '/v1/debtors/{id}',
  handlerEntry: 'functions/api/debtors/update-debtor.ts',
  summary: 'Change a debtor (optimistic concurrency with If-Match)',
  tag: 'Debtors',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: debtorParams, body: updateDebtorBody },
  responses: { 200: { description: 'The changed debtor', schema: debtorView } },
  conditional: true,
});

export const listDebtorInvoices = defineRoute({
  id: 'listDebtorInvoices',
  method: 'GET',
  path: '/v1/debtors/{id}/invoices',
  handlerEntry: 'functions/api/invoices/list-debtor-invoices.ts',
  summary: "A debtor's invoices, by due date",
  tag: 'Invoices',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams, query: listInvoicesQuery },
  responses: { 200: { description: 'A page of invoices', schema: pageOf(invoiceView, 'InvoicePage') } },
});

export const createInvoice = defineRoute({
  id: 'createInvoice',
  method: 'POST',
  path: '/v1/invoices',
  handlerEntry: 'functions/api/invoices/create-invoice.ts',
  summary: 'Create an invoice for a debtor',
  tag: 'Invoices',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { body: createInvoiceBody },
  responses: { 201: { description: 'Invoice created', schema: invoiceView } },
  idempotent: true,
});

export const getInvoice = defineRoute({
  id: 'getInvoice',
  method: 'GET',
  path: '/v1/invoices/{id}',
  handlerEntry: 'functions/api/invoices/get-invoice.ts',
  summary: 'Get an invoice with its outstanding amount and status',
  tag: 'Invoices',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: invoiceParams },
  responses: { 200: { description: 'The invoice', schema: invoiceView } },
});

export const updateInvoice = defineRoute({
  id: 'updateInvoice',
  method: 'PATCH',
  path: '/v1/invoices/{id}',
  handlerEntry: 'functions/api/invoices/update-invoice.ts',
  summary: 'Change an invoice (optimistic concurrency with If-Match)',
  tag: 'Invoices',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { params: invoiceParams, body: updateInvoiceBody },
  responses: { 200: { description: 'The changed invoice', schema: invoiceView } },
  conditional: true,
});

export const createPayment = defineRoute({
  id: 'createPayment',
  method: 'POST',
  path: '/v1/payments',
  handlerEntry: 'functions/api/payments/create-payment.ts',
  summary: 'Record a payment and apply it (explicitly, or oldest due date first; the rest is credit)',
  tag: 'Payments',
  auth: { kind: 'jwt', roles: WRITE_ROLES },
  request: { body: createPaymentBody },
  responses: { 201: { description: 'Payment recorded with the allocations applied', schema: paymentView } },
  idempotent: true,
});

export const getPayment = defineRoute({
  id: 'getPayment',
  method: 'GET',
  path: '/v1/payments/{id}',
  handlerEntry: 'functions/api/payments/get-payment.ts',
  summary: 'Get a payment with its allocations',
  tag: 'Payments',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: paymentParams },
  responses: { 200: { description: 'The payment', schema: paymentView } },
});

export const reversePayment = defineRoute({
  id: 'reversePayment',
  method: 'POST',
  path: '/v1/payments/{id}/reverse',
  handlerEntry: 'functions/api/payments/reverse-payment.ts',
  summary: 'Reverse a bounced payment: undo its allocations and credit, re-open the invoices',
  tag: 'Payments',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { params: paymentParams, body: reversePaymentBody },
  responses: { 200: { description: 'The reversed payment', schema: paymentView } },
  idempotent: true,
});

export const listDebtorPayments = defineRoute({
  id: 'listDebtorPayments',
  method: 'GET',
  path: '/v1/debtors/{id}/payments',
  handlerEntry: 'functions/api/payments/list-debtor-payments.ts',
  summary: "A debtor's payments, newest first",
  tag: 'Payments',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: debtorParams, query: listPaymentsQuery },
  responses: { 200: { description: 'A page of payments', schema: pageOf(paymentView, 'PaymentPage') } },
});

export const listAudit = defineRoute({
  id: 'listAudit',
  method: 'GET',
  path: '/v1/audit',
  handlerEntry: 'functions/api/audit/list-audit.ts',
  summary: "An entity's change history (who, what, when, before/after), or the tenant's newest first",
  tag: 'Audit',
  auth: { kind: 'jwt', roles: ['admin', 'manager', 'auditor', 'accountant'] },
  request: { query: listAuditQuery },
  responses: { 200: { description: 'A page of audit records', schema: pageOf(auditEntryView, 'AuditPage') } },
});

export const apiRoutes: readonly RouteDefinition[] = [
  health,
  openApiDocument,
  createDebtor,
  listDebtors,
  getDebtor,
  updateDebtor,
  listDebtorInvoices,
  createInvoice,
  getInvoice,
  updateInvoice,
  createPayment,
  getPayment,
  reversePayment,
  listDebtorPayments,
  listAudit,
];
