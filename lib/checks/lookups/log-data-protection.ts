import type { TemplateIndex } from '../template-index';
import { asArray, isIntrinsic } from '../values';
import { textOf } from './intrinsic-text';

/**
 * What a CloudWatch Logs data-protection policy (a log group's `DataProtectionPolicy`, or the
 * `PolicyDocument` of an `AWS::Logs::AccountPolicy` of type `DATA_PROTECTION_POLICY`) audits and
 * masks, for DPP 3.6 Logging and Monitoring ("logs must not contain PII").
 */

/**
 * The PII the DPP names, as CloudWatch Logs managed data identifiers (the identifier ARN's last
 * part; `PhoneNumber` exists only per country, `PhoneNumber-US`). Source: CloudWatch Logs User
 * Guide, "CloudWatch Logs managed data identifiers for sensitive data types"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL-managed-data-identifiers.html).
 */
export const PII_LOG_IDENTIFIERS: Readonly<Record<string, string>> = {
  Name: 'names',
  Address: 'addresses',
  EmailAddress: 'e-mail addresses',
  PhoneNumber: 'phone numbers',
  CreditCardNumber: 'card numbers',
};

export type PolicyCoverage = { readonly known: true; readonly missing: readonly string[] } | { readonly known: false; readonly why: string };

/** The identifier family of an ARN or name: `…/data-identifier/PhoneNumber-US` → `PhoneNumber`. */
function family(identifier: unknown): string | undefined {
  if (typeof identifier !== 'string') return undefined;
  return identifier.split('/').pop()?.split('-')[0];
}

/** The families a statement with this operation applies to. */
function familiesWith(statements: unknown[], operation: 'Audit' | 'Deidentify'): Set<string> {
  const found = new Set<string>();
  for (const statement of statements) {
    const s = (statement ?? {}) as Record<string, unknown>;
    const op = (s.Operation ?? {}) as Record<string, unknown>;
    if (op[operation] === undefined) continue;
    if (operation === 'Audit' && Object.keys(((op.Audit ?? {}) as Record<string, unknown>).FindingsDestination ?? {}).length === 0) continue;
    for (const identifier of asArray(s.DataIdentifier)) {
      const name = family(identifier);
      if (name) found.add(name);
    }
  }
  return found;
}

/**
 * Which of the DPP's PII kinds a policy does not both audit (with a findings destination) and
 * mask. The document may be an object or a JSON string built with `Fn::Join`/`Fn::Sub` from
 * references (their values never decide what is masked); a parameter or a condition makes it unknown.
 */
export function policyCoverage(index: TemplateIndex, raw: unknown): PolicyCoverage {
  let document: unknown = raw;
  if (typeof raw === 'string' || isIntrinsic(raw)) {
    const text = textOf(index, raw);
    if (!text.known) return { known: false, why: text.why };
    try {
      document = JSON.parse(text.text);
    } catch {
      return { known: true, missing: ['a parsable policy document'] };
    }
  }
  const statements = asArray((document as { Statement?: unknown } | undefined)?.Statement);
  const audited = familiesWith(statements, 'Audit');
  const masked = familiesWith(statements, 'Deidentify');
  const missing = Object.entries(PII_LOG_IDENTIFIERS).flatMap(([id, what]) => [
    ...(audited.has(id) ? [] : [`audit of ${what}`]),
    ...(masked.has(id) ? [] : [`masking of ${what}`]),
  ]);
  return { known: true, missing };
}
