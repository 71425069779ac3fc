import { KinesisStreamEncrypted } from '../../../../lib/checks/rules/3.4-encryption-at-rest/kinesis-stream-encrypted';
import { describePropertyRule } from '../../../helpers/rule-expectations';

describePropertyRule(KinesisStreamEncrypted, 'AWS::Kinesis::Stream', 'StreamEncryption.EncryptionType', { good: 'KMS', bad: 'NONE' }, /stream encryption type is NONE/);
