// Infra tests: the company's own address (context siteDomain) — CloudFront answers on it with its own
// certificate (created in us-east-1, or imported) and TLS 1.2 at least, every function writes its links with
// it, and the outputs list each DNS record to publish: the site's, the custom MAIL FROM domain's MX and SPF
// records, and a DMARC record; cdk-nag clean without the default-certificate acknowledgement.

import { App } from "aws-cdk-lib";
import type { CfnElement } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import type { IConstruct } from "constructs";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { defineLivelineApp, settingsFromContext } from "../../infra/lib/liveline-app";
import type { LivelineStack } from "../../infra/lib/liveline-stack";

type Json = Record<string, unknown>;
const cdkContext = (JSON.parse(readFileSync("cdk.json", "utf8")) as { context: Json }).context;
const appWith = (context: Json) => new App({ context: { ...cdkContext, ...context } });
const settingsWith = (context: Json) => settingsFromContext(appWith(context));

const SITE = "demo.example.com";
const OPERATOR = "ops@example.com";

let stack: LivelineStack;
let template: Template;

beforeAll(() => {
  // No bundling: only the template matters here.
  const app = appWith({ siteDomain: "Demo.Example.com", domain: "example.com", senderEmail: "demos@example.com", operatorEmail: OPERATOR, "aws:cdk:bundling-stacks": [] });
  stack = defineLivelineApp(app, settingsFromContext(app));
  // Synthesizing runs cdk-nag: an unacknowledged error (CFR4 among them) would throw here.
  template = Template.fromStack(stack);
}, 60_000);

const logicalId = (construct: IConstruct | undefined) => stack.resolve((construct as CfnElement).logicalId) as string;
const outputValue = (name: string) => stack.resolve(template.toJSON().Outputs[name]?.Value) as unknown;

describe("the site's own address", () => {
  it("is the distribution's alias, with a certificate of its own validated by DNS and TLS 1.2 at least", () => {
    template.hasResourceProperties("AWS::CertificateManager::Certificate", { DomainName: SITE, ValidationMethod: "DNS" });
    template.hasResourceProperties("AWS::CloudFront::Distribution", {
      DistributionConfig: Match.objectLike({
        Aliases: [SITE],
        ViewerCertificate: { AcmCertificateArn: { Ref: logicalId(stack.siteCertificate?.node.defaultChild) }, MinimumProtocolVersion: "TLSv1.2_2021", SslSupportMethod: "sni-only" },
      }),
    });
  });

  it("needs the stack in us-east-1 when the certificate is created here (CloudFront takes it from there only)", () => {
    const rules = Object.values((template.toJSON().Rules ?? {}) as Record<string, { Assertions: { Assert: Json; AssertDescription: string }[] }>).flatMap((rule) => rule.Assertions);
    const siteRule = rules.find((assertion) => assertion.AssertDescription.includes(SITE));
    expect(siteRule?.Assert).toEqual({ "Fn::Equals": [{ Ref: "AWS::Region" }, "us-east-1"] });
    expect(siteRule?.AssertDescription).toMatch(/siteCertificateArn/);
  });

  it("starts every link the functions write", () => {
    const functions = Object.values(template.findResources("AWS::Lambda::Function")) as { Properties: { Environment?: { Variables?: Json } } }[];
    const publicUrls = functions.map((fn) => fn.Properties.Environment?.Variables?.LIVELINE_PUBLIC_URL).filter((url) => url !== undefined);
    expect(publicUrls.length).toBeGreaterThanOrEqual(4);
    expect(new Set(publicUrls)).toEqual(new Set([`https://${SITE}`]));
    expect(outputValue("SiteUrl")).toBe(`https://${SITE}`);
  });

  it("tells the operator its DNS record and certificate", () => {
    expect(JSON.stringify(outputValue("SiteDomainRecord"))).toContain(`${SITE} CNAME `);
    expect(JSON.stringify(outputValue("SiteDomainRecord"))).toContain(logicalId(stack.site.distribution.node.defaultChild));
    expect(outputValue("SiteCertificateArn")).toEqual({ Ref: logicalId(stack.siteCertificate?.node.defaultChild) });
  });
});

describe("mail authentication records", () => {
  it("gives the SES identity a custom MAIL FROM domain under the sender's domain, falling back to SES's until its MX exists", () => {
    template.hasResourceProperties("AWS::SES::EmailIdentity", {
      EmailIdentity: "example.com",
      MailFromAttributes: { MailFromDomain: "mail.example.com", BehaviorOnMxFailure: "USE_DEFAULT_VALUE" },
    });
  });

  it("lists the MAIL FROM domain's MX and SPF records and a reporting DMARC record as outputs", () => {
    expect(JSON.stringify(outputValue("MailFromRecord1"))).toMatch(/^"mail\.example\.com MX 10 feedback-smtp\..*amazonses\.com"$|mail\.example\.com MX 10 feedback-smtp\./);
    expect(outputValue("MailFromRecord2")).toBe('mail.example.com TXT "v=spf1 include:amazonses.com ~all"');
    expect(outputValue("DmarcRecord")).toBe(`_dmarc.example.com TXT "v=DMARC1; p=none; rua=mailto:${OPERATOR}"`);
  });
});

describe("the context", () => {
  it("defaults the MAIL FROM domain to mail.<domain>, and false turns it off", () => {
    const defaults = settingsWith({ domain: "example.com", senderEmail: "demos@example.com" });
    expect(defaults.mailFromDomain).toBe("mail.example.com");
    expect(defaults.site).toBeUndefined();
    expect(settingsWith({ domain: "example.com", senderEmail: "demos@example.com", mailFromDomain: "false" }).mailFromDomain).toBeUndefined();
  });

  it("takes an imported certificate only from us-east-1, and only with a site domain", () => {
    const arn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    expect(settingsWith({ siteDomain: SITE, siteCertificateArn: arn }).site).toEqual({ name: SITE, certificateArn: arn });
    expect(() => settingsWith({ siteDomain: SITE, siteCertificateArn: arn.replace("us-east-1", "eu-west-1") })).toThrow(/siteCertificateArn must be an ACM certificate ARN in us-east-1/);
    expect(() => settingsWith({ siteCertificateArn: arn })).toThrow(/siteCertificateArn needs siteDomain/);
  });

  it("refuses a site domain that is not one, or that is the API's, and a MAIL FROM domain outside the sender's", () => {
    expect(() => settingsWith({ siteDomain: "not a domain" })).toThrow(/context siteDomain must be a domain name/);
    expect(() => settingsWith({ domain: "example.com", senderEmail: "demos@example.com", siteDomain: "api.example.com" })).toThrow(/siteDomain and apiDomain must differ/);
    expect(() => settingsWith({ domain: "example.com", senderEmail: "demos@example.com", mailFromDomain: "mail.example.org" })).toThrow(/mailFromDomain must be a subdomain of the SES domain example.com/);
  });
});
