import { documentFilesFromEnvironment } from '../document-files';
import type { ServiceFactory } from '../wire-services';

/** The documents bucket in S3: only the functions that sign or check document files wire it. */
export const files: ServiceFactory<'files'> = ({ clock }) => documentFilesFromEnvironment(clock).files;
