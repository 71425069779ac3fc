#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { SNAPSHOT_TARGET } from './baseline-integ';
import { buildAccountControlsIntegApp } from './account-controls-integ';

// The organization's account controls as one StackSet instance (`npm run integ -- --case account-controls`).
const app = new App();
buildAccountControlsIntegApp(app, {
  account: process.env.CDK_DEFAULT_ACCOUNT ?? SNAPSHOT_TARGET.account,
  region: process.env.CDK_DEFAULT_REGION ?? SNAPSHOT_TARGET.region,
});
app.synth();
