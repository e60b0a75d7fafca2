// Infra: what CloudFront takes from us-east-1 only — its web ACL and its certificates. A CloudFormation rule
// stops a deploy elsewhere before anything is created, naming what needs the region and how to go without it.

import { Aws, CfnRule, Fn } from "aws-cdk-lib";
import type { Construct } from "constructs";

export function requireUsEast1(scope: Construct, id: string, why: string): CfnRule {
  return new CfnRule(scope, id, {
    assertions: [{ assert: Fn.conditionEquals(Aws.REGION, "us-east-1"), assertDescription: why }],
  });
}
