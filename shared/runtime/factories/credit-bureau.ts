import { creditBureauFromEnvironment } from '../credit-bureau';
import type { ServiceFactory } from '../wire-services';

/** Creditsafe: only the functions that order credit reports wire it. */
export const creditBureau: ServiceFactory<'creditBureau'> = ({ clock }) => creditBureauFromEnvironment(clock);
