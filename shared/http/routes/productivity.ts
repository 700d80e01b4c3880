import { defineRoute } from '../route';
import { productivityQuery, productivityView } from '../schemas/productivity';

export const getProductivity = defineRoute({
  id: 'getProductivity',
  method: 'GET',
  path: '/v1/productivity',
  handlerEntry: 'functions/api/metrics/get-productivity.ts',
  summary: 'Reminders sent and each collector’s calls and contacts, for a period or by day or month',
  tag: 'Metrics',
  auth: { kind: 'jwt', roles: ['admin', 'manager', 'auditor'] },
  request: { query: productivityQuery },
  responses: { 200: { description: 'Contact work', schema: productivityView } },
});
