import { ROOT_ROW, type CredentialReportRow } from '../credential-report';
import type { IamSnapshot } from '../collect';
import { need, SourceMissing } from './check';

/** The IAM users of the credential report (the root row excluded). */
export function reportUsers(snapshot: IamSnapshot): CredentialReportRow[] {
  return need(snapshot.credentialReport).rows.filter((row) => row.user !== ROOT_ROW);
}

/** The IAM user names, from the authorization details or, failing that, the credential report. */
export function userNames(snapshot: IamSnapshot): string[] {
  if (snapshot.authorization.ok) return snapshot.authorization.value.users.map((u) => u.name);
  if (snapshot.credentialReport.ok) return reportUsers(snapshot).map((r) => r.user);
  throw new SourceMissing(`${snapshot.authorization.reason}; ${snapshot.credentialReport.reason}`);
}
