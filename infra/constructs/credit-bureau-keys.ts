/**
 * The credit bureau account's credentials (Creditsafe Connect username and password, and optionally
 * the sandbox's base URL) in Secrets Manager: created empty by the stack, filled by the operator,
 * read only by the functions that order credit reports (the credit-check route and the tenant-day job
 * worker, whose credit-refresh job orders them again). Never in environment variables or templates.
 */
import { Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { StageConfig } from '../stage';

export class CreditBureauKeys extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string, props: { stage: StageConfig }) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: `Recoup ${props.stage.stage}: Creditsafe Connect credentials as {"username": "...", "password": "...", "baseUrl"?: "https://connect.sandbox.creditsafe.com/v1"}`,
      removalPolicy: props.stage.removalPolicy,
    });
    Validations.of(this.secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Creditsafe passwords are changed in the Creditsafe account (its API locks out repeated bad logins), then written here; Secrets Manager cannot rotate them itself.',
    });
  }
}
