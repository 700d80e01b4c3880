/**
 * Locally the data keys of sealed tokens are wrapped (AES-256-GCM, the context as additional
 * data) by a key kept in the data folder, as the portal-link key is; KMS does this in AWS.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataKeys } from '../../shared/ports/token-cipher';

function associatedData(context: Readonly<Record<string, string>>): Buffer {
  return Buffer.from(JSON.stringify(Object.entries(context).sort(([a], [b]) => a.localeCompare(b))));
}

export class LocalDataKeys implements DataKeys {
  private readonly masterKey: Buffer;

  constructor(file?: string) {
    if (file && existsSync(file)) {
      this.masterKey = Buffer.from(readFileSync(file, 'utf8'), 'base64');
    } else {
      this.masterKey = randomBytes(32);
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, this.masterKey.toString('base64'), { mode: 0o600 });
      }
    }
  }

  async generate(context: Readonly<Record<string, string>>) {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.masterKey, iv);
    cipher.setAAD(associatedData(context));
    const wrapped = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return { plaintext: Buffer.from(plaintext), wrapped };
  }

  async unwrap(wrapped: Uint8Array, context: Readonly<Record<string, string>>) {
    const bytes = Buffer.from(wrapped);
    const decipher = createDecipheriv('aes-256-gcm', this.masterKey, bytes.subarray(0, 12));
    decipher.setAAD(associatedData(context));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
  }
}
