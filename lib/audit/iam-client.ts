import { IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam';
import { loadConfig, NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/core/config';
import { ConfiguredRetryStrategy, NODE_MAX_ATTEMPT_CONFIG_OPTIONS } from '@smithy/core/retry';

/** IAM is a global service; its endpoint in the commercial partition is the same whatever the region. */
export const DEFAULT_IAM_REGION = 'us-east-1';

/** How the audit talks to IAM. */
export interface IamClientOptions {
  /**
   * Named profile of the shared config/credentials files.
   * @default the default credential chain's choice (AWS_PROFILE, else `default`)
   */
  readonly profile?: string;
  /**
   * Region for the client (it picks the partition's endpoint; IAM itself is global).
   * @default AWS_REGION, else the profile's region, else us-east-1
   */
  readonly region?: string;
  /**
   * Endpoint URL to call instead of IAM's (a proxy, a VPC endpoint, or the tests' local server).
   * @default IAM's endpoint for the region's partition
   */
  readonly endpointUrl?: string;
  /**
   * Static credentials, bypassing the default chain (tests and embedding programs).
   * @default the default credential chain (environment, profiles, SSO, container, instance metadata)
   */
  readonly credentials?: IAMClientConfig['credentials'];
  /**
   * Total attempts per call, retries included.
   * @default AWS_MAX_ATTEMPTS, else the profile's max_attempts, else 3
   */
  readonly maxAttempts?: number;
  /**
   * Base of the exponential backoff between retries, in milliseconds (full jitter, capped at 20 s).
   * IAM throttles bursts, so the base is generous.
   * @default 500
   */
  readonly retryBaseDelayMs?: number;
}

const MAX_BACKOFF_MS = 20_000;

/** Exponential backoff with full jitter: a random delay up to base × 2^attempt. */
export function backoff(baseMs: number): (attempt: number) => number {
  return (attempt) => Math.floor(Math.random() * Math.min(MAX_BACKOFF_MS, baseMs * 2 ** attempt));
}

/**
 * An IAM client for the audit: the default credential chain (or the given profile), retries by the SDK's own
 * retry strategy (throttling and transient network errors), and short connection timeouts so an unreachable
 * endpoint fails fast.
 */
export function createIamClient(options: IamClientOptions = {}): IAMClient {
  const { profile } = options;
  const region = options.region ?? loadConfig({ ...NODE_REGION_CONFIG_OPTIONS, default: () => DEFAULT_IAM_REGION }, { ...NODE_REGION_CONFIG_FILE_OPTIONS, profile });
  const maxAttempts = options.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, { profile });
  return new IAMClient({
    profile,
    region,
    endpoint: options.endpointUrl,
    credentials: options.credentials,
    retryStrategy: new ConfiguredRetryStrategy(maxAttempts, backoff(options.retryBaseDelayMs ?? 500)),
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
  });
}
