/**
 * The services a function is deployed without: each fails loudly when reached for. The composition
 * root falls back to them where the local runtime or a test brings no stand-in; a handler whose use
 * case types name one it never reaches can wire one of these instead of the SDK-heavy adapter.
 */
import type { DeliveryChannel } from '../../domain/messaging/delivery';
import type { CreditBureau } from '../../ports/credit-bureau';
import type { FileStore } from '../../ports/file-store';
import type { ImportFiles } from '../../ports/import-files';
import type { LinkSigner } from '../../ports/link-signer';
import type { MalwareScanner } from '../../ports/malware-scanner';
import type { PaymentProvider } from '../../ports/payment-provider';
import type { PortalUsers } from '../../ports/portal-users';
import type { TokenCipher } from '../../ports/token-cipher';
import { unconfigured } from '../unconfigured';
import type { ServiceFactory } from '../wire-services';

export const noSenders: ServiceFactory<'senders'> = () => {
  const none = (channel: DeliveryChannel) => ({
    send: () => Promise.reject(new Error(`No ${channel} sender is configured for this function`)),
  });
  return { email: none('email'), sms: none('sms'), voice: none('voice'), letter: none('letter') };
};

export const noPayments: ServiceFactory<'payments'> = () => unconfigured<PaymentProvider>('Card payments');

export const noCreditBureau: ServiceFactory<'creditBureau'> = () =>
  unconfigured<CreditBureau>('The credit bureau (CREDIT_BUREAU_SECRET_ARN)');

export const noLinkSigner: ServiceFactory<'linkSigner'> = () =>
  unconfigured<LinkSigner>('Portal links (PORTAL_LINK_KEY_ID)');

export const noPortalUsers: ServiceFactory<'portalUsers'> = () =>
  unconfigured<PortalUsers>('Portal users (USER_POOL_ID)');

export const noFiles: ServiceFactory<'files'> = () =>
  unconfigured<FileStore>('The documents bucket (DOCUMENTS_BUCKET)');

export const noMalwareScanner: ServiceFactory<'malwareScanner'> = () =>
  unconfigured<MalwareScanner>('The malware scan of documents');

export const noImportFiles: ServiceFactory<'importFiles'> = () =>
  unconfigured<ImportFiles>('Import files (IMPORTS_BUCKET)');

/** No accounting system can be connected. */
export const noConnectors: ServiceFactory<'connectors'> = () => ({});

export const noTokenCipher: ServiceFactory<'tokenCipher'> = () =>
  unconfigured<TokenCipher>('The connection token key (CONNECTOR_TOKEN_KEY_ID)');
