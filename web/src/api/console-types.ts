// Web: the shapes of the console's API as the console page sees them — taken, type-only, from the server's
// schemas (functions/handlers/http/console-schemas.ts), so page and API cannot drift apart. No zod reaches
// the browser: `import type` is erased by esbuild.

import type * as z from "zod/mini";
import type { Outcome } from "../../../functions/handlers/http/api-schemas";
import type { privacyEraseResponse, privacyExportResponse } from "../../../functions/handlers/http/privacy-schemas";
import type {
  claimResponse, consoleOutcomeBody, insightsResponse, leadPageResponse, leadsQuery, leadsResponse, meResponse, presenceResponse, queueResponse, resendResponse, scheduleResponse, teamResponse,
  webhooksResponse,
} from "../../../functions/handlers/http/console-schemas";

export type {
  AvailabilityBody, AvailabilityResponseBody, DeactivationBody, LogoUploadBody, OfferingsSettingsBody, RoutingTestBody, RoutingTestResponseBody, NewTeamMemberBody, SettingsResponseBody, TeamMemberBody, TeamMemberResponseBody, TeamSettingsBody,
} from "../../../functions/handlers/http/console-schemas";
import type { TeamSettingsBody } from "../../../functions/handlers/http/console-schemas";
/** A rep as the Team page shows them (GET /api/settings/reps). */
export type TeamMemberView = TeamSettingsBody["reps"][number];
export type { Outcome };
export type Me = z.output<typeof meResponse>;
export type Team = z.output<typeof teamResponse>;
export type TeamMember = Team["reps"][number];
export type Queue = z.output<typeof queueResponse>;
export type QueueItem = Queue["items"][number];
export type LeadSummary = QueueItem["lead"];
export type Schedule = z.output<typeof scheduleResponse>;
export type ScheduleEntry = Schedule["entries"][number];
export type Leads = z.output<typeof leadsResponse>;
/** A figure of the insights whose leads the lead search lists, and its filter (GET /api/leads?figure=…). */
export type LeadFigure = NonNullable<z.output<typeof leadsQuery>["figure"]>;
export type FigureLeads = Omit<z.output<typeof leadsQuery>, "query" | "figure" | "from" | "to" | "timeZone"> & { figure: LeadFigure; from: string; to: string; timeZone: string };
export type LeadPage = z.output<typeof leadPageResponse>;
export type LeadEventView = LeadPage["events"][number];
export type ConsoleOutcomeBody = z.input<typeof consoleOutcomeBody>;
export type Insights = z.output<typeof insightsResponse>;
export type InsightsFigures = Insights["totals"];
export type InsightsRow = Insights["series"][number];
export type PrivacyExport = z.output<typeof privacyExportResponse>;
export type PrivacyErasure = z.output<typeof privacyEraseResponse>;
export type Presence = z.output<typeof presenceResponse>;
export type Claim = z.output<typeof claimResponse>;
export type Webhooks = z.output<typeof webhooksResponse>;
export type WebhookEndpointView = Webhooks["endpoints"][number];
export type WebhookDeliveryView = z.output<typeof resendResponse>;
