import { connectorsFromEnvironment } from '../accounting-connectors';
import type { ServiceFactory } from '../wire-services';

/** The accounting connectors: only the connection and sync functions wire them. */
export const connectors: ServiceFactory<'connectors'> = () => connectorsFromEnvironment();
