// Infra: what tells an operator that something broke — one SNS topic (their e-mail from the `operatorEmail`
// context), an alarm per failure signal (parked events, function errors and throttles, API 5xx and latency,
// SES reputation, failed schedule deliveries) — and one CloudWatch dashboard of the same signals beside the
// product's own figures (bookings, registrations, e-mails, timers, outcomes), which the functions publish as
// EMF metrics (functions/handlers/app-metrics.ts).

import { Duration, Stack } from "aws-cdk-lib";
import type * as apigwv2 from "aws-cdk-lib/aws-apigatewayv2";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as cloudwatchActions from "aws-cdk-lib/aws-cloudwatch-actions";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import type * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { APP_METRICS_NAMESPACE, SERVICE_NAME } from "../../functions/handlers/app-metrics";

/** AWS puts an account under review at a 5% bounce rate and a 0.1% complaint rate: warn well before. */
export const SES_BOUNCE_RATE_ALARM = 0.02;
export const SES_COMPLAINT_RATE_ALARM = 0.0005;
/** Share of API answers that may be 5xx over five minutes before someone is woken. */
export const API_5XX_PERCENT_ALARM = 1;
/** The booking page waits on the API: p99 above this over five minutes is a problem a person feels. */
export const API_P99_LATENCY_MS_ALARM = 3000;

export interface OperationsProps {
  /** Where alarms are mailed; without it the topic exists and can be subscribed to later. */
  operatorEmail?: string;
  /** Queues that hold what could not be processed: one message there is one lost effect until redriven. */
  failureQueues: Record<string, sqs.IQueue>;
  /** Every function of the app, by a short name. */
  functions: Record<string, lambda.IFunction>;
  /** The functions invoked asynchronously (Scheduler, EventBridge): their dropped events are alarmed too. */
  asyncFunctions: readonly lambda.IFunction[];
  httpApi: apigwv2.IHttpApi;
  scheduleGroup: scheduler.IScheduleGroup;
}

const FIVE_MINUTES = Duration.minutes(5);

