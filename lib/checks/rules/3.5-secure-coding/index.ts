import type { Rule } from '../../types';
import { EnvironmentsInSeparateAccounts } from './environments-in-separate-accounts';
import { EnvironmentsInSeparateStacks } from './environments-in-separate-stacks';
import { NoEchoParameterWithoutDefault } from './no-echo-parameter-without-default';
import { NoHardcodedLoginPassword } from './no-hardcoded-login-password';
import { NoHardcodedMasterPassword } from './no-hardcoded-master-password';
import { NoSecretInEnvironment } from './no-secret-in-environment';
import { ProdDoesNotImportTest } from './prod-does-not-import-test';

/** The rules of DPP 3.5 Secure Coding Practices. One rule per file in this folder; list each here. */
export const rules: readonly Rule[] = [
  NoHardcodedMasterPassword,
  NoHardcodedLoginPassword,
  NoEchoParameterWithoutDefault,
  NoSecretInEnvironment,
  EnvironmentsInSeparateStacks,
  EnvironmentsInSeparateAccounts,
  ProdDoesNotImportTest,
];
