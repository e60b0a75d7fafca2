// Infra: turns CDK context + liveline.config.json into the Liveline stack, with cdk-nag AwsSolutions checks
// on the whole app. Shared by infra/bin (the `cdk` entry) and the stack tests.

import { Validations, type App } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { configPath, parseConfig, readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { LivelineStack, type SiteDomain } from "./liveline-stack";
import type { SmsOrigination } from "./liveline-function";
import { acknowledgeNagFindings } from "./nag-acknowledgements";

export interface LivelineSettings {
  config: LivelineConfig;
  senderDomain: string;
  createEmailIdentity: boolean;
  apiDomain: string;
  apiCertificateArn?: string;
  /** The site's own address (context `siteDomain`): the pages, /api/* and every link in mail and texts. */
  site?: SiteDomain;
  /** The custom MAIL FROM domain (context `mailFromDomain`, default `mail.<domain>`): SPF aligned with the sender. */
  mailFromDomain?: string;
  operatorEmail?: string;
  waf: boolean;
  /** Texts through AWS End User Messaging SMS (context `smsOriginationIdentity`, `smsConfigurationSet`); none: texting off. */
  sms?: SmsOrigination;
}

/**
 * Context keys (all optional): `senderEmail` replaces the config's sender address, `domain` is the SES
 * sending domain (default: the sender address's domain), `createEmailIdentity` (default true) says whether
 * this stack creates that domain's SES identity, `operatorEmail` is mailed every alarm, `apiDomain` is the
 * HTTP API's custom domain (default `api.<domain>`), `apiCertificateArn` imports a regional ACM certificate
 * for it (default: the stack creates one, validated by DNS), `siteDomain` is the site's own address (the
 * pages, /api/* and every link sent) with `siteCertificateArn` an ACM certificate for it in us-east-1
 * (default: the stack, then deployed in us-east-1, creates one), `mailFromDomain` the custom MAIL FROM domain
 * of the SES identity (default `mail.<domain>`; `false` for none), `waf` (default true) puts a WAF web ACL on the
 * distribution (the stack must then be deployed in us-east-1; false saves its monthly cost),
 * `smsOriginationIdentity` (the ARN of an AWS End User Messaging SMS phone number, pool or sender id) turns
 * texting on, optionally through the configuration set `smsConfigurationSet`; without it no text leaves.
 */
export function settingsFromContext(app: App, path: string = configPath()): LivelineSettings {
  const fileConfig = readConfigFile(path);
  const senderEmail = contextString(app, "senderEmail") ?? fileConfig.sender.email;
  // Validate again: the override must be as valid as the file.
  const config = parseConfig({ ...fileConfig, sender: { ...fileConfig.sender, email: senderEmail } }, `${path} with context senderEmail`);
  const senderDomain = (contextString(app, "domain") ?? domainOf(config.sender.email)).toLowerCase();
  assertAddressInDomain(config.sender.email, senderDomain);
  const operatorEmail = contextString(app, "operatorEmail");
  if (operatorEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(operatorEmail)) {
    throw new Error(`context operatorEmail must be an e-mail address, not ${JSON.stringify(operatorEmail)}`);
  }
  const apiDomain = domainName(contextString(app, "apiDomain") ?? `api.${senderDomain}`, "apiDomain");
  const apiCertificateArn = certificateArn(contextString(app, "apiCertificateArn"), "apiCertificateArn", "[a-z0-9-]+");
  const siteDomain = contextString(app, "siteDomain");
  const siteCertificateArn = certificateArn(contextString(app, "siteCertificateArn"), "siteCertificateArn", "us-east-1");
  if (siteCertificateArn !== undefined && siteDomain === undefined) throw new Error("context siteCertificateArn needs siteDomain too");
  const site = siteDomain === undefined ? undefined : { name: domainName(siteDomain, "siteDomain"), ...(siteCertificateArn ? { certificateArn: siteCertificateArn } : {}) };
  if (site !== undefined && site.name === apiDomain) throw new Error(`context siteDomain and apiDomain must differ: CloudFront answers on ${site.name} and reaches the API on ${apiDomain}`);
  const mailFromContext = contextString(app, "mailFromDomain");
  const mailFromDomain = mailFromContext === "false" ? undefined : domainName(mailFromContext ?? `mail.${senderDomain}`, "mailFromDomain");
  if (mailFromDomain !== undefined && !mailFromDomain.endsWith(`.${senderDomain}`)) {
    throw new Error(`context mailFromDomain must be a subdomain of the SES domain ${senderDomain}, not ${JSON.stringify(mailFromDomain)}`);
  }
  const originationIdentityArn = contextString(app, "smsOriginationIdentity");
  if (originationIdentityArn !== undefined && !SMS_IDENTITY_ARN.test(originationIdentityArn)) {
    throw new Error(`context smsOriginationIdentity must be the ARN of an End User Messaging SMS phone number, pool or sender id, not ${JSON.stringify(originationIdentityArn)}`);
  }
  const configurationSetName = contextString(app, "smsConfigurationSet");
  if (configurationSetName !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(configurationSetName)) {
    throw new Error(`context smsConfigurationSet must be a configuration set name, not ${JSON.stringify(configurationSetName)}`);
  }
  if (configurationSetName !== undefined && originationIdentityArn === undefined) throw new Error("context smsConfigurationSet needs smsOriginationIdentity too");
  return {
    ...(originationIdentityArn ? { sms: { originationIdentityArn, ...(configurationSetName ? { configurationSetName } : {}) } } : {}),
    config,
    senderDomain,
    createEmailIdentity: contextBoolean(app, "createEmailIdentity", true),
    apiDomain,
    apiCertificateArn,
    ...(site ? { site } : {}),
    ...(mailFromDomain ? { mailFromDomain } : {}),
    operatorEmail,
    waf: contextBoolean(app, "waf", true),
  };
}

export function defineLivelineApp(app: App, settings: LivelineSettings = settingsFromContext(app)): LivelineStack {
  const stack = new LivelineStack(app, "Liveline", {
    description: "Liveline: demo and webinar scheduler (HTTP API, DynamoDB, SES, EventBridge Scheduler)",
    ...settings,
  });
  // Here rather than in the stack: the acknowledgements name the stack's parts, so the stack cannot name them.
  acknowledgeNagFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}

const SMS_IDENTITY_ARN = /^arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:\d{12}:(phone-number|pool|sender-id)\/[\w+:-]+$/;

function contextString(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") throw new Error(`context ${key} must be a string`);
  return value.trim();
}

/** `-c key=false` arrives as the string "false". */
function contextBoolean(app: App, key: string, fallback: boolean): boolean {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined) return fallback;
  if (value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new Error(`context ${key} must be true or false, not ${JSON.stringify(value)}`);
}

const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function domainName(value: string, key: string): string {
  const name = value.toLowerCase();
  if (!DOMAIN_NAME.test(name)) throw new Error(`context ${key} must be a domain name, not ${JSON.stringify(value)}`);
  return name;
}

/** An ACM certificate ARN in the regions `region` matches (CloudFront's must be in us-east-1). */
function certificateArn(value: string | undefined, key: string, region: string): string | undefined {
  if (value === undefined) return undefined;
  if (new RegExp(`^arn:aws[a-z-]*:acm:${region}:\\d{12}:certificate/[\\w-]+$`).test(value)) return value;
  const where = region === "us-east-1" ? " in us-east-1 (CloudFront takes certificates from there only)" : "";
  throw new Error(`context ${key} must be an ACM certificate ARN${where}, not ${JSON.stringify(value)}`);
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/** A verified domain covers its subdomains too; any other address would be refused by SES at send time. */
function assertAddressInDomain(email: string, domain: string): void {
  const addressDomain = domainOf(email).toLowerCase();
  if (addressDomain !== domain && !addressDomain.endsWith(`.${domain}`)) {
    throw new Error(`sender ${email} is not in the SES domain ${domain} (context "domain")`);
  }
}
