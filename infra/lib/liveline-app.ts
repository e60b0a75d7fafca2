// Infra: turns CDK context + liveline.config.json into the Liveline stack, with cdk-nag AwsSolutions checks
// on the whole app. Shared by infra/bin (the `cdk` entry) and the stack tests.

import { Validations, type App } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { configPath, parseConfig, readConfigFile } from "../../functions/config/load-config";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { LivelineStack } from "./liveline-stack";
import type { SmsOrigination } from "./liveline-function";
import { acknowledgeNagFindings } from "./nag-acknowledgements";

export interface LivelineSettings {
  config: LivelineConfig;
  senderDomain: string;
  createEmailIdentity: boolean;
  apiDomain: string;
  apiCertificateArn?: string;
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
 * for it (default: the stack creates one, validated by DNS), `waf` (default true) puts a WAF web ACL on the
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
  const apiDomain = (contextString(app, "apiDomain") ?? `api.${senderDomain}`).toLowerCase();
  if (!/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(apiDomain)) {
    throw new Error(`context apiDomain must be a domain name, not ${JSON.stringify(apiDomain)}`);
  }
  const apiCertificateArn = contextString(app, "apiCertificateArn");
  if (apiCertificateArn !== undefined && !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/.test(apiCertificateArn)) {
    throw new Error(`context apiCertificateArn must be an ACM certificate ARN, not ${JSON.stringify(apiCertificateArn)}`);
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
