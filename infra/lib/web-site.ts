// Infra: the booking page on S3 behind CloudFront, and /api/* on the same origin routed to the HTTP API, so
// the page calls its API without CORS. The site is built from web/ at synth time (esbuild, no Docker). The
// pages embed.js frames get a behaviour each whose headers let the allowed origins frame them
// (site-headers.ts); every other page refuses any frame.

import { AssetHashType, DockerImage, Duration } from "aws-cdk-lib";
import type * as acm from "aws-cdk-lib/aws-certificatemanager";
import * as cloudfront from "aws-cdk-lib/aws-cloudfront";
import * as origins from "aws-cdk-lib/aws-cloudfront-origins";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as s3deploy from "aws-cdk-lib/aws-s3-deployment";
import { Construct } from "constructs";
import { LOGO_FOLDER } from "../../functions/core/messages/logo-image";
import { buildWeb } from "../../web/build";
import { pageAddressFunctionCode } from "./page-address";
import { repoPath } from "./repo-path";
import { FRAMABLE_PAGE_PATHS, framingPolicy, REFERRER_POLICY, type FramingPolicy } from "./site-headers";

export interface WebSiteProps {
  /** The HTTP API's custom domain (its execute-api address is disabled). */
  apiOriginDomain: string;
  /** config embed.allowedOrigins: who may frame the framable pages. */
  allowedOrigins: readonly string[];
  /** The WAF web ACL (edge-web-acl.ts) in front of the distribution; none when context `waf` is false. */
  webAclArn?: string;
  /** The site's own address (context `siteDomain`) and its certificate (us-east-1); none: *.cloudfront.net. */
  domain?: { name: string; certificate: acm.ICertificate };
}

export class WebSite extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly deployment: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: WebSiteProps) {
    super(scope, id);
    this.bucket = new s3.Bucket(this, "Bucket", {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
    });
    this.logBucket = accessLogBucket(this);
    const securityHeaders = securityHeadersPolicy(this, "SecurityHeaders", framingPolicy(false, props.allowedOrigins));
    const pageBehavior: cloudfront.BehaviorOptions = {
      origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      responseHeadersPolicy: securityHeaders,
      // Short page addresses ("/webinars") name their .html file, as they do locally.
      functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: pageAddressFunction(this) }],
    };
    const framableBehavior = { ...pageBehavior, responseHeadersPolicy: securityHeadersPolicy(this, "FramableSecurityHeaders", framingPolicy(true, props.allowedOrigins)) };
    this.distribution = new cloudfront.Distribution(this, "Distribution", {
      comment: "Liveline booking page and API",
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
      // With its own certificate the distribution can refuse TLS older than 1.2 (the default one cannot).
      ...(props.domain ? { domainNames: [props.domain.name], certificate: props.domain.certificate, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 } : {}),
      defaultRootObject: "index.html",
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America and Europe edges only: the cheapest class; other viewers still get served.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: "cloudfront/",
      defaultBehavior: pageBehavior,
      additionalBehaviors: {
        "/api/*": {
          origin: new origins.HttpOrigin(props.apiOriginDomain, {
            protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
          }),
          // Bookings are writes and answers are per request: nothing may be cached.
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // API Gateway routes a custom domain by the Host header: send the origin's, not the viewer's. The
          // viewer's Origin and Access-Control-Request-* headers go along, so API Gateway answers CORS.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          // A redirect would turn a POST into a GET: refuse plain HTTP instead.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          responseHeadersPolicy: securityHeaders,
        },
        ...Object.fromEntries(FRAMABLE_PAGE_PATHS.map((path) => [path, framableBehavior])),
      },
    });
    this.deployment = new s3deploy.BucketDeployment(this, "Deployment", {
      sources: [webSource()],
      destinationBucket: this.bucket,
      // File names are not content-hashed: drop the cached copies on each deploy.
      distribution: this.distribution,
      distributionPaths: ["/*"],
      // Files the product added while it ran (an uploaded logo) are not part of the build: never pruned.
      exclude: [`${LOGO_FOLDER}/*`],
    });
  }
}

/** The static site as an asset, built by web/build.ts into the asset folder while synthesizing. */
function webSource(): s3deploy.ISource {
  return s3deploy.Source.asset(repoPath("web"), {
    // Hash what is deployed, not web/ (whose git-ignored dist/ changes with every `npm start`).
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the type, never pulled: local bundling below always succeeds.
      image: DockerImage.fromRegistry("node:24"),
      local: {
        tryBundle(outputDir: string): boolean {
          buildWeb(outputDir);
          return true;
        },
      },
    },
  });
}

function pageAddressFunction(scope: Construct): cloudfront.Function {
  return new cloudfront.Function(scope, "PageAddress", {
    comment: "Liveline: /webinars -> /webinars.html",
    runtime: cloudfront.FunctionRuntime.JS_2_0,
    code: cloudfront.FunctionCode.fromInline(pageAddressFunctionCode()),
  });
}

function accessLogBucket(scope: Construct): s3.Bucket {
  return new s3.Bucket(scope, "AccessLogs", {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    // CloudFront's standard logs are delivered with an ACL, so the bucket must accept ACLs.
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
    lifecycleRules: [{ expiration: Duration.days(90) }],
  });
}

function securityHeadersPolicy(scope: Construct, id: string, framing: FramingPolicy): cloudfront.ResponseHeadersPolicy {
  return new cloudfront.ResponseHeadersPolicy(scope, id, {
    comment: framing.denyFraming ? "Liveline: CSP, HSTS and friends" : "Liveline: CSP, HSTS and friends; framable by embed.allowedOrigins",
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: framing.contentSecurityPolicy, override: true },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(365 * 2),
        includeSubdomains: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      ...(framing.denyFraming ? { frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true } } : {}),
      referrerPolicy: { referrerPolicy: REFERRER_POLICY as cloudfront.HeadersReferrerPolicy, override: true },
    },
  });
}
