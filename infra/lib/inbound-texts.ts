// Infra: replies to texts — the SNS topic AWS End User Messaging SMS publishes two-way messages to (its
// policy lets only that service publish, over TLS), subscribed by the inbound-text function. The phone
// number's two-way channel is pointed at the topic by the operator (README "Text messages").

import * as iam from "aws-cdk-lib/aws-iam";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import type { LivelineFunction } from "./liveline-function";

export interface InboundTextsProps {
  fn: LivelineFunction;
  /** Where the function parks a reply it could not handle after Lambda's retries. */
  failures: sqs.Queue;
}

export class InboundTexts extends Construct {
  readonly topic: sns.Topic;
  readonly fn: LivelineFunction;
  readonly failures: sqs.Queue;

  constructor(scope: Construct, id: string, props: InboundTextsProps) {
    super(scope, id);
    this.fn = props.fn;
    this.failures = props.failures;
    this.topic = new sns.Topic(this, "Topic", { displayName: "Liveline inbound texts", enforceSSL: true });
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ["sns:Publish"],
        principals: [new iam.ServicePrincipal("sms-voice.amazonaws.com")],
        resources: [this.topic.topicArn],
      }),
    );
    this.topic.addSubscription(new subscriptions.LambdaSubscription(props.fn.function));
  }
}
