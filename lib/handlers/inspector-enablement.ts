/**
 * Lambda handler of the `Custom::InspectorEnablement` resource (DPP 3.7 Vulnerability Management):
 * enables Amazon Inspector scans of this account through `inspector2:Enable`.
 *
 * `Enable` answers HTTP 200 even when the account could not be enabled: the reason is in the
 * response's `failedAccounts` (errorCode, errorMessage). A deploy that reports success while
 * Inspector scans nothing would hide the missing control, so a failed account fails the resource
 * with that reason, which CloudFormation shows in the stack events.
 * Source: https://docs.aws.amazon.com/inspector/v2/APIReference/API_Enable.html
 *
 * Delete leaves Inspector enabled: turning a security control off is not a side effect of
 * removing a stack.
 */
import { EnableCommand, Inspector2Client, type ResourceScanType } from '@aws-sdk/client-inspector2';

/** What CloudFormation sends through CDK's provider framework. */
export interface InspectorEnablementEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: { readonly AccountId: string; readonly ResourceTypes: readonly string[] };
}

export interface InspectorEnablementResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** Handles one custom-resource request. */
export async function onEvent(client: Inspector2Client, event: InspectorEnablementEvent): Promise<InspectorEnablementResponse> {
  const account = event.ResourceProperties.AccountId;
  const physicalResourceId = `inspector2-${account}`;
  if (event.RequestType === 'Delete') return { PhysicalResourceId: event.PhysicalResourceId ?? physicalResourceId };

  const response = await client.send(new EnableCommand({
    accountIds: [account],
    resourceTypes: event.ResourceProperties.ResourceTypes as ResourceScanType[],
  }));
  const failed = (response.failedAccounts ?? []).filter((f) => f.accountId === undefined || f.accountId === account);
  if (failed.length > 0) {
    const reasons = failed.map((f) => `${f.errorCode ?? 'unknown error'}: ${f.errorMessage ?? 'no message'}`).join('; ');
    throw new Error(`Amazon Inspector could not be enabled for account ${account}: ${reasons}`);
  }
  const status = response.accounts?.find((a) => a.accountId === account)?.status;
  return { PhysicalResourceId: physicalResourceId, Data: status ? { Status: status } : undefined };
}

let client: Inspector2Client | undefined;

/** The Lambda entry point. */
export async function handler(event: InspectorEnablementEvent): Promise<InspectorEnablementResponse> {
  client ??= new Inspector2Client({});
  return onEvent(client, event);
}
