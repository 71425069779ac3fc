import type { AuditCheck } from '../check';
import { accessKeyAge } from './access-key-age';
import { consoleUserMfa } from './console-user-mfa';
import { passwordCharacterClasses } from './password-character-classes';
import { passwordExpiry } from './password-expiry';
import { passwordLength } from './password-length';
import { passwordPolicyPresent } from './password-policy-present';
import { passwordReusePrevention } from './password-reuse-prevention';
import { rootMfa } from './root-mfa';

/** DPP 2.4 Credential Management, live account. */
export const checks: readonly AuditCheck[] = [
  passwordPolicyPresent,
  passwordLength,
  passwordCharacterClasses,
  passwordExpiry,
  passwordReusePrevention,
  rootMfa,
  consoleUserMfa,
  accessKeyAge,
];
