// Config: the one schema of liveline.config.json (company, sender, reps, offerings). The local runtime
// validates it at start, the CDK app at synth (and inlines it into the Lambda bundle), the Lambda at cold start.

import * as z from "zod/mini";
import { WEEKDAYS, findOverlap, parseMinuteRange } from "../core/working-hours";
import { emailAddress, httpsUrl, phoneNumber, singleLineText, timeZoneName } from "../validation/common-fields";

const identifier = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "must be 1–40 lower-case letters, digits or dashes" }),
);

const minutes = (min: number, max: number) =>
  z.int().check(
    z.gte(min, { error: `must be at least ${min}` }),
    z.lte(max, { error: `must be at most ${max}` }),
    z.multipleOf(5, { error: "must be a multiple of 5 minutes" }),
  );

const dayRanges = z.array(
  z.string().check(
    z.refine((text) => typeof parseMinuteRange(text) !== "string", {
      error: (issue) => String(parseMinuteRange(String(issue.input))),
    }),
  ),
).check(
  z.refine((texts) => findOverlap(texts) === undefined, { error: (issue) => findOverlap(issue.input as string[]) ?? "overlap" }),
);

const repSchema = z.strictObject({
  id: identifier,
  name: singleLineText(100, "name"),
  email: emailAddress,
  phone: z.optional(phoneNumber),
  timeZone: timeZoneName,
  /** Weekly hours in the rep's own zone, e.g. { "mon": ["09:00-12:00", "13:00-17:00"] }. */
  workingHours: z.partialRecord(z.enum(WEEKDAYS), dayRanges),
  /** The rep's personal meeting room; when set it replaces the offering's joinUrl for this rep. */
  meetingUrl: z.optional(httpsUrl),
});

const offeringSchema = z.strictObject({
  id: identifier,
  title: singleLineText(120, "title"),
  kind: z.enum(["demo"]),
  description: z.optional(singleLineText(500, "description")),
  durationMinutes: minutes(5, 480),
  /** Distance between offered start times; defaults to the duration. */
  slotIntervalMinutes: z.optional(minutes(5, 480)),
  /** How far ahead a slot must start at least, from the moment of booking. */
  minimumNoticeMinutes: z._default(z.int().check(z.gte(0), z.lte(60 * 24 * 30)), 120),
  /** How many days ahead slots are offered. */
  horizonDays: z._default(z.int().check(z.gte(1), z.lte(365)), 30),
  /** The reps who run this offering (ids); all reps when absent. */
  reps: z.optional(z.array(identifier).check(z.minLength(1))),
  /** Where to meet; "{bookingId}" is replaced, so each demo gets its own room. */
  joinUrl: z.string().check(
    z.refine((text) => URL.canParse(text.replaceAll("{bookingId}", "x")) && /^https?:\/\//.test(text), {
      error: "must be an http(s) URL, optionally containing {bookingId}",
    }),
  ),
});

export const livelineConfigSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    company: z.strictObject({ name: singleLineText(100, "name") }),
    /** The From address of every e-mail and the ORGANIZER of every invitation: a mailbox that reads replies. */
    sender: z.strictObject({ name: singleLineText(100, "name"), email: emailAddress }),
    reps: z.array(repSchema).check(z.minLength(1, { error: "must list at least one rep" })),
    offerings: z.array(offeringSchema).check(z.minLength(1, { error: "must list at least one offering" })),
    contactRequests: z._default(
      z.strictObject({
        /** The offering a "Contact Us" request is turned into; the first demo offering when absent. */
        offering: z.optional(identifier),
      }),
      {},
    ),
  })
  .check(
    z.superRefine((config, ctx) => {
      const repIds = new Set<string>();
      const sender = config.sender.email.toLowerCase();
      config.reps.forEach((rep, index) => {
        if (repIds.has(rep.id)) ctx.issues.push({ code: "custom", path: ["reps", index, "id"], message: `"${rep.id}" is used twice`, input: rep.id });
        repIds.add(rep.id);
        // The sender organises every invitation; a rep receiving their own as organiser gets no Accept/Decline.
        if (rep.email.toLowerCase() === sender) {
          ctx.issues.push({ code: "custom", path: ["reps", index, "email"], message: "must differ from sender.email (the invitations' organiser)", input: rep.email });
        }
      });
      const offeringIds = new Set<string>();
      config.offerings.forEach((offering, index) => {
        if (offeringIds.has(offering.id)) {
          ctx.issues.push({ code: "custom", path: ["offerings", index, "id"], message: `"${offering.id}" is used twice`, input: offering.id });
        }
        offeringIds.add(offering.id);
        offering.reps?.forEach((repId, repIndex) => {
          if (!repIds.has(repId)) {
            ctx.issues.push({ code: "custom", path: ["offerings", index, "reps", repIndex], message: `"${repId}" is not a rep id`, input: repId });
          }
        });
      });
      const wanted = config.contactRequests.offering;
      if (wanted !== undefined && !offeringIds.has(wanted)) {
        ctx.issues.push({ code: "custom", path: ["contactRequests", "offering"], message: `"${wanted}" is not an offering id`, input: wanted });
      }
    }),
  );

export type LivelineConfig = z.output<typeof livelineConfigSchema>;
export type RepConfig = LivelineConfig["reps"][number];
export type OfferingConfig = LivelineConfig["offerings"][number];
