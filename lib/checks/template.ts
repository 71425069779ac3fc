/** The parts of a CloudFormation template the checks read. Values are resolved JSON. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
  readonly Condition?: string;
  readonly DependsOn?: string | string[];
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

export interface CfnParameter {
  readonly Type?: string;
  readonly Default?: unknown;
  readonly NoEcho?: boolean | string;
}

export interface CfnTemplate {
  readonly AWSTemplateFormatVersion?: string;
  readonly Transform?: unknown;
  readonly Metadata?: Record<string, unknown>;
  readonly Parameters?: Record<string, CfnParameter>;
  readonly Conditions?: Record<string, unknown>;
  readonly Mappings?: Record<string, unknown>;
  readonly Resources?: Record<string, CfnResource>;
  readonly Outputs?: Record<string, unknown>;
}

/** One template of an app (a stack), with what the checks need to know about it. */
export interface StackTemplate {
  /** A name for reports: the stack name, or the file path for a loose template. */
  readonly id: string;
  /** The CloudFormation stack name, where known. */
  readonly stackName?: string;
  /** The account, where known (from the cloud assembly manifest or the CDK stack). */
  readonly account?: string;
  /** The region, where known. */
  readonly region?: string;
  readonly template: CfnTemplate;
}
