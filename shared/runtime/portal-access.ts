/**
 * Portal access of the functions that issue or check portal links: the KMS HMAC key
 * (`PORTAL_LINK_KEY_ID`) and the user pool (`USER_POOL_ID`). Only those functions import this
 * module, so only their bundles carry the KMS and Cognito clients.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { KMSClient } from '@aws-sdk/client-kms';
import { CognitoPortalUsers } from '../adapters/cognito/cognito-portal-users';
import { KmsLinkSigner } from '../adapters/kms/kms-link-signer';
import { tracer } from '../observability/powertools';
import type { LinkSigner } from '../ports/link-signer';
import type { PortalUsers } from '../ports/portal-users';

export function linkSignerFromEnvironment(): LinkSigner {
  const keyId = process.env.PORTAL_LINK_KEY_ID;
  if (!keyId) throw new Error('PORTAL_LINK_KEY_ID is not set');
  return new KmsLinkSigner(tracer.captureAWSv3Client(new KMSClient({})), keyId);
}

export function portalUsersFromEnvironment(): PortalUsers {
  const userPoolId = process.env.USER_POOL_ID;
  if (!userPoolId) {
    return { ensure: () => Promise.reject(new Error('USER_POOL_ID is not set for this function')) };
  }
  return new CognitoPortalUsers(tracer.captureAWSv3Client(new CognitoIdentityProviderClient({})), userPoolId);
}
