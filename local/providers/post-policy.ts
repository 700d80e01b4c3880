/**
 * S3's check of a browser upload (POST Object): the policy's signature, its expiration, and each
 * of its conditions against the form — exact values, prefixes, and the file's size range — and no
 * form field the policy does not name. The answers are S3's own error codes.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
import type { MultipartForm } from './multipart-form';
import { parseCredential, postPolicySignature, sameSignature } from './sigv4';

export type PolicyCheck =
  { ok: true; key: string } | { ok: false; status: number; code: string; message: string };

type Condition = Record<string, string> | [string, ...unknown[]];

/** Fields S3 does not expect the policy to name. */
const UNCOVERED = new Set(['policy', 'x-amz-signature', 'file']);

export function checkPostPolicy(
  form: MultipartForm,
  bucket: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  now: number,
): PolicyCheck {
  const deny = (message: string): PolicyCheck => ({ ok: false, status: 403, code: 'AccessDenied', message });
  const field = (name: string) => form.fields.get(name.toLowerCase());
  const policy = field('policy');
  const signature = field('x-amz-signature');
  const credential = field('x-amz-credential') ?? '';
  if (!policy || !signature) return deny('Bucket POST must contain a policy and a signature');
  if (field('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') return deny('Unsupported signing algorithm');
  if (parseCredential(credential)?.accessKeyId !== credentials.accessKeyId) {
    return { ok: false, status: 403, code: 'InvalidAccessKeyId', message: 'The access key does not exist' };
  }
  const expected = postPolicySignature(credentials.secretAccessKey, credential, policy);
  if (!expected || !sameSignature(expected, signature)) {
    return {
      ok: false,
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided',
    };
  }
  let document: { expiration?: string; conditions?: Condition[] };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof document;
  } catch {
    return { ok: false, status: 400, code: 'InvalidPolicyDocument', message: 'The policy is not JSON' };
  }
  if (!document.expiration || !(Date.parse(document.expiration) > now)) {
    return deny('Invalid according to Policy: Policy expired.');
  }
  const values = new Map(form.fields);
  values.set('bucket', bucket);
  const covered = new Set<string>();
  const size = form.file?.content.length ?? 0;
  for (const condition of document.conditions ?? []) {
    const failed = () =>
      deny(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);
    if (!Array.isArray(condition)) {
      for (const [name, value] of Object.entries(condition)) {
        covered.add(name.toLowerCase());
        if (values.get(name.toLowerCase()) !== value) return failed();
      }
      continue;
    }
    const [operator, ...operands] = condition;
    if (operator === 'content-length-range') {
      const [min, max] = operands as [number, number];
      if (size > max)
        return {
          ok: false,
          status: 400,
          code: 'EntityTooLarge',
          message: 'Your proposed upload exceeds the maximum allowed size',
        };
      if (size < min)
        return {
          ok: false,
          status: 400,
          code: 'EntityTooSmall',
          message: 'Your proposed upload is smaller than the minimum allowed size',
        };
      continue;
    }
    const [target, expectedValue] = operands as [string, string];
    const name = target.replace(/^\$/, '').toLowerCase();
    covered.add(name);
    const actual = values.get(name) ?? '';
    if (operator === 'eq' && actual !== expectedValue) return failed();
    if (operator === 'starts-with' && !actual.startsWith(expectedValue)) return failed();
  }
  for (const name of form.fields.keys()) {
    if (!UNCOVERED.has(name) && !name.startsWith('x-ignore-') && !covered.has(name)) {
      return deny(`Invalid according to Policy: Extra input fields: ${name}`);
    }
  }
  const key = field('key');
  if (!key)
    return {
      ok: false,
      status: 400,
      code: 'InvalidArgument',
      message: 'Bucket POST must contain a field named key',
    };
  if (!form.file)
    return {
      ok: false,
      status: 400,
      code: 'InvalidArgument',
      message: 'POST requires exactly one file upload per request',
    };
  return { ok: true, key };
}
