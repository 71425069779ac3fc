#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildIntegApp, SNAPSHOT_TARGET } from './baseline-integ';

// The integration test app (`npm run integ` deploys it): the account and region of the AWS profile
// the CDK CLI runs with, or the snapshot's placeholders when there is none.
const app = new App();
buildIntegApp(app, {
  account: process.env.CDK_DEFAULT_ACCOUNT ?? SNAPSHOT_TARGET.account,
  region: process.env.CDK_DEFAULT_REGION ?? SNAPSHOT_TARGET.region,
});
app.synth();
