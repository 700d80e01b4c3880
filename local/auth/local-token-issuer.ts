/**
 * Local stand-in for Cognito: signs access tokens with a local RSA key and verifies them with
 * aws-jwt-verify against that key's JWKS, as API Gateway's JWT authorizer would. The key is
 * persisted so tokens survive a restart. Never part of the deployed system.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { JwtVerifier } from 'aws-jwt-verify';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Role } from '../../shared/domain/roles';

export const LOCAL_ISSUER = 'https://recoup.local/dev';
export const LOCAL_AUDIENCE = 'recoup-local';
const KEY_ID = 'recoup-local-1';

export interface TokenRequest {
  tenantId: string;
  roles: Role[];
  sub?: string;
  debtorId?: string;
  /** Seconds; default 12 hours. */
  expiresIn?: number;
}

export type VerifiedClaims = Record<string, string | number | boolean | string[]>;

export class LocalTokenIssuer {
  private constructor(
    private readonly privateKey: Awaited<ReturnType<typeof importJWK>>,
    private readonly verifier: { verify(token: string): Promise<unknown> },
    private readonly now: () => Date,
  ) {}

  static async create(keyFile: string | undefined, now: () => Date): Promise<LocalTokenIssuer> {
    let privateJwk: JWK;
    if (keyFile && existsSync(keyFile)) {
      privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    } else {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      privateJwk = { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
      if (keyFile) {
        mkdirSync(dirname(keyFile), { recursive: true });
        writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
      }
    }
    const { n, e, kty } = privateJwk;
    const publicJwk = {
      kty: kty as 'RSA',
      n: n as string,
      e: e as string,
      kid: KEY_ID,
      alg: 'RS256',
      use: 'sig',
    };
    const verifier = JwtVerifier.create({
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      jwksUri: 'https://recoup.local/dev/.well-known/jwks.json',
    });
    verifier.cacheJwks({ keys: [publicJwk] });
    return new LocalTokenIssuer(await importJWK(privateJwk, 'RS256'), verifier, now);
  }

  async issue(request: TokenRequest): Promise<{ token: string; expiresAt: string }> {
    // Tokens are timed by the real clock: the verifier checks expiry against real time.
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + (request.expiresIn ?? 12 * 3600);
    const token = await new SignJWT({
      tenant_id: request.tenantId,
      'cognito:groups': request.roles,
      token_use: 'access',
      ...(request.debtorId ? { debtor_id: request.debtorId } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setSubject(request.sub ?? `local-${request.roles[0] ?? 'user'}`)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000).toISOString() };
  }

  /** The verified claims, or undefined for a missing, forged or expired token. */
  async verify(token: string): Promise<VerifiedClaims | undefined> {
    try {
      return (await this.verifier.verify(token)) as VerifiedClaims;
    } catch {
      return undefined;
    }
  }
}
