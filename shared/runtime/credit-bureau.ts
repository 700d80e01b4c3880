/**
 * The credit bureau of the functions that order credit reports: Creditsafe, with the account's
 * credentials from Secrets Manager (`CREDIT_BUREAU_SECRET_ARN`, a JSON secret
 * `{username, password, baseUrl?, germanReasonCode?}`; `baseUrl` picks the sandbox), read once per container on first
 * use. Only those functions import this module.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CREDITSAFE } from '../adapters/creditsafe/creditsafe-report';
import { CREDITSAFE_PRODUCTION_URL, CreditsafeBureau } from '../adapters/creditsafe/creditsafe-bureau';
import { tracer } from '../observability/powertools';
import type { Clock } from '../ports/clock';
import type { CreditBureau } from '../ports/credit-bureau';

export function creditBureauFromEnvironment(clock: Clock): CreditBureau {
  let loaded: Promise<CreditsafeBureau> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      const secretId = process.env.CREDIT_BUREAU_SECRET_ARN;
      if (!secretId) throw new Error('CREDIT_BUREAU_SECRET_ARN is not set');
      const client = tracer.captureAWSv3Client(new SecretsManagerClient({}));
      const secret = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      const keys = JSON.parse(secret.SecretString ?? '{}') as {
        username?: string;
        password?: string;
        baseUrl?: string;
        germanReasonCode?: string;
      };
      if (!keys.username || !keys.password) {
        throw new Error('The credit bureau secret must hold {"username": "...", "password": "..."}');
      }
      return new CreditsafeBureau(
        {
          username: keys.username,
          password: keys.password,
          baseUrl: keys.baseUrl ?? CREDITSAFE_PRODUCTION_URL,
          ...(keys.germanReasonCode ? { germanReasonCode: keys.germanReasonCode } : {}),
        },
        clock,
      );
    })());
  return {
    name: CREDITSAFE,
    findCompany: async (query) => (await load()).findCompany(query),
    fetchReport: async (companyId) => (await load()).fetchReport(companyId),
  };
}