export class Operations extends Construct {
  readonly alarmTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;
  private readonly action: cloudwatchActions.SnsAction;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    this.alarmTopic = new sns.Topic(this, "AlarmTopic", { displayName: "Liveline alarms", enforceSSL: true });
    if (props.operatorEmail) this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.operatorEmail));
    this.action = new cloudwatchActions.SnsAction(this.alarmTopic);

    for (const [name, queue] of Object.entries(props.failureQueues)) this.alarmOnParkedMessages(name, queue);
    for (const [name, fn] of Object.entries(props.functions)) this.alarmOnFunction(name, fn);
    props.asyncFunctions.forEach((fn, index) => this.alarmOnDroppedEvents(`Async${index + 1}`, fn));
    this.alarmOnApi(props.httpApi);
    this.alarmOnMailReputation();
    this.alarmOnScheduleDeliveries(props.scheduleGroup);
    this.dashboard = this.createDashboard(props);
  }

  private add(id: string, description: string, metric: cloudwatch.IMetric, threshold: number, comparisonOperator: cloudwatch.ComparisonOperator, evaluationPeriods = 1): cloudwatch.Alarm {
    // No data means nothing happened: none of these signals is a heartbeat.
    const alarm = new cloudwatch.Alarm(this, id, { alarmDescription: description, metric, threshold, comparisonOperator, evaluationPeriods, treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /** Fires on the first occurrence: one parked message, one error, one dropped event. */
  private addOnAny(id: string, description: string, metric: cloudwatch.IMetric): cloudwatch.Alarm {
    return this.add(id, description, metric, 1, cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD);
  }

  private addAbove(id: string, description: string, metric: cloudwatch.IMetric, threshold: number, evaluationPeriods = 1): cloudwatch.Alarm {
    return this.add(id, description, metric, threshold, cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, evaluationPeriods);
  }

  private alarmOnParkedMessages(name: string, queue: sqs.IQueue): void {
    this.addOnAny(
      `${name}Messages`,
      `A message is waiting in ${name}: an event failed for good. Read it, fix the cause, then \`npm run redrive -- <queue>\` (README, Operating Liveline).`,
      queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: "Maximum" }),
    );
  }

  private alarmOnFunction(name: string, fn: lambda.IFunction): void {
    this.addOnAny(`${name}Errors`, `The ${name} function threw. Its log group has the error and the request id.`, fn.metricErrors({ period: FIVE_MINUTES, statistic: "Sum" }));
    this.addOnAny(`${name}Throttles`, `The ${name} function was throttled: the account's Lambda concurrency is exhausted.`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: "Sum" }));
  }

  /** Events Lambda gave up on without reaching the on-failure destination: truly lost. */
  private alarmOnDroppedEvents(id: string, fn: lambda.IFunction): void {
    this.addOnAny(
      `${id}EventsDropped`,
      `${fn.functionName}: asynchronous events were dropped (neither handled nor parked in the failure queue).`,
      fn.metric("AsyncEventsDropped", { period: FIVE_MINUTES, statistic: "Sum" }),
    );
  }

  private alarmOnApi(api: apigwv2.IHttpApi): void {
    const serverErrors = api.metricServerError({ period: FIVE_MINUTES, statistic: "Sum" });
    const requests = api.metricCount({ period: FIVE_MINUTES, statistic: "SampleCount" });
    const errorRate = new cloudwatch.MathExpression({
      expression: "IF(requests > 0, 100 * errors / requests, 0)",
      usingMetrics: { errors: serverErrors, requests },
      period: FIVE_MINUTES,
      label: "API 5xx %",
    });
    this.addAbove("Api5xxRate", `More than ${API_5XX_PERCENT_ALARM}% of API answers were 5xx over five minutes.`, errorRate, API_5XX_PERCENT_ALARM);
    this.addAbove(
      "ApiLatencyP99",
      `API p99 latency above ${API_P99_LATENCY_MS_ALARM} ms for fifteen minutes.`,
      api.metricLatency({ period: FIVE_MINUTES, statistic: "p99" }),
      API_P99_LATENCY_MS_ALARM,
      3,
    );
  }

  /** SES publishes the account's reputation as rates (0.02 = 2%) in the AWS/SES namespace. */
  private alarmOnMailReputation(): void {
    const reputation = (metricName: string) => new cloudwatch.Metric({ namespace: "AWS/SES", metricName, period: Duration.hours(1), statistic: "Maximum" });
    this.addAbove(
      "SesBounceRate",
      `SES bounce rate above ${SES_BOUNCE_RATE_ALARM * 100}% (AWS reviews the account at 5%). Check the suppression list and where addresses come from.`,
      reputation("Reputation.BounceRate"),
      SES_BOUNCE_RATE_ALARM,
    );
    this.addAbove(
      "SesComplaintRate",
      `SES complaint rate above ${SES_COMPLAINT_RATE_ALARM * 100}% (AWS reviews the account at 0.1%).`,
      reputation("Reputation.ComplaintRate"),
      SES_COMPLAINT_RATE_ALARM,
    );
  }

  /** Scheduler's per-group metrics: a target that failed, and an invocation dropped after its retries. */
  private alarmOnScheduleDeliveries(group: scheduler.IScheduleGroup): void {
    for (const metricName of ["TargetErrorCount", "InvocationDroppedCount"]) {
      this.addOnAny(
        `Schedules${metricName}`,
        `EventBridge Scheduler ${metricName} in the timer group: a reminder or call-back did not reach the timer function.`,
        schedulerMetric(metricName, group),
      );
    }
  }

  private createDashboard(props: OperationsProps): cloudwatch.Dashboard {
    const dashboard = new cloudwatch.Dashboard(this, "Dashboard", {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      defaultInterval: Duration.days(7),
    });
    const functions = Object.entries(props.functions);
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "Bookings, registrations, outcomes logged",
        left: ["Bookings", "Registrations", "OutcomesLogged"].map((metricName) => appMetric(metricName)),
        width: 12,
      }),
      new cloudwatch.GraphWidget({ title: "E-mails sent and timers fired", left: ["EmailsSent", "TimersFired"].map((metricName) => appMetric(metricName)), width: 12 }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "API requests and 5xx",
        left: [props.httpApi.metricCount({ statistic: "SampleCount" })],
        right: [props.httpApi.metricServerError({ statistic: "Sum" })],
        width: 12,
      }),
      new cloudwatch.GraphWidget({ title: "API latency p50 / p99", left: ["p50", "p99"].map((statistic) => props.httpApi.metricLatency({ statistic })), width: 12 }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({ title: "Function errors", left: functions.map(([name, fn]) => fn.metricErrors({ label: name, statistic: "Sum" })), width: 12 }),
      new cloudwatch.GraphWidget({ title: "Function invocations", left: functions.map(([name, fn]) => fn.metricInvocations({ label: name, statistic: "Sum" })), width: 12 }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "E-mail: sent, bounces, complaints",
        left: ["Send", "Delivery"].map((metricName) => new cloudwatch.Metric({ namespace: "AWS/SES", metricName, statistic: "Sum" })),
        right: ["Bounce", "Complaint"].map((metricName) => new cloudwatch.Metric({ namespace: "AWS/SES", metricName, statistic: "Sum" })),
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: "Timers fired and failed",
        left: [schedulerMetric("InvocationAttemptCount", props.scheduleGroup)],
        right: ["TargetErrorCount", "InvocationDroppedCount"].map((name) => schedulerMetric(name, props.scheduleGroup)),
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: "Waiting in failure queues",
        left: Object.entries(props.failureQueues).map(([name, queue]) => queue.metricApproximateNumberOfMessagesVisible({ label: name, statistic: "Maximum" })),
        width: 24,
      }),
    );
    return dashboard;
  }
}

function appMetric(metricName: string): cloudwatch.Metric {
  // functions/handlers/observability.ts gives every figure the service as its one dimension.
  return new cloudwatch.Metric({ namespace: APP_METRICS_NAMESPACE, metricName, dimensionsMap: { service: SERVICE_NAME }, statistic: "Sum", period: Duration.hours(1) });
}

function schedulerMetric(metricName: string, group: scheduler.IScheduleGroup): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: "AWS/Scheduler",
    metricName,
    dimensionsMap: { ScheduleGroup: group.scheduleGroupName },
    period: FIVE_MINUTES,
    statistic: "Sum",
  });
}
