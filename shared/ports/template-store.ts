import type { MessageTemplate } from '../domain/messaging/message-template';
import type { WriteContext } from './write-context';

export interface TemplateStore {
  get(tenantId: string, id: string, version?: number): Promise<MessageTemplate | undefined>;
  /** The tenant's templates at their current versions. */
  list(tenantId: string): Promise<MessageTemplate[]>;
  create(template: MessageTemplate, context: WriteContext): Promise<void>;
  update(before: MessageTemplate, after: MessageTemplate, context: WriteContext): Promise<void>;
}
