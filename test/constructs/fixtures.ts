import { App, Stack, Validations, type PolicyViolation } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { EncryptionKeys } from '../../constructs/security/keys';
import { SegmentedVpc, type SegmentedVpcProps } from '../../constructs/network/segmented-vpc';
import { DppChecks } from '../../lib/checks/nag-pack';

/** Construct tests synthesize offline: explicit account, region and zones. */
export const ENV = { account: '111111111111', region: 'eu-west-1' } as const;
export const ZONES = ['eu-west-1a', 'eu-west-1b'];
export const APPROVED = ['203.0.113.0/24'];

/**
 * An app without CDK's built-in CloudFormation validation (slow to load, and not what these tests
 * are about), and a stack in it.
 */
export function newStack(): { app: App; stack: Stack } {
  const app = new App({ builtinCloudFormationValidation: false });
  return { app, stack: new Stack(app, 'Test', { env: ENV }) };
}

/** Keys and a two-zone segmented VPC, the base most data constructs need. */
export function network(stack: Stack, props: Partial<SegmentedVpcProps> = {}): { keys: EncryptionKeys; network: SegmentedVpc } {
  const keys = new EncryptionKeys(stack, 'Keys');
  return { keys, network: new SegmentedVpc(stack, 'Network', { availabilityZones: ZONES, approvedCidrs: APPROVED, flowLogKey: keys.logs, ...props }) };
}

/** Acknowledgment IDs (`DPP::DPP-…`) recorded on a construct or its ancestors, with their reasons. */
export function acknowledgmentsOf(construct: IConstruct): Record<string, string> {
  const found: Record<string, string> = {};
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    for (const entry of c.node.metadata) {
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY) Object.assign(found, entry.data as Record<string, string>);
    }
  }
  return found;
}

/** A violation of the DPP pack on one resource. */
export interface DppFinding {
  readonly rule: string;
  readonly severity: PolicyViolation['severity'];
  readonly path: string | undefined;
  readonly description: string;
}

/**
 * The DPP pack's findings on an app: those left open and those acknowledged (with their reasons).
 * The app is synthesized first, so tags set through aspects are in the templates the rules read.
 */
export function dppFindings(app: App): { open: DppFinding[]; acknowledged: (DppFinding & { reason: string })[] } {
  app.synth();
  // A construct's stack holds no environment: its account-wide controls come from a baseline.
  const pack = new DppChecks(undefined, { environmentControlsFrom: 'the baseline (construct tests hold no environment)' });
  const report = pack.validateScope(app);
  const open = report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({ rule: violation.ruleName, severity: violation.severity, path: resource.constructPath, description: violation.description })),
  );
  const acknowledged = pack.acknowledged.map((a) => ({ rule: a.ruleId, severity: a.level, path: a.constructPath, description: a.messages.join(' '), reason: a.reason }));
  return { open, acknowledged };
}
