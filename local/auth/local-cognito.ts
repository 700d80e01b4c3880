/**
 * A local stand-in of the two user-pool calls the portal makes to sign in with a link —
 * `InitiateAuth` (CUSTOM_AUTH) and `RespondToAuthChallenge` — speaking Cognito's JSON 1.1
 * protocol, running the same challenge decisions and link check as the deployed triggers, and
 * answering with a token of the local issuer carrying the portal user's claims.
 */
import { randomUUID } from 'node:crypto';
import { portalLinkAdmits } from '../../shared/app/portal/portal-link-access';
import { nextChallenge } from '../../shared/domain/portal/portal-sign-in';
import type { Clock } from '../../shared/ports/clock';
import type { LinkSigner } from '../../shared/ports/link-signer';
import type { LocalTokenIssuer } from './local-token-issuer';
import type { LocalPortalUsers } from './local-portal-users';

export const LOCAL_CLIENT_ID = 'recoup-local-web';
const SESSION_MS = 3 * 60_000;

export interface CognitoAnswer {
  status: number;
  body: unknown;
}

function refused(message: string): CognitoAnswer {
  return { status: 400, body: { __type: 'NotAuthorizedException', message } };
}

export class LocalCognito {
  private readonly sessions = new Map<string, { username: string; until: number }>();

  constructor(
    private readonly users: LocalPortalUsers,
    private readonly issuer: LocalTokenIssuer,
    private readonly linkSigner: LinkSigner,
    private readonly clock: Clock,
  ) {}

  async handle(target: string | undefined, body: Record<string, unknown>): Promise<CognitoAnswer> {
    if (body.ClientId !== LOCAL_CLIENT_ID)
      return {
        status: 400,
        body: { __type: 'ResourceNotFoundException', message: 'User pool client does not exist.' },
      };
    switch (target) {
      case 'AWSCognitoIdentityProviderService.InitiateAuth':
        return this.initiate(body);
      case 'AWSCognitoIdentityProviderService.RespondToAuthChallenge':
        return this.respond(body);
      default:
        return {
          status: 400,
          body: { __type: 'InvalidParameterException', message: `${target} is not served locally` },
        };
    }
  }

  private initiate(body: Record<string, unknown>): CognitoAnswer {
    const username = String((body.AuthParameters as Record<string, unknown> | undefined)?.USERNAME ?? '');
    if (body.AuthFlow !== 'CUSTOM_AUTH' || !this.users.find(username))
      return refused('Incorrect username or password.');
    const decision = nextChallenge([]);
    if (!('challengeName' in decision)) return refused('Incorrect username or password.');
    const session = randomUUID();
    this.sessions.set(session, { username, until: this.clock.now().getTime() + SESSION_MS });
    return {
      status: 200,
      body: {
        ChallengeName: decision.challengeName,
        Session: session,
        ChallengeParameters: { USERNAME: username, kind: 'portal-link' },
      },
    };
  }

  private async respond(body: Record<string, unknown>): Promise<CognitoAnswer> {
    const session = this.sessions.get(String(body.Session ?? ''));
    this.sessions.delete(String(body.Session ?? ''));
    if (!session || session.until < this.clock.now().getTime())
      return refused('Invalid session for the user.');
    const user = this.users.find(session.username);
    const answer = String((body.ChallengeResponses as Record<string, unknown> | undefined)?.ANSWER ?? '');
    const correct = user
      ? await portalLinkAdmits({ clock: this.clock, linkSigner: this.linkSigner }, answer, user)
      : false;
    const decision = nextChallenge([{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: correct }]);
    if (!decision.issueTokens || !user) return refused('Incorrect username or password.');
    const { token } = await this.issuer.issue({
      tenantId: user.tenantId,
      roles: ['debtor'],
      sub: session.username,
      debtorId: user.debtorId,
      expiresIn: 3600,
    });
    return {
      status: 200,
      body: {
        AuthenticationResult: { AccessToken: token, IdToken: token, ExpiresIn: 3600, TokenType: 'Bearer' },
        ChallengeParameters: {},
      },
    };
  }
}
