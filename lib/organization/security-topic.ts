import { Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';

/**
 * The security topic of a StackSet instance (DPP 2.7 Incident Response): encrypted under a key of
 * its own, TLS only, subscribed by the organization's security address, tagged so the DPP rules
 * know it; EventBridge may publish to it.
 */
export function securityTopic(scope: Construct, alertEmail: string): sns.Topic {
  const key = new kms.Key(scope, 'TopicKey', { enableKeyRotation: true, description: 'DPP account controls: the security topic' });
  const topic = new sns.Topic(scope, 'SecurityAlerts', { masterKey: key, enforceSSL: true });
  Tags.of(topic).add('dpp:purpose', 'security-alerts');
  topic.addSubscription(new subscriptions.EmailSubscription(alertEmail));
  key.grantEncryptDecrypt(new iam.ServicePrincipal('events.amazonaws.com'));
  return topic;
}
