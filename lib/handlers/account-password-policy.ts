/**
 * Lambda handler of the `Custom::AccountPasswordPolicy` resource (DPP 2.4 Credential Management),
 * called by the CDK `Provider` framework.
 *
 * CloudFormation has no resource for the IAM account password policy, so this handler sets it
 * with `UpdateAccountPasswordPolicy`. On create it first reads the policy the account already
 * had and keeps it in the physical resource ID, so that on delete it restores that policy (or
 * deletes the policy when there was none): removing the stack leaves the account as it found it.
 */
import {
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  IAMClient,
  UpdateAccountPasswordPolicyCommand,
  type PasswordPolicy,
  type UpdateAccountPasswordPolicyCommandInput,
} from '@aws-sdk/client-iam';

/** The custom resource event, as the Provider framework passes it (only the fields used here). */
export interface PasswordPolicyEvent {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResourceProperties: Readonly<Record<string, unknown>>;
  readonly PhysicalResourceId?: string;
}

/** What the Provider framework reports back to CloudFormation. */
export interface PasswordPolicyResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Readonly<Record<string, string>>;
}

/** The settable fields of the policy, in the names of `UpdateAccountPasswordPolicy`. */
export type PasswordPolicySettings = UpdateAccountPasswordPolicyCommandInput;

const ID_PREFIX = 'dpp-account-password-policy';
const NONE = 'none';

const NUMBER_FIELDS = ['MinimumPasswordLength', 'MaxPasswordAge', 'PasswordReusePrevention'] as const;
const BOOLEAN_FIELDS = [
  'RequireSymbols',
  'RequireNumbers',
  'RequireUppercaseCharacters',
  'RequireLowercaseCharacters',
  'AllowUsersToChangePassword',
  'HardExpiry',
] as const;

/**
 * The policy to apply, from the resource properties. CloudFormation passes custom resource
 * properties as strings ("14", "true"), so both strings and native values are accepted.
 */
export function settingsFromProperties(properties: Readonly<Record<string, unknown>>): PasswordPolicySettings {
  const settings: Record<string, number | boolean> = {};
  for (const field of NUMBER_FIELDS) {
    const raw = properties[field];
    if (raw === undefined) continue;
    const value = typeof raw === 'number' ? raw : Number(String(raw));
    if (!Number.isInteger(value)) throw new Error(`${field} must be an integer, got ${JSON.stringify(raw)}`);
    settings[field] = value;
  }
  for (const field of BOOLEAN_FIELDS) {
    const raw = properties[field];
    if (raw === undefined) continue;
    if (raw !== true && raw !== false && raw !== 'true' && raw !== 'false') throw new Error(`${field} must be true or false, got ${JSON.stringify(raw)}`);
    settings[field] = raw === true || raw === 'true';
  }
  return settings;
}

/** The settable part of a policy read with `GetAccountPasswordPolicy`. */
export function settingsFromPolicy(policy: PasswordPolicy): PasswordPolicySettings {
  return {
    MinimumPasswordLength: policy.MinimumPasswordLength,
    RequireSymbols: policy.RequireSymbols,
    RequireNumbers: policy.RequireNumbers,
    RequireUppercaseCharacters: policy.RequireUppercaseCharacters,
    RequireLowercaseCharacters: policy.RequireLowercaseCharacters,
    AllowUsersToChangePassword: policy.AllowUsersToChangePassword,
    // IAM reports MaxPasswordAge only when passwords expire; an absent age means "never expire".
    MaxPasswordAge: policy.ExpirePasswords ? policy.MaxPasswordAge : undefined,
    PasswordReusePrevention: policy.PasswordReusePrevention,
    HardExpiry: policy.HardExpiry,
  };
}

/** Encodes the policy found at create time (or its absence) as the physical resource ID. */
export function encodePhysicalId(previous: PasswordPolicySettings | undefined): string {
  if (!previous) return `${ID_PREFIX}/${NONE}`;
  const defined = Object.fromEntries(Object.entries(previous).filter(([, v]) => v !== undefined));
  return `${ID_PREFIX}/${Buffer.from(JSON.stringify(defined)).toString('base64url')}`;
}

