import { approvalView } from '../schemas/adjustments';
import { LEDGER_ROLES, READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import {
  chargeParams,
  chargesView,
  interestQuery,
  interestView,
  postChargesBody,
  waiveChargeBody,
} from '../schemas/interest';
import { invoiceParams } from './invoices';

export const getInvoiceInterest = defineRoute({
  id: 'getInvoiceInterest',
  method: 'GET',
  path: '/v1/invoices/{id}/interest',
  handlerEntry: 'functions/api/interest/get-invoice-interest.ts',
  summary: 'Late-payment interest and fixed compensation accrued on an invoice, computed on demand',
  tag: 'Interest',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: invoiceParams, query: interestQuery },
  responses: { 200: { description: 'Interest by period, compensation, legal basis', schema: interestView } },
});

export const postInterestCharges = defineRoute({
  id: 'postInterestCharges',
  method: 'POST',
  path: '/v1/invoices/{id}/interest-charges',
  handlerEntry: 'functions/api/interest/post-interest-charges.ts',
  summary: 'Claim the interest and compensation accrued and not yet posted (twice on a day adds nothing)',
  tag: 'Interest',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { params: invoiceParams, body: postChargesBody },
  responses: {
    200: { description: 'Nothing new to post', schema: chargesView },
    201: { description: 'Charges posted', schema: chargesView },
  },
  idempotent: true,
});

export const listInvoiceCharges = defineRoute({
  id: 'listInvoiceCharges',
  method: 'GET',
  path: '/v1/invoices/{id}/charges',
  handlerEntry: 'functions/api/interest/list-invoice-charges.ts',
  summary: 'Interest, compensation and fees claimed on an invoice, owed apart from the principal',
  tag: 'Interest',
  auth: { kind: 'jwt', roles: [...READ_ROLES, 'debtor'] },
  request: { params: invoiceParams },
  responses: { 200: { description: 'Charges and what is still owed', schema: chargesView } },
});

export const waiveCharge = defineRoute({
  id: 'waiveCharge',
  method: 'POST',
  path: '/v1/invoices/{id}/charges/{chargeId}/waive',
  handlerEntry: 'functions/api/interest/waive-charge.ts',
  summary: 'Waive what is unpaid of a charge',
  tag: 'Interest',
  auth: { kind: 'jwt', roles: LEDGER_ROLES },
  request: { params: chargeParams, body: waiveChargeBody },
  responses: {
    200: { description: 'Charges after the waiver', schema: chargesView },
    202: { description: 'Above the four-eyes threshold: held for a second approver', schema: approvalView },
  },
  idempotent: true,
});
