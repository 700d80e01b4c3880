import { auditor } from '../audit/auditor';
import { ConflictError, RuleViolationError } from '../../domain/errors';
import { isBuiltinPolicyId } from '../../domain/policies/default-cadence';
import { revisePolicy, type PolicyDraft } from '../../domain/policies/policy';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { policyView } from '../views/policy-view';
import { findPolicy } from './find-policy';

/** Replaces a policy's content as its next version; earlier versions stay readable. */
export async function updatePolicy(
  services: Pick<Services, 'clock' | 'ids' | 'policies'>,
  context: UseCaseContext,
  id: string,
  draft: PolicyDraft,
) {
  if (isBuiltinPolicyId(id)) {
    throw new RuleViolationError(
      'The built-in default cadence cannot be changed; create a policy without appliesTo to replace it as the default',
    );
  }
  const before = await findPolicy(services.policies, context.actor.tenantId, id);
  if (context.expectedVersion !== undefined && context.expectedVersion !== before.version) {
    throw new ConflictError(`Policy is at version ${before.version}, not ${context.expectedVersion}`);
  }
  const now = services.clock.now();
  const after = revisePolicy(before, draft, context.actor, now);
  await services.policies.update(before, after, {
    audit: [auditor(services.ids, context.actor, now)('policy', id, 'policy.updated', before, after)],
  });
  return { policy: after, view: policyView(after) };
}
