import { defineRoute } from '../route';
import { policySimulationView, simulatePolicyBody } from '../schemas/policy-simulation';
import { policyParams } from '../schemas/policies';

export const simulatePolicy = defineRoute({
  id: 'simulatePolicy',
  method: 'POST',
  path: '/v1/policies/{id}/simulate',
  handlerEntry: 'functions/api/policies/simulate-policy.ts',
  summary:
    'Run the policy and the compliance gate over simulated time: every planned contact and every rule it would break',
  tag: 'Policies',
  auth: { kind: 'jwt', roles: ['admin', 'manager', 'auditor'] },
  request: { params: policyParams, body: simulatePolicyBody },
  responses: { 200: { description: 'The simulation', schema: policySimulationView } },
});
