import { LEDGER_ROLES, READ_ROLES, WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { idParams, pageOf } from '../schemas/common';
import { createPaymentBody, listPaymentsQuery, paymentView, reversePaymentBody } from '../schemas/payments';
import { debtorParams } from './debtors';

const paymentParams = idParams('pay');

export const createPayment = defineRoute({
  id: 'createPayment',
  signalsCase: true,
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
  signalsCase: true,
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
