import { redactSecrets } from './redact';

/** The audit cannot run at all (no credentials, unreachable endpoint): one line for the user, exit code 2. */
export class AuditAbort extends Error {
  constructor(message: string) {
    super(redactSecrets(message));
    this.name = 'AuditAbort';
  }
}

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly Code?: unknown;
  readonly message?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
}

function asErrorLike(error: unknown): ErrorLike {
  return error && typeof error === 'object' ? (error as ErrorLike) : {};
}

/** The error code AWS returned (`AccessDenied`, `Throttling`, …) or the Node error code, else the error's name. */
export function errorCode(error: unknown): string {
  const e = asErrorLike(error);
  for (const candidate of [e.Code, e.code, e.name]) if (typeof candidate === 'string' && candidate) return candidate;
  return 'Error';
}

/** The first line of an error's message, secrets masked. */
export function errorMessage(error: unknown): string {
  const e = asErrorLike(error);
  const text = typeof e.message === 'string' ? e.message : String(error);
  return redactSecrets(text.split('\n')[0] ?? '');
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);

/** True when IAM refused the call for lack of permission: that check is not run, the rest still are. */
export function isAccessDenied(error: unknown): boolean {
  return ACCESS_DENIED.has(errorCode(error));
}

/** Codes by which AWS rejects the caller's credentials rather than one action. */
const REJECTED_CREDENTIALS = new Set([
  'InvalidClientTokenId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'UnrecognizedClientException',
  'InvalidAccessKeyId', 'AuthFailure', 'IncompleteSignature', 'MissingAuthenticationToken', 'InvalidToken',
]);

const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'TimeoutError', 'RequestTimeout']);

/** Errors the SDK re-wraps (e.g. one from another realm) keep the Node error code only in their message. */
function networkCodeIn(message: string): string | undefined {
  return [...message.matchAll(/\b(E[A-Z_]+)\b/g)].map((m) => m[1]!).find((c) => NETWORK.has(c));
}

/**
 * Turns an error that makes the whole audit impossible into an `AuditAbort`; returns undefined for errors that only
 * concern one call (an AWS service error such as AccessDenied, NoSuchEntity or exhausted Throttling).
 */
export function abortFor(error: unknown, endpointUrl?: string): AuditAbort | undefined {
  const iam = endpointUrl ? `IAM at ${endpointUrl}` : 'IAM';
  const e = asErrorLike(error);
  const code = errorCode(error);
  if (e.name === 'CredentialsProviderError' || code === 'CredentialsProviderError') {
    return new AuditAbort(`no usable AWS credentials: ${errorMessage(error)} (set a profile with --profile or AWS_PROFILE, or the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables)`);
  }
  if (REJECTED_CREDENTIALS.has(code)) return new AuditAbort(`AWS rejected the credentials (${code}): ${errorMessage(error)}`);
  const network = NETWORK.has(code) ? code : networkCodeIn(errorMessage(error));
  if (network) return new AuditAbort(`cannot reach ${iam} (${network})`);
  // Service errors carry a fault and an HTTP status; anything else (a parse error, a bad endpoint URL) stops the audit.
  const isServiceError = e.$fault === 'client' || e.$fault === 'server' || typeof e.$metadata?.httpStatusCode === 'number';
  if (!isServiceError) return new AuditAbort(`cannot talk to ${iam}: ${errorMessage(error)}`);
  return undefined;
}
