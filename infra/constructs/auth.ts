/**
 * Sign-in: a Cognito user pool with no self sign-up (staff and debtors are invited), the roles as
 * groups, the web app client (authorization code + PKCE, no secret), a hosted domain, optional
 * tenant identity providers (SAML/OIDC), and the pre-token-generation trigger that puts the
 * verified `tenant_id`/`debtor_id` into every ID and access token.
 */
import { Aws, Duration, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ProviderAttribute,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
  type UserPoolIdentityProvider,
  UserPoolIdentityProviderOidc,
  UserPoolIdentityProviderSaml,
  UserPoolIdentityProviderSamlMetadata,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { ROLES, type Role } from '../../shared/domain/roles';
import type { FederatedIdentityProvider, StageConfig } from '../stage';
import type { Observability } from './observability';
import { RecoupFunction } from './recoup-function';

export interface AuthProps {
  stage: StageConfig;
  observability: Observability;
}

const GROUP_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Tenant administrator: users, settings, everything a manager can do',
  manager: 'Collection manager: policies, write-offs, assignments',
  collector: 'Collector: works debtor accounts, records contacts and promises',
  accountant: 'Accountant: invoices, payments, ledger',
  auditor: 'Auditor: read-only access to the whole book and the audit log',
  debtor: 'Debtor: self-service access to their own account only',
};

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly preTokenGeneration: RecoupFunction;
  readonly portalLinkKey: Key;
  readonly verifyPortalLink: RecoupFunction;
  readonly identityProviders: UserPoolIdentityProvider[];
  /** Issuer of the pool's tokens (the JWT authorizer's `iss`). */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { stage } = props;

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // Set once when the user is created; the trigger refuses tokens without it.
        tenant_id: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        // Links a debtor-portal user to their debtor record; admins may relink after a merge.
        debtor_id: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      mfa: stage.mfa === 'required' ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection (compromised credentials, adaptive authentication); also
      // required (with Essentials) for the V2 pre-token trigger to customise access tokens.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: stage.threatProtection,
      userInvitation: {
        emailSubject: 'Your Recoup account',
        emailBody:
          'You have been invited to Recoup. Sign in with {username} and the temporary password {####} within 3 days.',
      },
      deletionProtection: stage.deletionProtection,
      removalPolicy: stage.removalPolicy,
    });
    if (stage.mfa === 'optional') {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason:
          'MFA made optional for this deployment by explicit stage configuration (-c mfa=optional); Plus-tier threat protection still applies adaptive authentication.',
      });
    }

    ROLES.forEach((role, precedence) => {
      new UserPoolGroup(this, `Group-${role}`, {
        userPool: this.userPool,
        groupName: role,
        description: GROUP_DESCRIPTIONS[role],
        precedence: precedence * 10,
      });
    });

    this.identityProviders = stage.identityProviders.map((idp) => this.addIdentityProvider(idp));

    this.preTokenGeneration = new RecoupFunction(this, 'PreTokenGeneration', {
      entry: 'functions/auth/pre-token-generation.ts',
      description: 'Adds tenant_id/debtor_id claims to Cognito tokens; refuses users without a tenant',
      stage,
      observability: props.observability,
      memorySize: 256,
      // Cognito waits at most 5 s for a trigger.
      timeout: Duration.seconds(5),
      environment: {
        FEDERATED_TENANTS: JSON.stringify(
          Object.fromEntries(stage.identityProviders.map((idp) => [idp.name, idp.tenantId])),
        ),
      },
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preTokenGeneration.function,
      LambdaVersion.V2_0,
    );

    // Portal links: a KMS HMAC key signs them (the key never leaves KMS), and the pool's custom
    // challenge — answered with the link — is the debtors' only way in. No password step runs.
    this.portalLinkKey = new Key(this, 'PortalLinkKey', {
      description: 'Signs the links that open a debtor portal (HMAC-SHA-256)',
      keySpec: KeySpec.HMAC_256,
      keyUsage: KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: stage.removalPolicy,
    });
    const challengeTrigger = (id: string, entry: string, description: string, environment = {}) =>
      new RecoupFunction(this, id, {
        entry,
        description,
        stage,
        observability: props.observability,
        memorySize: 256,
        timeout: Duration.seconds(5),
        environment,
      });
    const define = challengeTrigger(
      'DefineAuthChallenge',
      'functions/auth/define-auth-challenge.ts',
      'Portal links: one custom challenge, tokens only for a right answer',
    );
    const create = challengeTrigger(
      'CreateAuthChallenge',
      'functions/auth/create-auth-challenge.ts',
      'Portal links: the challenge is the link the debtor holds',
    );
    this.verifyPortalLink = challengeTrigger(
      'VerifyAuthChallenge',
      'functions/auth/verify-auth-challenge.ts',
      "Portal links: a genuine, unexpired link for this user's tenant and debtor",
      { PORTAL_LINK_KEY_ID: this.portalLinkKey.keyArn },
    );
    this.portalLinkKey.grant(this.verifyPortalLink.function, 'kms:VerifyMac');
    this.userPool.addTrigger(UserPoolOperation.DEFINE_AUTH_CHALLENGE, define.function);
    this.userPool.addTrigger(UserPoolOperation.CREATE_AUTH_CHALLENGE, create.function);
    this.userPool.addTrigger(
      UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE,
      this.verifyPortalLink.function,
    );

    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: stage.authDomainPrefix ?? `recoup-${stage.stage}-${Aws.ACCOUNT_ID}` },
    });

    // Users may edit their name and locale; e-mail must stay writable because identity providers
    // map it. The tenant and debtor links are never user-writable.
    const standardReadable = { email: true, emailVerified: true, fullname: true, locale: true };
    this.client = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: stage.allowPasswordAuth, custom: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: stage.callbackUrls,
        logoutUrls: stage.logoutUrls,
      },
      supportedIdentityProviders: [
        UserPoolClientIdentityProvider.COGNITO,
        ...stage.identityProviders.map((idp) => UserPoolClientIdentityProvider.custom(idp.name)),
      ],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(30),
      idTokenValidity: Duration.minutes(30),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes(standardReadable)
        .withCustomAttributes('tenant_id', 'debtor_id'),
      writeAttributes: new ClientAttributes().withStandardAttributes({
        email: true,
        fullname: true,
        locale: true,
      }),
    });
    for (const idp of this.identityProviders) this.client.node.addDependency(idp);

    this.issuer = `https://cognito-idp.${Stack.of(this).region}.${Stack.of(this).urlSuffix}/${this.userPool.userPoolId}`;
  }

  /** The hosted sign-in base URL, e.g. `https://recoup-dev-123456789012.auth.eu-west-1.amazoncognito.com`. */
  get hostedUiBaseUrl(): string {
    return this.domain.baseUrl();
  }

  private addIdentityProvider(idp: FederatedIdentityProvider): UserPoolIdentityProvider {
    if (idp.kind === 'saml') {
      return new UserPoolIdentityProviderSaml(this, `Idp-${idp.name}`, {
        userPool: this.userPool,
        name: idp.name,
        metadata: UserPoolIdentityProviderSamlMetadata.url(idp.metadataUrl),
        attributeMapping: {
          email: ProviderAttribute.other(
            'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
          ),
        },
      });
    }
    return new UserPoolIdentityProviderOidc(this, `Idp-${idp.name}`, {
      userPool: this.userPool,
      name: idp.name,
      issuerUrl: idp.issuerUrl,
      clientId: idp.clientId,
      // A CloudFormation dynamic reference, resolved at deploy time: the secret never enters the template.
      clientSecret: SecretValue.secretsManager(idp.clientSecretName).unsafeUnwrap(),
      scopes: idp.scopes,
      attributeMapping: {
        email: ProviderAttribute.other('email'),
        fullname: ProviderAttribute.other('name'),
      },
    });
  }
}