/**
 * The policy found at create time: settings, `null` when there was none, `undefined` when the ID
 * is not one this handler made (a failed create): then nothing was changed and nothing is restored.
 */
export function decodePhysicalId(physicalId: string | undefined): PasswordPolicySettings | null | undefined {
  if (!physicalId?.startsWith(`${ID_PREFIX}/`)) return undefined;
  const encoded = physicalId.slice(ID_PREFIX.length + 1);
  if (encoded === NONE) return null;
  try {
    return settingsFromProperties(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Record<string, unknown>);
  } catch {
    return undefined;
  }
}

/** Whether an IAM error says the thing does not exist (the SDK names it NoSuchEntityException). */
export function isNoSuchEntity(error: unknown): boolean {
  return (error as { name?: string }).name === 'NoSuchEntityException';
}

/** Runs one IAM call and turns its failure into an error that names the call and IAM's error code. */
async function iamCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const err = error as { name?: string; message?: string };
    throw new Error(`IAM ${operation} failed: ${err.name ?? 'Error'}: ${err.message ?? String(error)}`);
  }
}

/** The account's current password policy, or undefined when it has none (IAM answers NoSuchEntity). */
export async function currentPolicy(iam: IAMClient): Promise<PasswordPolicySettings | undefined> {
  return iamCall('GetAccountPasswordPolicy', async () => {
    try {
      const { PasswordPolicy: policy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
      return policy ? settingsFromPolicy(policy) : undefined;
    } catch (error) {
      if (isNoSuchEntity(error)) return undefined;
      throw error;
    }
  });
}

function dataOf(previous: PasswordPolicySettings | null | undefined): Record<string, string> {
  return { PreviousPolicy: previous ? JSON.stringify(previous) : NONE };
}

/** Handles one custom resource event with the given IAM client. */
export async function onEvent(iam: IAMClient, event: PasswordPolicyEvent): Promise<PasswordPolicyResponse> {
  switch (event.RequestType) {
    case 'Create': {
      const settings = settingsFromProperties(event.ResourceProperties);
      const previous = await currentPolicy(iam);
      await iamCall('UpdateAccountPasswordPolicy', () => iam.send(new UpdateAccountPasswordPolicyCommand(settings)));
      return { PhysicalResourceId: encodePhysicalId(previous), Data: dataOf(previous) };
    }
    case 'Update': {
      const settings = settingsFromProperties(event.ResourceProperties);
      await iamCall('UpdateAccountPasswordPolicy', () => iam.send(new UpdateAccountPasswordPolicyCommand(settings)));
      // The same physical ID: the policy to restore stays the one found at create time.
      const physicalId = event.PhysicalResourceId ?? encodePhysicalId(undefined);
      return { PhysicalResourceId: physicalId, Data: dataOf(decodePhysicalId(physicalId)) };
    }
    case 'Delete': {
      const physicalId = event.PhysicalResourceId ?? '';
      const previous = decodePhysicalId(physicalId);
      if (previous === null) {
        await iamCall('DeleteAccountPasswordPolicy', async () => {
          try {
            await iam.send(new DeleteAccountPasswordPolicyCommand({}));
          } catch (error) {
            if (!isNoSuchEntity(error)) throw error;
          }
        });
      } else if (previous) {
        await iamCall('UpdateAccountPasswordPolicy', () => iam.send(new UpdateAccountPasswordPolicyCommand(previous)));
      }
      return { PhysicalResourceId: physicalId };
    }
    default:
      throw new Error(`Unknown RequestType ${JSON.stringify((event as { RequestType?: unknown }).RequestType)}`);
  }
}

let client: IAMClient | undefined;

/** The Lambda entry point. */
export async function handler(event: PasswordPolicyEvent): Promise<PasswordPolicyResponse> {
  client ??= new IAMClient({});
  return onEvent(client, event);
}
