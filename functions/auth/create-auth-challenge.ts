import type { CreateAuthChallengeTriggerEvent } from 'aws-lambda';

/** Cognito CreateAuthChallenge trigger: the answer is the link the debtor holds; nothing to send. */
export const handler = async (
  event: CreateAuthChallengeTriggerEvent,
): Promise<CreateAuthChallengeTriggerEvent> => {
  event.response.publicChallengeParameters = { kind: 'portal-link' };
  event.response.privateChallengeParameters = {};
  event.response.challengeMetadata = 'PORTAL_LINK';
  return event;
};
