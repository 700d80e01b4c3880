import { portalUsersFromEnvironment } from '../portal-access';
import type { ServiceFactory } from '../wire-services';

/** The user pool's portal users: only the functions that issue portal links wire it. */
export const portalUsers: ServiceFactory<'portalUsers'> = () => portalUsersFromEnvironment();
