/**
 * The user pool's custom sign-in for portal links: one challenge, answered with the link. A right
 * answer issues tokens; a wrong one ends the attempt (a link is presented, not guessed at); no
 * password step ever runs, so nothing else can open a portal user.
 */
export interface ChallengeStep {
  challengeName: string;
  challengeResult: boolean;
}

export type ChallengeDecision =
  | { issueTokens: true; failAuthentication: false }
  | { issueTokens: false; failAuthentication: true }
  | { issueTokens: false; failAuthentication: false; challengeName: 'CUSTOM_CHALLENGE' };

export function nextChallenge(session: readonly ChallengeStep[]): ChallengeDecision {
  if (session.length === 0)
    return { issueTokens: false, failAuthentication: false, challengeName: 'CUSTOM_CHALLENGE' };
  const [only] = session;
  if (session.length === 1 && only!.challengeName === 'CUSTOM_CHALLENGE' && only!.challengeResult) {
    return { issueTokens: true, failAuthentication: false };
  }
  return { issueTokens: false, failAuthentication: true };
}
