import { linkSignerFromEnvironment } from '../portal-access';
import type { ServiceFactory } from '../wire-services';

/** The KMS key that signs portal links: only the functions that issue or check links wire it. */
export const linkSigner: ServiceFactory<'linkSigner'> = () => linkSignerFromEnvironment();
