import { EnvelopeCipher } from '../../../shared/adapters/crypto/envelope-cipher';
import { LocalDataKeys } from '../../../local/auth/local-data-keys';

describe('sealed connection tokens', () => {
  const cipher = new EnvelopeCipher(new LocalDataKeys());
  const context = { tenantId: 'acme', connectionId: 'con_1' };

  it('opens under the context it was sealed with, and hides the plaintext', async () => {
    const sealed = await cipher.seal('{"refreshToken":"RT1-secret"}', context);
    expect(sealed).not.toContain('RT1-secret');
    expect(await cipher.open(sealed, { connectionId: 'con_1', tenantId: 'acme' })).toBe(
      '{"refreshToken":"RT1-secret"}',
    );
  });

  it('refuses another context, an altered value and another key', async () => {
    const sealed = await cipher.seal('token', context);
    await expect(cipher.open(sealed, { ...context, tenantId: 'other' })).rejects.toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    await expect(cipher.open(parts.join('.'), context)).rejects.toThrow();
    await expect(new EnvelopeCipher(new LocalDataKeys()).open(sealed, context)).rejects.toThrow();
  });
});
