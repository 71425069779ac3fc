#!/usr/bin/env node
import { App } from 'aws-cdk-lib';
import { buildBaselineApp } from '../lib/app';
import { ConfigError } from '../lib/config';
import { PolicyError } from '../lib/policy/errors';

// The CDK app: one DPP baseline stack per environment (test, prod), checks registered on the app.
const app = new App();
try {
  buildBaselineApp(app);
} catch (e) {
  if (!(e instanceof ConfigError) && !(e instanceof PolicyError)) throw e;
  for (const line of e.problems) console.error(`DPP config error: ${line}`);
  process.exit(1);
}
app.synth();
