import {
  GenerateMacCommand,
  KMSInvalidMacException,
  VerifyMacCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import type { LinkSigner } from '../../ports/link-signer';

/** HMAC-SHA-256 with a KMS HMAC key: the key material never leaves KMS. */
export class KmsLinkSigner implements LinkSigner {
  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {}

  async sign(message: string): Promise<string> {
    const result = await this.client.send(
      new GenerateMacCommand({
        KeyId: this.keyId,
        MacAlgorithm: 'HMAC_SHA_256',
        Message: Buffer.from(message),
      }),
    );
    if (!result.Mac) throw new Error('KMS returned no MAC');
    return Buffer.from(result.Mac).toString('base64url');
  }

  async verify(message: string, mac: string): Promise<boolean> {
    try {
      const result = await this.client.send(
        new VerifyMacCommand({
          KeyId: this.keyId,
          MacAlgorithm: 'HMAC_SHA_256',
          Message: Buffer.from(message),
          Mac: Buffer.from(mac, 'base64url'),
        }),
      );
      return result.MacValid === true;
    } catch (error) {
      if (error instanceof KMSInvalidMacException) return false;
      throw error;
    }
  }
}
