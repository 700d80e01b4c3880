import { Match } from 'aws-cdk-lib/assertions';
import { WORKFLOW_TASKS } from '../../shared/workflow/collection-workflow-tasks';
import { apiRoutes } from '../../shared/http/routes';
import { resourcesOfType, synthesize, type Synthesized } from './synth';

describe('prod stage', () => {
  let prod: Synthesized;
  beforeAll(() => {
    prod = synthesize({ stage: 'prod' });
  });

  it('is the stack Recoup-prod', () => {
    expect(prod.stack.stackName).toBe('Recoup-prod');
  });

  it('retains and protects data and users', () => {
    prod.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 35 },
      }),
    });
    prod.template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    for (const { resource: key } of prod.resourcesAcross('AWS::KMS::Key')) {
      expect(key.DeletionPolicy).toBe('Retain');
    }
    // Function log groups are in the route groups' nested stacks: every stack is checked.
    const groups = prod.resourcesAcross('AWS::Logs::LogGroup');
    // every function's (routes, workflow tasks, the two schedule, three messaging and two webhook
    // functions, the import worker, the document check, the two connector functions, the Cognito
    // triggers), the API access logs and the workflow's execution logs
    expect(groups).toHaveLength(
      apiRoutes.length + Object.keys(WORKFLOW_TASKS).length + 2 + 3 + 2 + 1 + 1 + 2 + 3 + 1 + 3,
    );
    for (const { resource: group } of groups) {
      expect(group.DeletionPolicy).toBe('Retain');
      expect(group.Properties?.RetentionInDays).toBe(365);
    }
  });

  it('enforces threat protection and offers no password auth flow', () => {
    prod.template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
    });
    const client = Object.values(resourcesOfType(prod.template, 'AWS::Cognito::UserPoolClient'))[0]!;
    expect(client.Properties?.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
  });

  it('warns when deployed with the placeholder callback URLs', () => {
    const warnings = prod.assembly
      .getStackByName('Recoup-prod')
      .messages.filter((m) => m.level === 'warning')
      .map((m) => String(m.entry.data));
    expect(warnings.some((w) => w.includes('placeholders'))).toBe(true);
  });

  it('throttles harder than dev allows', () => {
    prod.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 },
    });
  });
});

describe('dev stage without alarm e-mail', () => {
  it('has the alarm topic but no subscription', () => {
    const dev = synthesize({ stage: 'dev' });
    dev.template.resourceCountIs('AWS::SNS::Topic', 1);
    dev.template.resourceCountIs('AWS::SNS::Subscription', 0);
    const client = Object.values(resourcesOfType(dev.template, 'AWS::Cognito::UserPoolClient'))[0]!;
    expect(client.Properties?.ExplicitAuthFlows).toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(client.Properties?.CallbackURLs).toEqual(['http://localhost:3000/auth/callback']);
  });
});

describe('tenant federation', () => {
  let federated: Synthesized;
  beforeAll(() => {
    federated = synthesize({
      stage: 'dev',
      samlMetadataUrl: 'https://idp.acme.example/metadata.xml',
      samlTenantId: 'acme',
      samlProviderName: 'AcmeSaml',
      oidcIssuer: 'https://login.globex.example',
      oidcClientId: 'recoup-client',
      oidcClientSecretName: 'recoup/globex-oidc',
      oidcTenantId: 'globex',
      oidcProviderName: 'GlobexOidc',
      callbackUrls: 'https://app.example.com/auth/callback',
      corsOrigins: 'https://app.example.com',
    });
  });

  it('creates one identity provider per tenant IdP, offered by the web client', () => {
    federated.template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'AcmeSaml',
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({ MetadataURL: 'https://idp.acme.example/metadata.xml' }),
    });
    federated.template.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'GlobexOidc',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        oidc_issuer: 'https://login.globex.example',
        client_id: 'recoup-client',
        // a deploy-time dynamic reference, never the secret itself
        client_secret: '{{resolve:secretsmanager:recoup/globex-oidc:SecretString:::}}',
      }),
    });
    federated.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      SupportedIdentityProviders: ['COGNITO', 'AcmeSaml', 'GlobexOidc'],
      CallbackURLs: ['https://app.example.com/auth/callback'],
    });
  });

  it('never maps tenant_id from an IdP: the binding goes to the trigger', () => {
    for (const idp of Object.values(
      resourcesOfType(federated.template, 'AWS::Cognito::UserPoolIdentityProvider'),
    )) {
      expect(Object.keys(idp.Properties?.AttributeMapping as object)).not.toContain('custom:tenant_id');
    }
    federated.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ FEDERATED_TENANTS: '{"AcmeSaml":"acme","GlobexOidc":"globex"}' }),
      },
    });
  });

  it('enables CORS for the configured origins only', () => {
    federated.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://app.example.com'] }),
    });
  });
});
