// Infra: the SES side of the mailer: a configuration set every message goes through (reputation metrics now,
// bounce/complaint events later) and, optionally, the sending domain's identity with Easy DKIM.

import { Stack } from "aws-cdk-lib";
import * as ses from "aws-cdk-lib/aws-ses";
import { Construct } from "constructs";
import type { MailSending } from "./liveline-function";

export interface MailProps {
  /** The From address of every message (liveline.config.json's sender, or the `senderEmail` context). */
  senderEmail: string;
  /** The domain the SES identity verifies; the sender address is in it or in one of its subdomains. */
  domain: string;
  /** False when the domain is already an SES identity (managed elsewhere, or by another stack). */
  createEmailIdentity: boolean;
}

export class Mail extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  /** Present when this stack owns the domain identity; its DKIM records must go into the domain's DNS. */
  readonly domainIdentity?: ses.EmailIdentity;
  readonly sending: MailSending;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.configurationSet = new ses.ConfigurationSet(this, "ConfigurationSet", {
      reputationMetrics: true,
      sendingEnabled: true,
    });
    if (props.createEmailIdentity) {
      this.domainIdentity = new ses.EmailIdentity(this, "DomainIdentity", {
        identity: ses.Identity.domain(props.domain),
        // Messages sent without naming a configuration set still get its metrics and events.
        configurationSet: this.configurationSet,
      });
    }
    const configurationSetName = this.configurationSet.configurationSetName;
    this.sending = {
      fromAddress: props.senderEmail,
      // SES authorizes against the address identity when it is verified itself, else against its domain.
      identityArns: [sesArn(this, "identity", props.senderEmail), sesArn(this, "identity", props.domain)],
      configurationSetName,
      configurationSetArn: sesArn(this, "configuration-set", configurationSetName),
    };
  }
}

/** The ARN of an SES resource in this stack's account and region. */
function sesArn(scope: Construct, resource: "identity" | "configuration-set", name: string): string {
  return Stack.of(scope).formatArn({ service: "ses", resource, resourceName: name });
}
