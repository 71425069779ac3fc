import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { DetectiveServices } from '../../constructs/detection/detective-services';
import type { OrganizationConfig } from '../config';
import { acknowledgeNonEnvironmentStack, ORGANIZATION_CONTROLS_SOURCE } from './non-environment-stack';
import { securityTopic } from './security-topic';

/** Props of {@link OrganizationDetectiveServicesStack}. */
export interface OrganizationDetectiveServicesStackProps extends StackProps {
  /** The organization's configuration: which detective services it already runs. */
  readonly organization: OrganizationConfig;
  /** The address subscribed to each account's security topic (DPP 2.7 Incident Response). */
  readonly alertEmail: string;
}

/**
 * The detective services a StackSet deploys to every account of the organizational units, in each
 * of the organization's regions, where the organization does not already run them (DPP 2.7
 * Incident Response, DPP 3.3 Asset Management), their findings routed to a KMS-encrypted security
 * topic subscribed by the organization's security address. Only native resources.
 */
export class OrganizationDetectiveServicesStack extends Stack {
  constructor(scope: Construct, id: string, props: OrganizationDetectiveServicesStackProps) {
    super(scope, id, props);
    const { organization } = props;
    acknowledgeNonEnvironmentStack(this, 'The StackSet deploys the detective services to accounts of the organization', ORGANIZATION_CONTROLS_SOURCE, ['securityTopic']);
    new DetectiveServices(this, 'DetectiveServices', {
      alertTopic: securityTopic(this, props.alertEmail),
      guardDuty: organization.services.guardDuty,
      securityHub: organization.services.securityHub,
      macie: organization.services.macie,
      // Config's recorder needs a delivery bucket per account, and Control Tower (or the
      // organization's Config aggregator) records the accounts already. Inspector and Macie's
      // automated discovery are turned on for members by their delegated administrator accounts.
      config: false,
      inspector: false,
      ebsEncryptionByDefault: false,
      macieAutomatedDiscovery: false,
    });
  }
}
