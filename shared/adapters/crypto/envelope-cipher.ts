/**
 * Envelope encryption: each sealed value gets its own AES-256-GCM data key, stored beside it
 * wrapped by the key service (KMS: GenerateDataKey / Decrypt with the same encryption context),
 * so the master key never leaves it and one KMS call seals or opens a value. Format:
 * `v1.<wrapped key>.<iv>.<ciphertext>.<tag>`, each part base64url.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeys, TokenCipher } from '../../ports/token-cipher';

/** The context as additional authenticated data, in a canonical order. */
function associatedData(context: Readonly<Record<string, string>>): Buffer {
  return Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b))));
}

export class EnvelopeCipher implements TokenCipher {
  constructor(private readonly keys: DataKeys) {}

  async seal(plaintext: string, context: Readonly<Record<string, string>>): Promise<string> {
    const key = await this.keys.generate(context);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv);
    cipher.setAAD(associatedData(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    key.plaintext.fill(0);
    return ['v1', Buffer.from(key.wrapped), iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  async open(sealed: string, context: Readonly<Record<string, string>>): Promise<string> {
    const [version, wrapped, iv, ciphertext, tag] = sealed.split('.');
    if (version !== 'v1' || !wrapped || !iv || !ciphertext || !tag) throw new Error('Not a sealed value');
    const key = await this.keys.unwrap(Buffer.from(wrapped, 'base64url'), context);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(associatedData(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64url')),
      decipher.final(),
    ]);
    key.fill(0);
    return plaintext.toString('utf8');
  }
}
