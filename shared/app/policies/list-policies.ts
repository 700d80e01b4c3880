import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { policyView } from '../views/policy-view';

/** The tenant's own policies at their current versions, oldest first. */
export async function listPolicies(
  services: Pick<Services, 'policies'>,
  context: UseCaseContext,
  query: { limit: number; cursor?: string },
) {
  const page = await services.policies.list(context.actor.tenantId, query);
  return { items: page.items.map((policy) => policyView(policy)), nextCursor: page.nextCursor };
}
