import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { policyView } from '../views/policy-view';
import { findPolicy } from './find-policy';

/** The current version of a policy, or the version asked for (`?version=`). */
export async function getPolicy(
  services: Pick<Services, 'policies'>,
  context: UseCaseContext,
  id: string,
  version?: number,
) {
  const policy = await findPolicy(services.policies, context.actor.tenantId, id, version);
  return { policy, view: policyView(policy) };
}
