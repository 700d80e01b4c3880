/**
 * Local stand-ins of the three services the sender calls, speaking their wire protocols so the
 * real SDK clients and adapters run unchanged against them:
 * - SES v2 `SendEmail` (REST JSON, `POST /v2/email/outbound-emails`);
 * - End User Messaging `SendTextMessage` / `SendVoiceMessage` (JSON 1.0, `X-Amz-Target`);
 * - S3 `PutObject` / `GetObject` with `If-None-Match: *` (path style, `/<bucket>/<key>`); only
 *   objects under `letters/` are letters;
 * - S3 for documents: browser uploads by presigned POST (policy signature, expiration and
 *   conditions checked as S3 checks them; CORS for the web apps), `HeadObject`, ranged `GetObject`,
 *   `GetObjectTagging`, and presigned GETs (signature and expiry checked). A document upload is
 *   scanned and tagged as GuardDuty Malware Protection would (local-malware-scan.ts), and its
 *   `Object Created` and scan-result events go to `onStorageEvent`, awaited before the upload is
 *   answered: locally a request answers once what it set off has settled.
 * Each accepted message is reported to `onAccepted`, and the service's events (Send, Delivery,
 * Bounce, Complaint; text status) are published afterwards, as EventBridge would, to `onEvent`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { StorageEvent } from '../../shared/documents/storage-events';
import { scanStatusTag } from './local-malware-scan';
import { parseMultipartForm } from './multipart-form';
import { checkPostPolicy } from './post-policy';
import { amzDateInstant, presignedSignature, sameSignature } from './sigv4';
import { dirname, join } from 'node:path';
import type { Clock } from '../../shared/ports/clock';
import { DELIVERY_REF_TAG } from '../../shared/adapters/delivery-ref-tag';
import type { ProviderEvent } from '../../shared/messaging/provider-events';
import { simulatedOutcome } from './provider-simulator';
import { listenLocally, type LocalHttpServer } from './local-http-server';
import { requestBody } from './request-body';
import { logger } from '../../shared/observability/powertools';

export interface AcceptedMessage {
  channel: 'email' | 'sms' | 'voice' | 'letter';
  providerMessageId: string;
  to: string;
  subject?: string;
  body: string;
  /** The tag the sender attached (names the stored message). */
  ref?: string;
  /** Letters: where the PDF is kept. */
  objectKey?: string;
}

export interface LocalProvidersOptions {
  clock: Clock;
  /** Where letters (PDF objects) are kept; in memory when omitted. */
  objectsDir?: string;
  onAccepted?: (message: AcceptedMessage) => void | Promise<void>;
  onEvent?: (event: ProviderEvent) => Promise<void>;
  /** Called before each answer; a test throws here to cut the connection (a sender killed mid-call). */
  beforeAnswer?: (message: AcceptedMessage) => void | Promise<void>;
  /** The keys signatures are checked with (the clients' static local credentials). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** S3's and GuardDuty's events for uploaded documents, as EventBridge would deliver them. */
  onStorageEvent?: (event: StorageEvent) => Promise<void>;
}

/** What S3 keeps beside an object's bytes. */
interface ObjectMetadata {
  contentType?: string;
  tags: Record<string, string>;
  versionId?: string;
}

function storedName(key: string, versionId?: string): string {
  return versionId ? `${key}.versions/${versionId}` : key;
}

