import type { Policy } from '../../domain/policies/policy';

/** The API representation of a policy version. */
export function policyView(policy: Readonly<Policy>) {
  const { tenantId: _tenantId, ...fields } = policy;
  return fields;
}
