// Infra: the public HTTP API in front of the API Lambda: one proxy route `ANY /api/{proxy+}` (the handler
// routes), a throttled default stage, and JSON access logs. CloudFront serves it under the site's /api/*.

import { RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";

export interface PublicHttpApiProps {
  /** Steady requests per second over the whole stage: a booking page, not a bulk API. */
  rateLimit: number;
  /** Short spikes (a campaign e-mail going out) above the rate. */
  burstLimit: number;
}

export class PublicHttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogs: logs.LogGroup;
  /** `<id>.execute-api.<region>.<suffix>`: what CloudFront uses as the origin. */
  readonly originDomain: string;

  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id);
    // No default stage from the L2: it cannot take throttling or access logs.
    this.api = new apigwv2.HttpApi(this, "Api", { description: "Liveline public API", createDefaultStage: false });
    this.accessLogs = new logs.LogGroup(this, "AccessLogs", {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new apigwv2.HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit, burstLimit: props.burstLimit },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(this.accessLogs),
        format: accessLogFormat(),
      },
    });
    const region = this.api.stack.region;
    this.originDomain = `${this.api.apiId}.execute-api.${region}.${this.api.stack.urlSuffix}`;
  }

  /** Sends every /api/* request to the handler (payload format 2.0); the handler does the routing. */
  routeAllTo(handler: lambda.IFunction): apigwv2.HttpRoute[] {
    return this.api.addRoutes({
      path: "/api/{proxy+}",
      methods: [apigwv2.HttpMethod.ANY],
      integration: new HttpLambdaIntegration("Handler", handler, {
        payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0,
      }),
    });
  }
}

/** HTTP API context variables only (the REST API's standard fields include ones HTTP APIs lack). */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: "$context.requestId",
      ip: "$context.identity.sourceIp",
      requestTime: "$context.requestTime",
      method: "$context.httpMethod",
      routeKey: "$context.routeKey",
      path: "$context.path",
      status: "$context.status",
      protocol: "$context.protocol",
      responseLength: "$context.responseLength",
      responseLatency: "$context.responseLatency",
      integrationLatency: "$context.integrationLatency",
      integrationError: "$context.integrationErrorMessage",
      userAgent: "$context.identity.userAgent",
    }),
  );
}
