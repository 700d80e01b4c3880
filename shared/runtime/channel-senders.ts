/**
 * The channel senders of the sender function, from its environment. Only the sender function
 * imports this module, so only its bundle carries the SES, SMS, S3 and PDF code.
 */
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { S3LetterSender } from '../adapters/letters/s3-letter-sender';
import { SesEmailSender } from '../adapters/ses/ses-email-sender';
import { SmsSender } from '../adapters/sms-voice/sms-sender';
import { VoiceSender } from '../adapters/sms-voice/voice-sender';
import { tracer } from '../observability/powertools';
import type { ChannelSenders } from '../ports/channel-sender';
import type { Clock } from '../ports/clock';

export interface ChannelSenderSettings {
  emailFrom: string;
  emailConfigurationSet: string;
  smsOriginationIdentity: string;
  smsConfigurationSet: string;
  lettersBucket: string;
  /** Local stand-ins: where each service answers (AWS endpoints when omitted). */
  endpoints?: { ses?: string; smsVoice?: string; s3?: string };
  /** Static credentials for the local stand-ins (which do not check them). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  region?: string;
}

export function createChannelSenders(settings: ChannelSenderSettings, clock: Clock): ChannelSenders {
  const common = {
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  };
  const ses = tracer.captureAWSv3Client(
    new SESv2Client({ ...common, ...(settings.endpoints?.ses ? { endpoint: settings.endpoints.ses } : {}) }),
  );
  const smsVoice = tracer.captureAWSv3Client(
    new PinpointSMSVoiceV2Client({
      ...common,
      ...(settings.endpoints?.smsVoice ? { endpoint: settings.endpoints.smsVoice } : {}),
    }),
  );
  const s3 = tracer.captureAWSv3Client(
    new S3Client({
      ...common,
      ...(settings.endpoints?.s3 ? { endpoint: settings.endpoints.s3, forcePathStyle: true } : {}),
    }),
  );
  const phone = {
    originationIdentity: settings.smsOriginationIdentity,
    configurationSet: settings.smsConfigurationSet,
  };
  return {
    email: new SesEmailSender(ses, {
      from: settings.emailFrom,
      configurationSet: settings.emailConfigurationSet,
    }),
    sms: new SmsSender(smsVoice, phone),
    voice: new VoiceSender(smsVoice, phone),
    letter: new S3LetterSender(s3, settings.lettersBucket, clock),
  };
}

export function sendersFromEnvironment(clock: Clock): ChannelSenders {
  const environment = process.env;
  if (!environment.LETTERS_BUCKET) throw new Error('LETTERS_BUCKET is not set');
  return createChannelSenders(
    {
      emailFrom: environment.EMAIL_FROM ?? '',
      emailConfigurationSet: environment.EMAIL_CONFIGURATION_SET ?? '',
      smsOriginationIdentity: environment.SMS_ORIGINATION_IDENTITY ?? '',
      smsConfigurationSet: environment.SMS_CONFIGURATION_SET ?? '',
      lettersBucket: environment.LETTERS_BUCKET,
    },
    clock,
  );
}
