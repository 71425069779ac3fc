import * as cxschema from 'aws-cdk-lib/cloud-assembly-schema';
import * as cxapi from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';

/** Frames in installed packages or Node's internals: not where the app's author created something. */
const LIBRARY_FRAME = /[/\\]node_modules[/\\]|\(node:|^node:/;

/**
 * Records where the app created a construct of this library, as CDK records it for L1 resources
 * (`aws:cdk:creationStack` metadata, "function (file:line:column)" frames): the CDK's validation
 * output and `dpp check` then place a finding on a resource deep inside the construct at the app's
 * line that created the construct. CDK itself records traces only on CloudFormation elements and
 * stacks, whose first ten frames usually end inside the library before reaching the app's code.
 * Frames in `node_modules` are left out; a construct created by another construct of the library
 * (nothing of the app's own in its trace) records nothing, so its ancestors' traces apply.
 * Honours CDK's `aws:cdk:disable-creation-stack-traces` context.
 *
 * @param below the constructor being run (`new.target`): its frame and those above are left out
 */
export function recordCreationTrace(construct: IConstruct, below: Function): void {
  if (construct.node.tryGetContext(cxapi.DISABLE_CREATION_STACK_TRACES)) return;
  const holder: { stack?: string } = {};
  Error.captureStackTrace(holder, below);
  const frames = (holder.stack ?? '')
    .split('\n')
    .filter((line) => line.startsWith('    at '))
    .map((line) => line.slice('    at '.length))
    .filter((frame) => !LIBRARY_FRAME.test(frame));
  if (frames.length > 0) construct.node.addMetadata(cxschema.ArtifactMetadataEntryType.CREATION_STACK, frames);
}
