/**
 * A tenant's own message text for one channel and language, under a key that policy steps name
 * (`template` on a step). Versioned: a change is a new version, earlier ones stay readable, and a
 * message records the version it was written from. A step whose key has no template for the
 * message's channel and language falls back to the key in English, then to the built-in text.
 */
import type { Actor } from '../actor';
import type { FieldIssue } from '../errors';
import type { MessageLanguage } from './message-locale';
import { unknownVariables } from './render-template';
import type { WrittenChannel } from './reminder-templates';

export const SMS_MAX_LENGTH = 640;

export interface MessageTemplateDraft {
  key: string;
  channel: WrittenChannel;
  language: MessageLanguage;
  subject?: string;
  body: string;
}

export interface MessageTemplate extends MessageTemplateDraft {
  id: string;
  tenantId: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** One template per key, channel and language: the id says which. */
export function templateId(draft: Pick<MessageTemplateDraft, 'key' | 'channel' | 'language'>): string {
  return `tpl_${draft.key}_${draft.channel}_${draft.language}`;
}

export function templateProblems(draft: MessageTemplateDraft): FieldIssue[] {
  const problems: FieldIssue[] = [];
  for (const name of unknownVariables(draft.body)) {
    problems.push({ path: 'body', message: `uses {{${name}}}, which is not a template variable` });
  }
  for (const name of unknownVariables(draft.subject ?? '')) {
    problems.push({ path: 'subject', message: `uses {{${name}}}, which is not a template variable` });
  }
  if (draft.channel === 'sms' && draft.subject !== undefined) {
    problems.push({ path: 'subject', message: 'a text message has no subject' });
  }
  if (draft.channel !== 'sms' && draft.subject === undefined) {
    problems.push({ path: 'subject', message: 'is required for email and letters' });
  }
  if (draft.channel === 'sms' && draft.body.length > SMS_MAX_LENGTH) {
    problems.push({
      path: 'body',
      message: `must be at most ${SMS_MAX_LENGTH} characters for a text message`,
    });
  }
  return problems;
}

export function newTemplate(
  tenantId: string,
  draft: MessageTemplateDraft,
  actor: Actor,
  now: Date,
): MessageTemplate {
  const at = now.toISOString();
  return {
    ...draft,
    id: templateId(draft),
    tenantId,
    version: 1,
    createdAt: at,
    createdBy: actor.sub,
    updatedAt: at,
    updatedBy: actor.sub,
  };
}

/** The next version with new text; key, channel and language never change. */
export function reviseTemplate(
  template: MessageTemplate,
  text: Pick<MessageTemplateDraft, 'subject' | 'body'>,
  actor: Actor,
  now: Date,
): MessageTemplate {
  const { subject: _previous, ...rest } = template;
  return {
    ...rest,
    ...(text.subject !== undefined ? { subject: text.subject } : {}),
    body: text.body,
    version: template.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: actor.sub,
  };
}
