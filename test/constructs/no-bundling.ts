import { App, Stack } from 'aws-cdk-lib';
import { DppChecks } from '../../lib/checks/nag-pack';
import { policyOf } from '../../lib/policy/context';
import { ENV } from './fixtures';

/**
 * An app whose Lambda functions are not bundled (`aws:cdk:bundling-stacks: []`: CDK skips
 * esbuild and stages a placeholder asset), without CDK's built-in CloudFormation validation, and
 * a stack in it: construct tests stay fast and offline.
 */
export function stackWithoutBundling(env: { account: string; region: string } = ENV): { app: App; stack: Stack } {
  const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:bundling-stacks': [] } });
  return { app, stack: new Stack(app, 'Test', { env }) };
}

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[]; DeletionPolicy?: string };

/** The resources of a template of the given type, by logical ID. */
export function resourcesOfType(template: { toJSON(): any }, type: string): [string, Resource][] {
  return Object.entries(template.toJSON().Resources as Record<string, Resource>).filter(([, r]) => r.Type === type);
}

/** The value of a tag in a CloudFormation `Tags` list. */
export function tagValue(properties: Record<string, any>, key: string): string | undefined {
  return (properties.Tags as { Key: string; Value: string }[] | undefined)?.find((t) => t.Key === key)?.Value;
}

/**
 * The DPP pack on an app, synthesized first (tags are applied by aspects during synthesis): the
 * open errors, one line per resource, and the findings left out because they were acknowledged.
 */
export function dppErrorsAndAcknowledgments(app: App): { errors: string[]; acknowledged: DppChecks['acknowledged'] } {
  app.synth();
  // The profile the app's constructs followed (construct context `dpp:policy`, else dpp).
  const checks = new DppChecks(undefined, { profile: policyOf(app) });
  const report = checks.validateScope(app);
  const errors = report.violations
    .filter((v) => v.severity === 'error')
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}: ${v.description}`));
  return { errors, acknowledged: checks.acknowledged };
}
