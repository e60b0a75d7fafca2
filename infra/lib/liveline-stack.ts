// Infra: the Liveline stack of DESIGN.md, wired: site + API behind one CloudFront origin → API Lambda →
// table, SES, signing secret; plus the timer plumbing (Scheduler group, role, DLQ) and the event bus.

import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";
import type { HttpRoute } from "aws-cdk-lib/aws-apigatewayv2";
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager";
import type { Construct } from "constructs";
import type { LivelineConfig } from "../../functions/config/liveline-config";
import { BookingTable } from "./booking-table";
import { PublicHttpApi } from "./http-api";
import { LivelineFunction } from "./liveline-function";
import { Mail } from "./mail";
import { acknowledgeNagFindings } from "./nag-acknowledgements";
import { Timers } from "./timers";
import { WebSite } from "./web-site";

export interface LivelineStackProps extends StackProps {
  /** Validated; its sender e-mail already carries the `senderEmail` context override. */
  config: LivelineConfig;
  /** The SES sending domain (the `domain` context, else the sender address's domain). */
  senderDomain: string;
  createEmailIdentity: boolean;
}

/** Room for a busy campaign day, low enough that a runaway client cannot run up a bill. */
const API_THROTTLING = { rateLimit: 25, burstLimit: 50 };

export class LivelineStack extends Stack {
  readonly bookingTable: BookingTable;
  readonly httpApi: PublicHttpApi;
  readonly site: WebSite;
  readonly apiFunction: LivelineFunction;
  readonly mail: Mail;
  readonly timers: Timers;
  readonly signingSecret: secretsmanager.Secret;
  readonly apiRoutes: HttpRoute[];

  constructor(scope: Construct, id: string, props: LivelineStackProps) {
    super(scope, id, props);
    this.bookingTable = new BookingTable(this, "Bookings");
    this.mail = new Mail(this, "Mail", {
      senderEmail: props.config.sender.email,
      domain: props.senderDomain,
      createEmailIdentity: props.createEmailIdentity,
    });
    this.signingSecret = new secretsmanager.Secret(this, "SigningSecret", {
      description: "Liveline: HMAC key of the signed, expiring manage and outcome links",
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    this.timers = new Timers(this, "Timers");
    // The API and the distribution exist before the function: the distribution needs only the API's id,
    // the function needs the distribution's domain, and the route (which needs the function) comes last.
    this.httpApi = new PublicHttpApi(this, "HttpApi", API_THROTTLING);
    this.site = new WebSite(this, "Site", { apiOriginDomain: this.httpApi.originDomain });
    this.apiFunction = this.createApiFunction(props.config);
    this.apiRoutes = this.httpApi.routeAllTo(this.apiFunction.function);
    acknowledgeNagFindings(this);
    this.addOutputs();
  }

  private createApiFunction(config: LivelineConfig): LivelineFunction {
    const fn = new LivelineFunction(this, "ApiFunction", {
      entry: "functions/handlers/http-api.handler.ts",
      config,
      description: "Liveline HTTP API",
    });
    fn.useBookingTable(this.bookingTable.table, this.bookingTable.indexNames);
    fn.sendMailAs(this.mail.sending);
    fn.readSigningSecret(this.signingSecret);
    fn.usePublicUrl(this.siteUrl);
    return fn;
  }

  get siteUrl(): string {
    return `https://${this.site.distribution.distributionDomainName}`;
  }

  private addOutputs(): void {
    new CfnOutput(this, "SiteUrl", { value: this.siteUrl, description: "The booking page (and /api/*)" });
    new CfnOutput(this, "ApiUrl", { value: this.httpApi.api.apiEndpoint, description: "The HTTP API, direct" });
    new CfnOutput(this, "TableName", { value: this.bookingTable.table.tableName });
    new CfnOutput(this, "SigningSecretArn", { value: this.signingSecret.secretArn });
    new CfnOutput(this, "ScheduleGroupName", { value: this.timers.scheduleGroup.scheduleGroupName });
    new CfnOutput(this, "EventBusName", { value: this.timers.eventBus.eventBusName });
    new CfnOutput(this, "DeadLetterQueueUrl", { value: this.timers.deadLetterQueue.queueUrl });
    new CfnOutput(this, "ConfigurationSetName", { value: this.mail.configurationSet.configurationSetName });
    this.mail.domainIdentity?.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: "Add to the sending domain's DNS so SES can verify it and sign with DKIM",
      });
    });
  }
}
