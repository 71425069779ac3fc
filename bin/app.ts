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
try {
  app.synth();
} catch (e) {
  // The DPP pack has printed its findings and summary line; the CDK's error adds only a stack trace.
  if (!(e instanceof Error) || !e.message.includes('Validation failed')) throw e;
  console.error(e.message.split('\n').filter((line) => line.trim() !== '').pop());
  process.exit(1);
}
