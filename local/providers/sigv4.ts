/**
 * AWS Signature Version 4 as S3 checks it, for the two signed requests a browser makes without
 * the SDK: the POST upload (the signature covers the base64 policy) and the presigned GET (it
 * covers the canonical request). https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

export function signingKey(secret: string, shortDate: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secret}`, shortDate), region), service), 'aws4_request');
}

export function sameSignature(expected: Buffer, givenHex: string): boolean {
  const given = Buffer.from(givenHex, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `AKID/20260308/us-east-1/s3/aws4_request` → its parts, if it is one. */
export function parseCredential(
  credential: string,
): { accessKeyId: string; shortDate: string; region: string; service: string } | undefined {
  const match = /^([^/]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request$/.exec(credential);
  return match
    ? { accessKeyId: match[1]!, shortDate: match[2]!, region: match[3]!, service: match[4]! }
    : undefined;
}

export function postPolicySignature(secret: string, credential: string, policy: string): Buffer | undefined {
  const scope = parseCredential(credential);
  return scope && hmac(signingKey(secret, scope.shortDate, scope.region, scope.service), policy);
}

/** RFC 3986 encoding, as SigV4 wants it. */
function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The signature a presigned GET must carry: over the method, the path as sent, every query
 * parameter but the signature (sorted), the signed headers and an unsigned payload.
 */
/** The signature a presigned URL of this method must carry (query-string SigV4, unsigned payload). */
export function presignedSignature(
  secret: string,
  request: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: Record<string, string | string[] | undefined>;
  },
): Buffer | undefined {
  const credential = parseCredential(request.query.get('X-Amz-Credential') ?? '');
  const amzDate = request.query.get('X-Amz-Date');
  const signedHeaders = request.query.get('X-Amz-SignedHeaders');
  if (!credential || !amzDate || !signedHeaders) return undefined;
  const query = [...request.query.entries()]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const headerNames = signedHeaders.split(';');
  const headers = headerNames
    .map(
      (name) =>
        `${name}:${String(request.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const canonical = [request.method, request.path, query, headers, signedHeaders, 'UNSIGNED-PAYLOAD'].join(
    '\n',
  );
  const scope = `${credential.shortDate}/${credential.region}/${credential.service}/aws4_request`;
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonical, 'utf8').digest('hex'),
  ].join('\n');
  return hmac(signingKey(secret, credential.shortDate, credential.region, credential.service), stringToSign);
}

/** `20260308T140000Z` → the instant. */
export function amzDateInstant(amzDate: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : Number.NaN;
}
