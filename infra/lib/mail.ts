// Infra: the SES side of the mailer: a configuration set every message goes through (reputation metrics now,
// bounce/complaint events later) and, optionally, the sending domain's identity with Easy DKIM and a custom
// MAIL FROM domain (so SPF passes for a subdomain of the sender's own domain and DMARC can align), and the
// DNS records the operator publishes for them.

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
  /** The identity's custom MAIL FROM domain, a subdomain of `domain`; only with `createEmailIdentity`. */
  mailFromDomain?: string;
}

/** A DNS record the operator publishes, as a stack output shows it: `name TYPE value`. */
export interface DnsRecord {
  name: string;
  type: "MX" | "TXT";
  value: string;
}

export class Mail extends Construct {
  readonly configurationSet: ses.ConfigurationSet;
  /** Present when this stack owns the domain identity; its DKIM records must go into the domain's DNS. */
  readonly domainIdentity?: ses.EmailIdentity;
  readonly sending: MailSending;
  /** The sending domain the identity verifies. */
  readonly domain: string;
  /** The identity's custom MAIL FROM domain, when this stack owns the identity and has one. */
  readonly mailFromDomain?: string;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.domain = props.domain;
    this.mailFromDomain = props.createEmailIdentity ? props.mailFromDomain : undefined;
    this.configurationSet = new ses.ConfigurationSet(this, "ConfigurationSet", {
      reputationMetrics: true,
      sendingEnabled: true,
    });
    if (props.createEmailIdentity) {
      this.domainIdentity = new ses.EmailIdentity(this, "DomainIdentity", {
        identity: ses.Identity.domain(props.domain),
        // Until its MX record is published SES falls back to its own MAIL FROM domain: mail keeps flowing.
        ...(props.mailFromDomain ? { mailFromDomain: props.mailFromDomain, mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE } : {}),
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

/**
 * The records a custom MAIL FROM domain needs (SES's "Using a custom MAIL FROM domain"): the MX that takes
 * bounces and the SPF record that lets SES send for it.
 */
export function mailFromRecords(mailFromDomain: string, region: string): DnsRecord[] {
  return [
    { name: mailFromDomain, type: "MX", value: `10 feedback-smtp.${region}.amazonses.com` },
    { name: mailFromDomain, type: "TXT", value: '"v=spf1 include:amazonses.com ~all"' },
  ];
}

/**
 * A DMARC record to start with: `p=none` only reports (to `reportTo`, when given) while DKIM and SPF are
 * checked; tighten it to quarantine or reject once the reports show every sender aligned.
 */
export function dmarcRecord(domain: string, reportTo?: string): DnsRecord {
  return { name: `_dmarc.${domain}`, type: "TXT", value: `"v=DMARC1; p=none${reportTo ? `; rua=mailto:${reportTo}` : ""}"` };
}

/** The ARN of an SES resource in this stack's account and region. */
function sesArn(scope: Construct, resource: "identity" | "configuration-set", name: string): string {
  return Stack.of(scope).formatArn({ service: "ses", resource, resourceName: name });
}
