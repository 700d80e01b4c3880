import { importFilesFromEnvironment } from '../import-files';
import type { ServiceFactory } from '../wire-services';

/** The import files bucket in S3: only the import functions wire it. */
export const importFiles: ServiceFactory<'importFiles'> = ({ clock }) => importFilesFromEnvironment(clock);
