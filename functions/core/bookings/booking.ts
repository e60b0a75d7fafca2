// Core: the booking and the lead as the domain sees them. Instants are UTC ISO-8601 strings
// ("2026-12-01T16:00:00.000Z"); zones are kept beside them for display only.

import { DEFAULT_LANGUAGE, type Language } from "../messages/catalogue";

export interface Prospect {
  name: string;
  email: string;
  /** E.164, e.g. +13125550142. */
  phone?: string;
  company?: string;
  teamSize?: number;
  interest?: string;
  /** ISO 3166 alpha-2, upper case: routing may use it. */
  country?: string;
  /** Preferred language of the demo, lower case ("de"): routing may use it. */
  language?: string;
  /**
   * The language Liveline writes to them in — pages, e-mails, invitations, every later message: the form's
   * `language` when Liveline has it, else the browser's Accept-Language (core/messages/catalogue.ts
   * chooseLanguage). Absent on leads from before languages: English.
   */
  locale?: Language;
}

/** The language to write to a prospect in. */
export function prospectLanguage(prospect: { locale?: Language }): Language {
  return prospect.locale ?? DEFAULT_LANGUAGE;
}

/** A person's details as their latest request gave them, keeping what it left out (one person, one lead). */
export function latestDetails(earlier: Prospect | undefined, latest: Prospect): Prospect {
  const given = Object.fromEntries(Object.entries(latest).filter(([, value]) => value !== undefined)) as Partial<Prospect>;
  return { ...earlier, ...given } as Prospect;
}

/** Where routing sent a lead: the matching rule (null for the fallback) and the pool it picked. */
export interface LeadRouting {
  rule: string | null;
  pool: string[];
}

/** Where a lead came from: UTM parameters and the referring page, as captured with the request. */
export interface LeadSource {
  utmSource?: string;
  utmMedium?: string;
  utmCampaign?: string;
  utmTerm?: string;
  utmContent?: string;
  referrer?: string;
}

/**
 * The source as given, without its absent fields; none when nothing was given. A lead keeps the first
 * source it was given (first touch): a later request never replaces it.
 */
export function givenSource(source: LeadSource | undefined): LeadSource | undefined {
  const given = Object.entries(source ?? {}).filter(([, value]) => typeof value === "string" && value !== "");
  return given.length > 0 ? (Object.fromEntries(given) as LeadSource) : undefined;
}

/** The source a lead keeps: its first one, else this request's (first touch). */
export function firstTouch(earlier: LeadSource | undefined, latest: LeadSource | undefined): LeadSource | undefined {
  return givenSource(earlier) ?? givenSource(latest);
}

/** A "Contact Us" request: the lead. Every booking belongs to one. */
/** Consent to texts, as given: the number, the time and the wording the prospect agreed to (in their language). */
export interface SmsConsent {
  /** E.164. */
  phone: string;
  at: string;
  wording: string;
}

export interface Lead {
  id: string;
  prospect: Prospect;
  timeZone: string;
  offeringId: string;
  routing: LeadRouting;
  /** Where the prospect came from, when the page knew (insights split figures by it). */
  source?: LeadSource;
  /** When the prospect agreed to be contacted (the form's consent box). */
  consentAt: string;
  /** The separate, unticked "Text me reminders" box: to which number, when, in which words. Texts need it. */
  smsConsent?: SmsConsent;
  createdAt: string;
  /** The latest booking made from this lead. */
  lastBookingId?: string;
  /** Set when the follow-up is over: converted, not interested, wrong number, unreachable. */
  closedAt?: string;
  closedReason?: string;
}

export type BookingStatus = "confirmed" | "cancelled";

export interface Booking {
  id: string;
  leadId: string;
  offeringId: string;
  repId: string;
  /** The second participant of a two-pool offering (e.g. a solutions engineer). */
  secondRepId?: string;
  start: string;
  end: string;
  /** The meeting with its buffers: the time the booking's lock cells cover. */
  blocked: { start: string; end: string };
  /** Each participating rep's local date of the start: their schedule and daily cap count it there. */
  repDays: Record<string, string>;
  /** The prospect's zone: how every time is shown to them. */
  timeZone: string;
  prospect: Prospect;
  /** Colleagues the prospect invited (a private group session): each gets their own invitation. */
  colleagues?: string[];
  notes?: string;
  /** The rep who booked it for the prospect from the console (the lead page); absent when the prospect booked. */
  bookedBy?: string;
  joinUrl: string;
  /** iCalendar UID and SEQUENCE: identical UID in every later update and cancel, SEQUENCE only grows. */
  icalUid: string;
  sequence: number;
  /**
   * Its lead agreed to texts (on this request or an earlier one), or may have (a contact request booked by its
   * id): its timers include the reminder text, which the lead's consent at that time decides.
   */
  textReminder?: boolean;
  /** Bumped on every change; timers compare it to know they are stale. */
  version: number;
  status: BookingStatus;
  createdAt: string;
  cancelledAt?: string;
  cancelReason?: string;
}

/** A half-open time interval [start, end) in epoch milliseconds. */
export interface Interval {
  start: number;
  end: number;
}

/** One demo in a rep's schedule: what availability and fair assignment read. */
export interface ScheduledDemo {
  bookingId: string;
  /** The meeting with its buffers. */
  blocked: Interval;
  /** When it was assigned (epoch ms): the fairness window counts these. */
  assignedAt: number;
  /** The rep's local date of the start: the daily cap counts these. */
  day: string;
}

/** One entry of a lead's append-only log (requested, booked, invite_sent, …). */
export interface LeadEvent {
  leadId: string;
  at: string;
  kind: string;
  /** Makes the event unique among same-kind events at the same instant (a message key, a prompt id). */
  ref?: string;
  data?: Record<string, unknown>;
}
