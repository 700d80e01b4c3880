import { NotFoundError } from '../../domain/errors';
import { BUILTIN_DEFAULT_POLICY, isBuiltinPolicyId } from '../../domain/policies/default-cadence';
import type { Policy } from '../../domain/policies/policy';
import type { PolicyStore } from '../../ports/policy-store';

/**
 * A policy of the tenant (or the built-in default every tenant sees), current or at a version;
 * another tenant's policy is "not found" like a missing one.
 */
export async function findPolicy(
  policies: PolicyStore,
  tenantId: string,
  id: string,
  version?: number,
): Promise<Readonly<Policy>> {
  if (isBuiltinPolicyId(id)) {
    if (version !== undefined && version !== BUILTIN_DEFAULT_POLICY.version)
      throw new NotFoundError('Policy version');
    return BUILTIN_DEFAULT_POLICY;
  }
  const policy =
    version === undefined
      ? await policies.get(tenantId, id)
      : await policies.getVersion(tenantId, id, version);
  if (!policy) throw new NotFoundError(version === undefined ? 'Policy' : 'Policy version');
  return policy;
}
