import { isNoEcho, isSsmParameterType } from '../../lookups/secrets';
import type { AppVerdict } from '../../types';
import { appRule, fail } from '../../types';

export const NoEchoParameterWithoutDefault = appRule({
  id: 'DPP-3.5-NoEchoParameterWithoutDefault',
  clause: '3.5',
  level: 'error',
  critical: 'always',
  // Parameters only.
  reads: {},
  description: 'NoEcho parameters (secrets passed at deploy) carry no Default',
  fix: 'Remove the Default and pass the value at deploy, or better, read it from Secrets Manager with a {{resolve:secretsmanager:…}} reference',
  explanation: 'DPP 3.5 Secure Coding Practices forbids hardcoded credentials: a NoEcho parameter is a secret, and its Default is that secret written in the template.',
  check: (indexes) => indexes.flatMap((index): AppVerdict[] =>
    Object.entries(index.stack.template.Parameters ?? {})
      // An SSM-typed parameter's Default names an SSM parameter: it is not the secret.
      .filter(([, p]) => p && isNoEcho(p.NoEcho) && !isSsmParameterType(p.Type) && p.Default !== undefined && p.Default !== null && String(p.Default) !== '')
      .map(([name]) => ({ stack: index.stack, verdict: fail(`NoEcho parameter ${name} has a Default, which writes the secret into the template`, `Parameters.${name}.Default`) }))),
});
