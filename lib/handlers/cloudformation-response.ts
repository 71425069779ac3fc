/**
 * The custom-resource protocol for a handler that CloudFormation invokes directly (its
 * `ServiceToken` is the function's ARN), with no CDK provider framework in between: the handler
 * itself must upload the outcome to the pre-signed S3 URL in the event, or the stack waits for
 * the resource until it times out. Used where the provider framework's code cannot be deployed:
 * a StackSet instance cannot read the administrator account's asset bucket, so its handlers are
 * inline code (README "Organization").
 *
 * The request and response fields are those documented in
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html and
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html:
 * the response is a JSON `PUT` with an empty `Content-Type` (the URL is signed without one), at
 * most 4,096 bytes, echoing `StackId`, `RequestId` and `LogicalResourceId`.
 */

/** A custom-resource request as CloudFormation sends it to a directly invoked function. */
export interface CloudFormationRequest {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly ResourceType?: string;
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties: Readonly<Record<string, unknown>>;
  readonly OldResourceProperties?: Readonly<Record<string, unknown>>;
}

/** What a provider-style handler returns: the physical ID and the attributes. */
export interface ProviderResult {
  readonly PhysicalResourceId: string;
  readonly Data?: Readonly<Record<string, string>>;
}

/** The documented limit of a response body (crpg-ref-responses). */
export const RESPONSE_MAX_BYTES = 4096;

/** The response body for an outcome: SUCCESS with the result, or FAILED with the error's message. */
export function responseBody(request: CloudFormationRequest, outcome: { result: ProviderResult } | { error: unknown }): string {
  const common = { StackId: request.StackId, RequestId: request.RequestId, LogicalResourceId: request.LogicalResourceId };
  if ('result' in outcome) {
    return JSON.stringify({ ...common, Status: 'SUCCESS', PhysicalResourceId: outcome.result.PhysicalResourceId, Data: outcome.result.Data ?? {} });
  }
  const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  // A failed create has no physical ID yet; CloudFormation then sends a Delete with this one, which the handler must treat as "nothing made".
  const physicalId = request.PhysicalResourceId ?? `${request.LogicalResourceId}-failed-${request.RequestId}`;
  const body = { ...common, Status: 'FAILED', PhysicalResourceId: physicalId, Reason: '' };
  // The reason is the part of the response that can grow: cut it so the whole stays within the limit.
  const room = RESPONSE_MAX_BYTES - Buffer.byteLength(JSON.stringify(body)) - 16;
  return JSON.stringify({ ...body, Reason: message.length > room ? `${message.slice(0, Math.max(0, room - 1))}…` : message });
}

/** Uploads the response; a failed upload throws, so Lambda's logs show why the stack hangs. */
export async function sendResponse(url: string, body: string): Promise<void> {
  const response = await fetch(url, { method: 'PUT', body, headers: { 'content-type': '' } });
  if (!response.ok) throw new Error(`uploading the custom-resource response failed: HTTP ${response.status}`);
}

/**
 * A directly invoked custom-resource handler from a provider-style one (`onEvent` returns the
 * physical ID and data, or throws): every outcome, an error included, is reported to CloudFormation.
 */
export function respondingTo(onEvent: (request: CloudFormationRequest) => Promise<ProviderResult>): (request: CloudFormationRequest) => Promise<void> {
  return async (request) => {
    let outcome: { result: ProviderResult } | { error: unknown };
    try {
      outcome = { result: await onEvent(request) };
    } catch (error) {
      console.error(`${request.RequestType} ${request.LogicalResourceId} failed:`, error);
      outcome = { error };
    }
    await sendResponse(request.ResponseURL, responseBody(request, outcome));
  };
}
