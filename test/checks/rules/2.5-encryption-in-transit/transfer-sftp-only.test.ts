import { TransferSftpOnly } from '../../../../lib/checks/rules/2.5-encryption-in-transit/transfer-sftp-only';
import { findingsOf, parameters, type Resources } from '../../../helpers/check';

const server = (protocols?: unknown): Resources => ({ Sftp: { Type: 'AWS::Transfer::Server', Properties: { Protocols: protocols } } });

describe('DPP-2.5-TransferSftpOnly', () => {
  test('passes SFTP only, and no Protocols (SFTP is the default)', () => {
    expect(findingsOf(TransferSftpOnly, server(['SFTP']))).toEqual([]);
    expect(findingsOf(TransferSftpOnly, server())).toEqual([]);
  });

  test('fails a server that also offers FTP and FTPS', () => {
    const [finding, ...rest] = findingsOf(TransferSftpOnly, server(['SFTP', 'FTP', 'FTPS']));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'DPP-2.5-TransferSftpOnly', clause: '2.5', level: 'error', logicalId: 'Sftp', property: 'Protocols' });
    expect(finding.message).toMatch(/offers FTP, FTPS besides SFTP/);
  });

  test.each([
    ['a parameter', { Ref: 'Protocols' }],
    ['Fn::If', { 'Fn::If': ['IsProd', ['SFTP'], ['FTP']] }],
    ['one entry from a parameter', ['SFTP', { Ref: 'Protocols' }]],
  ])('warns when Protocols is %s', (_, value) => {
    expect(findingsOf(TransferSftpOnly, server(value), parameters('Protocols'))).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^cannot be verified at synth time: Protocols/) }),
    ]);
  });
});
