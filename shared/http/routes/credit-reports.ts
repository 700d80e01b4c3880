import { READ_ROLES, type Role } from '../../domain/roles';
import { defineRoute } from '../route';
import { pageOf } from '../schemas/common';
import { creditCheckView, creditReportView, listCreditReportsQuery } from '../schemas/credit-reports';
import { debtorParams } from './debtors';

/** Reports are billed per order: the roles that decide on credit, not every collector. */
const CREDIT_CHECK_ROLES: readonly Role[] = ['admin', 'manager', 'accountant'];

export const checkDebtorCredit = defineRoute({
  id: 'checkDebtorCredit',
  method: 'POST',
  path: '/v1/debtors/{id}/credit-check',
  handlerEntry: 'functions/api/credit-reports/check-debtor-credit.ts',
  summary:
    "Order a business debtor's credit report from the bureau; it sets the debtor's credit score (persons: 422)",
  tag: 'Credit reports',
  auth: { kind: 'jwt', roles: CREDIT_CHECK_ROLES },
  request: { params: debtorParams },
  responses: {
    201: { description: 'The report, stored, and the credit score it set', schema: creditCheckView },
  },
  idempotent: true,
  creditBureau: true,
});

export const listCreditReports = defineRoute({
  id: 'listCreditReports',
  method: 'GET',
  path: '/v1/debtors/{id}/credit-reports',
  handlerEntry: 'functions/api/credit-reports/list-credit-reports.ts',
  summary: "A debtor's credit reports, newest first",
  tag: 'Credit reports',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: debtorParams, query: listCreditReportsQuery },
  responses: {
    200: { description: 'A page of reports', schema: pageOf(creditReportView, 'CreditReportPage') },
  },
});
