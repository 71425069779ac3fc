import { EfsFileSystemEncrypted } from '../../../../lib/checks/rules/3.4-encryption-at-rest/efs-file-system-encrypted';
import { describePropertyRule } from '../../../helpers/rule-expectations';

describePropertyRule(EfsFileSystemEncrypted, 'AWS::EFS::FileSystem', 'Encrypted', { good: true, bad: false }, /file system is not encrypted/);
