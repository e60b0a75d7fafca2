// Infra: the public HTTP API in front of the two API Lambdas: `ANY <path>` for each of the workspace's paths
// (functions/handlers/http/api-families.ts) to the workspace function, the proxy route `ANY /api/{proxy+}`
// for every other path to the public one (each handler routes among its own routes), a throttled default stage, and JSON access logs. CloudFront serves it under the site's /api/*.
// The execute-api address is disabled: CloudFront reaches the API through a regional custom domain, so no
// call can skip the distribution (and any WAF put there). Rejected: Lambda function URLs behind origin
// access control, which need x-amz-content-sha256 on every POST and so break RFC 8058 one-click unsubscribe.
// CORS answers exactly config embed.allowedOrigins (site-headers.ts), so their pages can record a contact request.

import { Duration, RemovalPolicy } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import * as acm from "aws-cdk-lib/aws-certificatemanager";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { WORKSPACE_API_PATHS } from "../../functions/handlers/http/api-families";
import { API_CORS } from "./site-headers";

export interface PublicHttpApiProps {
  /** Steady requests per second over the whole stage: a booking page, not a bulk API. */
  rateLimit: number;
  /** Short spikes (a campaign e-mail going out) above the rate. */
  burstLimit: number;
  /** The API's custom domain (e.g. api.example.com): the only address that reaches it, used by CloudFront. */
  domainName: string;
  /** A regional ACM certificate covering `domainName`; without it one is created, validated by DNS. */
  certificateArn?: string;
  /** config embed.allowedOrigins: the sites whose pages may call the API (none: no CORS at all). */
  corsAllowedOrigins: readonly string[];
}

export class PublicHttpApi extends Construct {
  readonly api: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly accessLogs: logs.LogGroup;
  readonly certificate: acm.ICertificate;
  readonly domain: apigwv2.DomainName;
  /** The custom domain: what CloudFront uses as the origin (and sends as Host, which API Gateway routes on). */
  readonly originDomain: string;

  constructor(scope: Construct, id: string, props: PublicHttpApiProps) {
    super(scope, id);
    // No default stage from the L2: it cannot take throttling or access logs.
    this.api = new apigwv2.HttpApi(this, "Api", {
      description: "Liveline public API",
      createDefaultStage: false,
      disableExecuteApiEndpoint: true,
      ...(props.corsAllowedOrigins.length > 0 ? { corsPreflight: corsPreflight(props.corsAllowedOrigins) } : {}),
    });
    this.certificate = props.certificateArn
      ? acm.Certificate.fromCertificateArn(this, "Certificate", props.certificateArn)
      : new acm.Certificate(this, "Certificate", { domainName: props.domainName, validation: acm.CertificateValidation.fromDns() });
    this.domain = new apigwv2.DomainName(this, "Domain", {
      domainName: props.domainName,
      certificate: this.certificate,
      endpointType: apigwv2.EndpointType.REGIONAL,
      securityPolicy: apigwv2.SecurityPolicy.TLS_1_2,
    });
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
    // The whole API at the domain's root: /api/* on the site is /api/* here.
    new apigwv2.ApiMapping(this, "DomainMapping", { api: this.api, domainName: this.domain, stage: this.stage });
    this.originDomain = props.domainName;
  }

  /**
   * Sends the workspace's paths (any method) to its handler and every other /api/* request to the public
   * one (payload format 2.0); API Gateway picks the most specific route, and each handler does the rest.
   */
  routeByFamily(handlers: { public: lambda.IFunction; workspace: lambda.IFunction }): apigwv2.HttpRoute[] {
    const integration = (id: string, handler: lambda.IFunction) =>
      new HttpLambdaIntegration(id, handler, { payloadFormatVersion: apigwv2.PayloadFormatVersion.VERSION_2_0 });
    const workspace = integration("WorkspaceHandler", handlers.workspace);
    return [
      ...this.api.addRoutes({ path: "/api/{proxy+}", methods: [apigwv2.HttpMethod.ANY], integration: integration("Handler", handlers.public) }),
      ...WORKSPACE_API_PATHS.flatMap((path) => this.api.addRoutes({ path, methods: [apigwv2.HttpMethod.ANY], integration: workspace })),
    ];
  }
}

/** API Gateway answers preflights itself and adds the headers to the handler's answers, for exactly these origins. */
function corsPreflight(allowedOrigins: readonly string[]): apigwv2.CorsPreflightOptions {
  return {
    allowOrigins: [...allowedOrigins],
    allowMethods: API_CORS.allowMethods.map((method) => apigwv2.CorsHttpMethod[method]),
    allowHeaders: [...API_CORS.allowHeaders],
    exposeHeaders: [...API_CORS.exposeHeaders],
    allowCredentials: false,
    maxAge: Duration.seconds(API_CORS.maxAgeSeconds),
  };
}

/** HTTP API context variables only (the REST API's standard fields include ones HTTP APIs lack). */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      // The name the API function's log lines give the same id (functions/handlers/observability.ts).
      correlation_id: "$context.requestId",
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
