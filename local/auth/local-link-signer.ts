/** Locally the portal links are signed with an HMAC key kept in the data folder (like the token key). */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LinkSigner } from '../../shared/ports/link-signer';

export class LocalLinkSigner implements LinkSigner {
  private readonly key: Buffer;

  constructor(file?: string) {
    if (file && existsSync(file)) {
      this.key = Buffer.from(readFileSync(file, 'utf8'), 'base64');
    } else {
      this.key = randomBytes(32);
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, this.key.toString('base64'), { mode: 0o600 });
      }
    }
  }

  async sign(message: string): Promise<string> {
    return createHmac('sha256', this.key).update(message).digest('base64url');
  }

  async verify(message: string, mac: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(message), 'base64url');
    const given = Buffer.from(mac, 'base64url');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
