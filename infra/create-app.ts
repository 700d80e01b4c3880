/**
 * Builds the CDK app: the stage's configuration from context, its stack `Recoup-<stage>` (with a
 * nested stack per API route group), and the cdk-nag AWS Solutions checks as a validation plugin
 * (findings fail synthesis unless acknowledged with a reason next to the construct they concern).
 * Shared by `infra/app.ts` (the CLI entry) and the infra tests.
 */
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { RouteDefinition } from '../shared/http/route';
import { apiRoutes } from '../shared/http/routes';
import { RecoupStack } from './recoup-stack';
import { type StageConfig, stageConfigFrom } from './stage';

export interface CreateAppOptions extends AppProps {
  /** Defaults to the real route table. */
  routes?: readonly RouteDefinition[];
}

export interface RecoupApp {
  app: App;
  stack: RecoupStack;
  config: StageConfig;
}

export function createApp(options: CreateAppOptions = {}): RecoupApp {
  const { routes = apiRoutes, ...appProps } = options;
  const app = new App(appProps);
  const config = stageConfigFrom((key) => app.node.tryGetContext(key));

  const stack = new RecoupStack(app, `Recoup-${config.stage}`, {
    stage: config,
    routes,
    description: `Recoup debt collection (${config.stage})`,
    // Environment-agnostic unless the CLI knows the target account (it does when credentials exist).
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    tags: { application: 'recoup', stage: config.stage },
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, config };
}
