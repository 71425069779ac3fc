import { fail, resourceRule, unresolvable } from '../../types';
import { asArray, isIntrinsic } from '../../values';

export const TransferSftpOnly = resourceRule({
  id: 'DPP-2.5-TransferSftpOnly',
  clause: '2.5',
  level: 'error',
  resourceTypes: ['AWS::Transfer::Server'],
  description: 'Transfer Family servers offer SFTP only',
  fix: 'Set Protocols to [SFTP] (or leave it unset: SFTP is the default)',
  explanation: 'DPP 2.5 Encryption in Transit names SFTP and SSH-2 as the secure file transfer protocols; FTP is clear text and FTPS/AS2 are not what the baseline approves.',
  check: (ctx) => {
    const protocols = ctx.prop('Protocols');
    if (protocols.kind === 'unresolvable') return unresolvable('Protocols', protocols.why);
    // Absent means the service default, SFTP only.
    if (protocols.kind !== 'known') return undefined;
    const list = asArray(protocols.value);
    if (list.some(isIntrinsic)) return unresolvable('Protocols', 'a protocol given by an intrinsic');
    const others = list.map(String).filter((p) => p.toUpperCase() !== 'SFTP');
    return others.length > 0 ? fail(`the server offers ${others.join(', ')} besides SFTP`, 'Protocols') : undefined;
  },
});
