import { tokenCipherFromEnvironment } from '../accounting-connectors';
import type { ServiceFactory } from '../wire-services';

/** Seals connections' OAuth tokens with KMS data keys: only the connection and sync functions wire it. */
export const tokenCipher: ServiceFactory<'tokenCipher'> = () => tokenCipherFromEnvironment();