/** Only these keys are documents (the GuardDuty plan and the event rule watch this prefix). */
const DOCUMENTS_PREFIX = 'documents/';
const LETTERS_PREFIX = 'letters/';
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export class LocalProviders {
  private server: LocalHttpServer | undefined;
  private readonly objects = new Map<string, Buffer>();
  private readonly metadata = new Map<string, ObjectMetadata>();
  private pending = new Set<Promise<void>>();
  readonly accepted: AcceptedMessage[] = [];
  endpoint = '';

  constructor(private readonly options: LocalProvidersOptions) {}

  async start(): Promise<string> {
    this.server = await listenLocally(
      (request, response) => this.handle(request, response),
      (response, error) => answer(response, 500, { message: String(error) }),
    );
    this.endpoint = `http://127.0.0.1:${this.server.port}`;
    return this.endpoint;
  }

  async stop(): Promise<void> {
    await this.settled();
    await this.server?.close();
  }

  /** Waits for the events already published to be handled; true if there were any. */
  async settled(): Promise<boolean> {
    let any = false;
    while (this.pending.size > 0) {
      any = true;
      await Promise.allSettled([...this.pending]);
    }
    return any;
  }

  /** The bytes under a key: the latest, or one version of them. */
  object(key: string, versionId?: string): Buffer | undefined {
    const name = storedName(key, versionId);
    const file = this.options.objectsDir && join(this.options.objectsDir, name);
    return this.objects.get(name) ?? (file && existsSync(file) ? readFileSync(file) : undefined);
  }

  private metadataOf(key: string, versionId?: string): ObjectMetadata {
    const name = storedName(key, versionId);
    const file = this.options.objectsDir && join(this.options.objectsDir, `${name}.meta.json`);
    return (
      this.metadata.get(name) ??
      (file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ObjectMetadata) : { tags: {} })
    );
  }

  /** A versioned bucket: each write is a new version and becomes the latest. */
  private store(key: string, body: Buffer, metadata: Omit<ObjectMetadata, 'versionId'>): string {
    const versionId = randomUUID().replaceAll('-', '');
    this.write(storedName(key, versionId), body, { ...metadata, versionId });
    this.write(key, body, { ...metadata, versionId });
    return versionId;
  }

  private write(name: string, body: Buffer | undefined, metadata: ObjectMetadata): void {
    if (body) this.objects.set(name, body);
    this.metadata.set(name, metadata);
    if (this.options.objectsDir) {
      const file = join(this.options.objectsDir, name);
      mkdirSync(dirname(file), { recursive: true });
      if (body) writeFileSync(file, body);
      writeFileSync(`${file}.meta.json`, JSON.stringify(metadata));
    }
  }

  /** PutObjectTagging of one version (the latest shows it too while it is that version). */
  private tag(key: string, versionId: string, tags: Record<string, string>): void {
    const version = this.metadataOf(key, versionId);
    this.write(storedName(key, versionId), undefined, { ...version, tags: { ...version.tags, ...tags } });
    const latest = this.metadataOf(key);
    if (latest.versionId === versionId) {
      this.write(key, undefined, { ...latest, tags: { ...latest.tags, ...tags } });
    }
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await requestBody(request);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const target = request.headers['x-amz-target'];
    if (request.method === 'POST' && url.pathname === '/v2/email/outbound-emails') {
      return this.sendEmail(JSON.parse(body.toString('utf8')) as SendEmailInput, response);
    }
    if (request.method === 'POST' && typeof target === 'string' && target.startsWith('PinpointSMSVoiceV2.')) {
      return this.sendSmsVoice(
        target.slice('PinpointSMSVoiceV2.'.length),
        JSON.parse(body.toString('utf8')),
        response,
      );
    }
    const [, bucket, ...path] = url.pathname.split('/');
    const key = decodeURIComponent(path.join('/'));
    if (bucket && request.method === 'OPTIONS') return corsPreflight(request, response);
    if (bucket && !key && request.method === 'POST') return this.postObject(bucket, body, request, response);
    if (bucket && key && request.method === 'PUT') return this.putObject(key, body, request, response);
    if (bucket && key && request.method === 'HEAD') return this.headObject(key, response);
    if (bucket && key && request.method === 'GET' && url.searchParams.has('tagging')) {
      return this.getObjectTagging(key, url.searchParams.get('versionId') ?? undefined, response);
    }
    if (bucket && key && request.method === 'GET') return this.getObject(key, url, request, response);
    answer(response, 404, { message: `No stand-in for ${request.method} ${url.pathname}` });
  }

  private async sendEmail(input: SendEmailInput, response: ServerResponse): Promise<void> {
    const to = input.Destination?.ToAddresses?.[0];
    if (!to || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/u.test(to) || !input.FromEmailAddress) {
      return restError(
        response,
        400,
        'BadRequestException',
        'Missing or invalid destination or sender address',
      );
    }
    const message: AcceptedMessage = {
      channel: 'email',
      providerMessageId: `0100${randomUUID().replaceAll('-', '')}-000000`,
      to,
      subject: input.Content?.Simple?.Subject?.Data ?? '',
      body: input.Content?.Simple?.Body?.Text?.Data ?? '',
      ...tag(input.EmailTags?.find((item) => item.Name === DELIVERY_REF_TAG)?.Value),
    };
    await this.accept(message);
    answer(response, 200, { MessageId: message.providerMessageId });
    const tags: Record<string, string[]> = Object.fromEntries(
      (input.EmailTags ?? []).map((item) => [item.Name, [item.Value]]),
    );
    const mail = { timestamp: this.now(), messageId: message.providerMessageId, destination: [to], tags };
    const outcome = simulatedOutcome(to);
    this.publish('aws.ses', 'Email Sent', { eventType: 'Send', mail, send: {} });
    if (outcome === 'bounced' || outcome === 'suppressed') {
      this.publish('aws.ses', 'Email Bounced', {
        eventType: 'Bounce',
        mail,
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: outcome === 'suppressed' ? 'OnAccountSuppressionList' : 'General',
          bouncedRecipients: [{ emailAddress: to }],
          timestamp: this.now(),
        },
      });
      return;
    }
    this.publish('aws.ses', 'Email Delivered', {
      eventType: 'Delivery',
      mail,
      delivery: { timestamp: this.now() },
    });
    if (outcome === 'complained') {
      this.publish('aws.ses', 'Email Complaint Received', {
        eventType: 'Complaint',
        mail,
        complaint: { complainedRecipients: [{ emailAddress: to }], timestamp: this.now() },
      });
    }
  }

  private async sendSmsVoice(
    operation: string,
    input: SmsVoiceInput,
    response: ServerResponse,
  ): Promise<void> {
    if (operation !== 'SendTextMessage' && operation !== 'SendVoiceMessage') {
      return jsonError(
        response,
        400,
        'ValidationException',
        `${operation} is not served by the local stand-in`,
      );
    }
    const to = input.DestinationPhoneNumber;
    if (!to || !/^\+[1-9]\d{6,14}$/u.test(to)) {
      return jsonError(response, 400, 'ValidationException', 'DestinationPhoneNumber must be E.164');
    }
    const voice = operation === 'SendVoiceMessage';
    const message: AcceptedMessage = {
      channel: voice ? 'voice' : 'sms',
      providerMessageId: randomUUID(),
      to,
      body: input.MessageBody ?? '',
      ...tag(input.Context?.[DELIVERY_REF_TAG]),
    };
    await this.accept(message);
    answer(response, 200, { MessageId: message.providerMessageId });
    const unreachable = simulatedOutcome(to) === 'unreachable';
    const status = (eventType: string) => ({
      eventType,
      eventVersion: '1.0',
      eventTimestamp: Date.parse(this.now()),
      isFinal: eventType !== 'TEXT_SUCCESSFUL' && eventType !== 'VOICE_INITIATED',
      destinationPhoneNumber: to,
      messageId: message.providerMessageId,
      context: input.Context ?? {},
    });
    const detailType = voice
      ? 'Voice Message Delivery Status Updated'
      : 'Text Message Delivery Status Updated';
    this.publish('aws.sms-voice', detailType, status(voice ? 'VOICE_INITIATED' : 'TEXT_SUCCESSFUL'));
    this.publish(
      'aws.sms-voice',
      detailType,
      status(
        voice
          ? unreachable
            ? 'VOICE_FAILED'
            : 'VOICE_COMPLETED'
          : unreachable
            ? 'TEXT_UNREACHABLE'
            : 'TEXT_DELIVERED',
      ),
    );
  }

  private async putObject(key: string, body: Buffer, request: IncomingMessage, response: ServerResponse) {
    // A browser or the CLI uploading an import file with a presigned URL: checked as S3 would.
    const url = new URL(request.url ?? '/', 'http://localhost');
    const cors = corsHeaders(request);
    if (url.searchParams.has('X-Amz-Signature')) {
      const refusal = this.presignedRefusal(url, request, 'PUT');
      if (refusal) return s3Error(response, 403, refusal.code, refusal.message, cors);
    }
    if (request.headers['if-none-match'] === '*' && this.object(key)) {
      return s3Error(
        response,
        412,
        'PreconditionFailed',
        'At least one of the pre-conditions you specified did not hold',
      );
    }
    const contentType = header(request, 'content-type');
    this.store(key, body, { ...(contentType ? { contentType } : {}), tags: {} });
    if (!key.startsWith(LETTERS_PREFIX)) {
      response.writeHead(200, { ...cors, etag: `"${randomUUID()}"` });
      response.end();
      return;
    }
    const message: AcceptedMessage = {
      channel: 'letter',
      providerMessageId: key,
      to: '',
      body: '',
      objectKey: key,
      ...tag(header(request, `x-amz-meta-${DELIVERY_REF_TAG}`)),
    };
    await this.accept(message);
    response.writeHead(200, { etag: `"${randomUUID()}"` });
    response.end();
  }

  /** POST Object: a browser upload with a signed policy (form fields first, the file last). */
  private async postObject(
    bucket: string,
    body: Buffer,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<void> {
    const cors = corsHeaders(request);
    const form = parseMultipartForm(body, header(request, 'content-type') ?? '');
    if (!form) {
      return s3Error(
        response,
        400,
        'MalformedPOSTRequest',
        'The body of your POST request is not well-formed multipart/form-data.',
        cors,
      );
    }
    // S3 checks the expiration against its own clock, the real one.
    const check = checkPostPolicy(form, bucket, this.credentials(), Date.now());
    if (!check.ok) return s3Error(response, check.status, check.code, check.message, cors);
    const content = form.file!.content;
    const contentType = form.fields.get('content-type');
    const versionId = this.store(check.key, content, { ...(contentType ? { contentType } : {}), tags: {} });
    if (check.key.startsWith(DOCUMENTS_PREFIX)) {
      await this.documentStored(bucket, check.key, versionId, content);
    }
    response.writeHead(204, {
      ...cors,
      etag: `"${randomUUID()}"`,
      location: `/${bucket}/${check.key}`,
      'x-amz-version-id': versionId,
    });
    response.end();
  }

  /** As in AWS: the object-created event, then GuardDuty's scan tags the object and reports. */
  private async documentStored(
    bucket: string,
    key: string,
    versionId: string,
    content: Buffer,
  ): Promise<void> {
    const deliver = async (event: StorageEvent) => {
      try {
        await this.options.onStorageEvent?.(event);
      } catch (error) {
        // EventBridge would retry and then dead-letter it; the upload itself has succeeded.
        logger.error('Storage event failed', { detailType: event['detail-type'], error: error as Error });
      }
    };
    await deliver({
      source: 'aws.s3',
      'detail-type': 'Object Created',
      detail: { bucket: { name: bucket }, object: { key, 'version-id': versionId } },
    });
    const tag = scanStatusTag(content);
    this.tag(key, versionId, { [tag.key]: tag.value });
    await deliver({
      source: 'aws.guardduty',
      'detail-type': 'GuardDuty Malware Protection Object Scan Result',
      detail: { s3ObjectDetails: { bucketName: bucket, objectKey: key, versionId } },
    });
  }

  private headObject(key: string, response: ServerResponse): void {
    const object = this.object(key);
    if (!object) {
      response.writeHead(404);
      response.end();
      return;
    }
    const metadata = this.metadataOf(key);
    response.writeHead(200, {
      'content-type': metadata.contentType ?? 'application/octet-stream',
      'content-length': object.length,
      ...(metadata.versionId ? { 'x-amz-version-id': metadata.versionId } : {}),
    });
    response.end();
  }

  private getObjectTagging(key: string, versionId: string | undefined, response: ServerResponse): void {
    if (!this.object(key, versionId)) {
      return s3Error(response, 404, 'NoSuchKey', 'The specified key does not exist.');
    }
    const tags = Object.entries(this.metadataOf(key, versionId).tags)
      .map(([name, value]) => `<Tag><Key>${name}</Key><Value>${value}</Value></Tag>`)
      .join('');
    response.writeHead(200, { 'content-type': 'application/xml' });
    response.end(`<?xml version="1.0" encoding="UTF-8"?><Tagging><TagSet>${tags}</TagSet></Tagging>`);
  }

  /** GetObject: by the SDK (a letter, the first bytes of a document) or by a presigned URL. */
  private getObject(key: string, url: URL, request: IncomingMessage, response: ServerResponse): void {
    const presigned = url.searchParams.has('X-Amz-Signature');
    if (presigned) {
      const refusal = this.presignedRefusal(url, request);
      if (refusal) return s3Error(response, 403, refusal.code, refusal.message);
    }
    const versionId = url.searchParams.get('versionId') ?? undefined;
    const object = this.object(key, versionId);
    if (!object) return s3Error(response, 404, 'NoSuchKey', 'The specified key does not exist.');
    const contentType =
      url.searchParams.get('response-content-type') ??
      this.metadataOf(key, versionId).contentType ??
      'application/pdf';
    const disposition = url.searchParams.get('response-content-disposition');
    const headers = {
      'content-type': contentType,
      ...(disposition ? { 'content-disposition': disposition } : {}),
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(header(request, 'range') ?? '');
    if (range) {
      const from = Number(range[1]);
      const to = Math.min(range[2] ? Number(range[2]) : object.length - 1, object.length - 1);
      if (from >= object.length)
        return s3Error(response, 416, 'InvalidRange', 'The requested range is not satisfiable');
      const part = object.subarray(from, to + 1);
      response.writeHead(206, {
        ...headers,
        'content-length': part.length,
        'content-range': `bytes ${from}-${to}/${object.length}`,
      });
      response.end(part);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': object.length });
    response.end(object);
  }

  private presignedRefusal(
    url: URL,
    request: IncomingMessage,
    method: 'GET' | 'PUT' = 'GET',
  ): { code: string; message: string } | undefined {
    const query = url.searchParams;
    const signed = presignedSignature(this.credentials().secretAccessKey, {
      method,
      path: url.pathname,
      query,
      headers: request.headers,
    });
    if (!signed || !sameSignature(signed, query.get('X-Amz-Signature') ?? '')) {
      return {
        code: 'SignatureDoesNotMatch',
        message: 'The request signature we calculated does not match the signature you provided',
      };
    }
    const expires = amzDateInstant(query.get('X-Amz-Date') ?? '') + Number(query.get('X-Amz-Expires')) * 1000;
    if (!(expires > Date.now())) return { code: 'AccessDenied', message: 'Request has expired' };
    return undefined;
  }

  private credentials() {
    return this.options.credentials ?? LOCAL_S3_CREDENTIALS;
  }

  private async accept(message: AcceptedMessage): Promise<void> {
    await this.options.beforeAnswer?.(message);
    this.accepted.push(message);
    await this.options.onAccepted?.(message);
  }

  private publish(source: string, detailType: string, detail: Record<string, unknown>): void {
    const deliver = this.options.onEvent;
    if (!deliver) return;
    const event: ProviderEvent = { source, 'detail-type': detailType, time: this.now(), detail };
    // After the answer, as EventBridge would: the sender records its own outcome first, usually.
    const run = new Promise<void>((done) => setImmediate(done)).then(() => deliver(event));
    // As EventBridge would retry and then dead-letter it: a failed report is logged, not lost silently.
    const tracked = run
      .catch((error: unknown) =>
        logger.error('Delivery report failed', { source, detailType, error: error as Error }),
      )
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }
}

interface SendEmailInput {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string } } } };
  EmailTags?: { Name: string; Value: string }[];
}

interface SmsVoiceInput {
  DestinationPhoneNumber?: string;
  MessageBody?: string;
  Context?: Record<string, string>;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}

function tag(value: string | undefined): { ref?: string } {
  return value ? { ref: value } : {};
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** REST JSON errors (SES v2): the type in a header. */
function restError(response: ServerResponse, status: number, type: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': type });
  response.end(JSON.stringify({ message }));
}

/** JSON 1.0 errors (End User Messaging): the type in `__type`. */
function jsonError(response: ServerResponse, status: number, type: string, message: string): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  response.end(JSON.stringify({ __type: type, Message: message }));
}

/**
 * The buckets' CORS rules for the web apps: any origin may POST a document or PUT an import file
 * (the signature is the guard).
 */
function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = header(request, 'origin');
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

function corsPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(200, {
    ...corsHeaders(request),
    'access-control-allow-methods': 'GET, POST, PUT',
    'access-control-allow-headers': header(request, 'access-control-request-headers') ?? '',
    'access-control-max-age': '3000',
  });
  response.end();
}

function s3Error(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/xml' });
  response.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`,
  );
}
