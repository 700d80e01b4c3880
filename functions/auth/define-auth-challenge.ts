import type { DefineAuthChallengeTriggerEvent } from 'aws-lambda';
import { nextChallenge } from '../../shared/domain/portal/portal-sign-in';

/** Cognito DefineAuthChallenge trigger: the portal link's one custom challenge (portal-sign-in.ts). */
export const handler = async (
  event: DefineAuthChallengeTriggerEvent,
): Promise<DefineAuthChallengeTriggerEvent> => {
  const decision = nextChallenge(
    event.request.session.map((step) => ({
      challengeName: step.challengeName,
      challengeResult: step.challengeResult,
    })),
  );
  event.response.issueTokens = decision.issueTokens;
  event.response.failAuthentication = decision.failAuthentication;
  if ('challengeName' in decision) event.response.challengeName = decision.challengeName;
  return event;
};
