/**
 * CDK entry point (`cdk.json` → `npx tsx infra/app.ts`).
 *   cdk synth                      # stage dev
 *   cdk deploy -c stage=prod -c alarmEmail=ops@example.com
 * See docs/deploy.md for every context key.
 */
import { createApp } from './create-app';

const { app } = createApp();
app.synth();
