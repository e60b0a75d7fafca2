// Infra: abuse protection at the edge — a WAF web ACL on the CloudFront distribution (issue 15): a rate-based
// rule per client IP, AWS's managed common rule set and its IP reputation list, in front of the pages and
// /api/* alike. A CloudFront web ACL lives in us-east-1 (scope CLOUDFRONT), so it is created in this stack,
// whose CloudFormation rule refuses a deploy in any other region with a message naming the way out: deploy
// the stack in us-east-1, or pass `-c waf=false` (the context flag that also saves its fixed monthly cost).
// The application's own limits (per client address, per e-mail address, the mail budget) stay on either way.

import * as wafv2 from "aws-cdk-lib/aws-wafv2";
import { Construct } from "constructs";
import { requireUsEast1 } from "./us-east-1";

/** Requests per client IP in any 5 minutes (WAF's rate-based window) before WAF blocks it for a while. */
export const WAF_REQUESTS_PER_IP_PER_5_MINUTES = 1000;

export class EdgeWebAcl extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const visibility = (metricName: string) => ({ cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true });
    const managed = (priority: number, name: string, ruleActionOverrides?: wafv2.CfnWebACL.RuleActionOverrideProperty[]): wafv2.CfnWebACL.RuleProperty => ({
      name: `Aws-${name}`,
      priority,
      statement: { managedRuleGroupStatement: { vendorName: "AWS", name, ...(ruleActionOverrides ? { ruleActionOverrides } : {}) } },
      overrideAction: { none: {} },
      visibilityConfig: visibility(`Liveline${name}`),
    });
    this.webAcl = new wafv2.CfnWebACL(this, "WebAcl", {
      scope: "CLOUDFRONT",
      defaultAction: { allow: {} },
      description: "Liveline: per-IP rate limit, AWS common rule set, AWS IP reputation list",
      visibilityConfig: visibility("LivelineWebAcl"),
      rules: [
        {
          name: "RatePerIp",
          priority: 0,
          statement: { rateBasedStatement: { limit: WAF_REQUESTS_PER_IP_PER_5_MINUTES, aggregateKeyType: "IP" } },
          action: { block: {} },
          visibilityConfig: visibility("LivelineRatePerIp"),
        },
        managed(1, "AWSManagedRulesAmazonIpReputationList"),
        // The API takes bodies up to 16 KB and refuses larger ones itself (413, body-limits.ts); the rule set's
        // 8 KB body limit would block a large but valid booking, so that one rule only counts.
        managed(2, "AWSManagedRulesCommonRuleSet", [{ name: "SizeRestrictions_BODY", actionToUse: { count: {} } }]),
      ],
    });
    requireUsEast1(this, "InUsEast1", "A CloudFront web ACL (WAF) must be created in us-east-1: deploy the Liveline stack there, or pass -c waf=false.");
  }
}
