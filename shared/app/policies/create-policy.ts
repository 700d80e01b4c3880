import { auditor } from '../audit/auditor';
import { newPolicy, type PolicyDraft } from '../../domain/policies/policy';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { policyView } from '../views/policy-view';

export async function createPolicy(
  services: Pick<Services, 'clock' | 'ids' | 'policies'>,
  context: UseCaseContext,
  draft: PolicyDraft,
) {
  const now = services.clock.now();
  const policy = newPolicy(services.ids.next('pol'), context.actor.tenantId, draft, context.actor, now);
  const view = policyView(policy);
  await services.policies.create(policy, {
    audit: [auditor(services.ids, context.actor, now)('policy', policy.id, 'policy.created', null, policy)],
    idempotency: context.idempotency && { ...context.idempotency, body: view },
  });
  return { policy, view };
}
