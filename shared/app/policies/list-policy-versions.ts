import { isBuiltinPolicyId } from '../../domain/policies/default-cadence';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { policyView } from '../views/policy-view';
import { findPolicy } from './find-policy';

/** Every version of a policy, version 1 first. */
export async function listPolicyVersions(
  services: Pick<Services, 'policies'>,
  context: UseCaseContext,
  id: string,
  query: { limit: number; cursor?: string },
) {
  const current = await findPolicy(services.policies, context.actor.tenantId, id);
  if (isBuiltinPolicyId(id)) return { items: [policyView(current)], nextCursor: null };
  const page = await services.policies.versions(context.actor.tenantId, id, query);
  return { items: page.items.map((policy) => policyView(policy)), nextCursor: page.nextCursor };
}
