/**
 * Cognito VerifyAuthChallengeResponse trigger: the answer must be a genuine, unexpired portal link
 * for the very tenant and debtor this user stands for (its MAC checked by KMS).
 */
import type { VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { systemClock } from '../../shared/adapters/system/system-clock';
import { portalLinkAdmits } from '../../shared/app/portal/portal-link-access';
import type { LinkSigner } from '../../shared/ports/link-signer';
import { linkSignerFromEnvironment } from '../../shared/runtime/portal-access';

// Made on first use: a misconfigured function fails its invocations, not its cold start's import.
let linkSigner: LinkSigner | undefined;

export const handler = async (
  event: VerifyAuthChallengeResponseTriggerEvent,
): Promise<VerifyAuthChallengeResponseTriggerEvent> => {
  const attributes = event.request.userAttributes;
  event.response.answerCorrect = await portalLinkAdmits(
    { clock: systemClock, linkSigner: (linkSigner ??= linkSignerFromEnvironment()) },
    String(event.request.challengeAnswer ?? ''),
    { tenantId: attributes['custom:tenant_id'], debtorId: attributes['custom:debtor_id'] },
  );
  return event;
};
