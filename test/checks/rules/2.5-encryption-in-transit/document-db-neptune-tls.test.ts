import { DocumentDbTls } from '../../../../lib/checks/rules/2.5-encryption-in-transit/document-db-tls';
import { NeptuneEnforceSsl } from '../../../../lib/checks/rules/2.5-encryption-in-transit/neptune-enforce-ssl';
import type { Rule } from '../../../../lib/checks/types';
import { findingsOf, parameters } from '../../../helpers/check';

const group = (rule: Rule, type: string, parameters_: unknown) => findingsOf(rule, { Group: { Type: type, Properties: { Description: 'g', Family: 'f', Parameters: parameters_ } } }, parameters('Tls'));

describe.each([
  [DocumentDbTls, 'AWS::DocDB::DBClusterParameterGroup', 'tls', ['enabled', 'tls1.2+'], 'disabled'],
  [NeptuneEnforceSsl, 'AWS::Neptune::DBClusterParameterGroup', 'neptune_enforce_ssl', ['1', 1], '0'],
] as const)('%s', (rule, type, name, good, bad) => {
  test('passes TLS on, and an unset parameter (on by default)', () => {
    for (const value of good) expect(group(rule, type, { [name]: value })).toEqual([]);
    expect(group(rule, type, {})).toEqual([]);
  });
  test('fails TLS turned off', () => expect(group(rule, type, { [name]: bad })).toEqual([expect.objectContaining({ level: 'error', property: `Parameters.${name}` })]));
  test('warns when the value is a parameter', () => expect(group(rule, type, { [name]: { Ref: 'Tls' } })).toEqual([expect.objectContaining({ level: 'warning' })]));
});
