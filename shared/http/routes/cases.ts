import { READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { caseView } from '../schemas/cases';
import { debtorParams } from './debtors';

export const getDebtorCase = defineRoute({
  id: 'getDebtorCase',
  method: 'GET',
  path: '/v1/debtors/{id}/case',
  handlerEntry: 'functions/api/cases/get-case.ts',
  summary: "The debtor's collection case: status, execution, current state, next action and history",
  tag: 'Cases',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { params: debtorParams },
  responses: { 200: { description: 'The current (or last) case', schema: caseView } },
});
