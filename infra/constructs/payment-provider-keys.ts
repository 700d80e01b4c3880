/**
 * The payment provider's keys (Stripe's secret key and the webhook endpoint's signing secret) in
 * Secrets Manager: created empty by the stack, filled by the operator, read by the checkout and
 * webhook functions only. Never in environment variables or templates.
 */
import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage';

export class PaymentProviderKeys extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { stage: StageConfig }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: `Recoup ${props.stage.stage}: Stripe keys as {"secretKey": "...", "webhookSecret": "..."}`,
      removalPolicy: props.stage.removalPolicy,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Stripe keys are rolled in the Stripe dashboard (with an overlap window), then written here; Secrets Manager cannot rotate them itself.',
    });
  }
}
