import { randomBytes } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  UsernameExistsException,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { portalUsername } from '../../domain/portal/portal-link';
import type { PortalUsers } from '../../ports/portal-users';

/**
 * A debtor's portal user in the user pool: the debtor group, the tenant and debtor as immutable
 * claims' sources, a synthetic address, and a random password nobody knows (the user is
 * confirmed, so the link's custom challenge is the only way in). No invitation is sent.
 */
export class CognitoPortalUsers implements PortalUsers {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async ensure(tenantId: string, debtorId: string): Promise<string> {
    const username = portalUsername(tenantId, debtorId);
    try {
      await this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }));
      return username;
    } catch (error) {
      if (!(error instanceof UserNotFoundException)) throw error;
    }
    try {
      await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: username,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: username },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'custom:tenant_id', Value: tenantId },
            { Name: 'custom:debtor_id', Value: debtorId },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof UsernameExistsException)) throw error;
    }
    await this.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        Password: `${randomBytes(24).toString('base64url')}aA1!`,
        Permanent: true,
      }),
    );
    await this.client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        GroupName: 'debtor',
      }),
    );
    return username;
  }
}
