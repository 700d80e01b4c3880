import { READ_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { metricsQuery, metricsView } from '../schemas/metrics';

export const getMetrics = defineRoute({
  id: 'getMetrics',
  method: 'GET',
  path: '/v1/metrics',
  handlerEntry: 'functions/api/metrics/get-metrics.ts',
  summary:
    'AR metrics for a period in one currency: DSO, best possible DSO, ADD, CEI, aging, bad debt, promises',
  tag: 'Metrics',
  auth: { kind: 'jwt', roles: READ_ROLES },
  request: { query: metricsQuery },
  responses: {
    200: { description: 'Metrics with their inputs; null figures carry a reason', schema: metricsView },
  },
});
