// Test support: every text a prospect can get, composed in one language with long but real values (a
// company name, a rep's name, an offering and a session title, a Zoom link with its password) — what the
// segment tests and the bench's segment line measure.

import type { Language } from "../../functions/core/messages/catalogue";
import { composeDemoReminderText, composeHelpText, composeMissedCallText, composeOptInText, composeSessionReminderText } from "../../functions/core/texts/text-messages";

export const LONG = {
  company: "Northwind Traders International GmbH & Co. KG",
  repName: "Maximiliana-Josefine Oberhuber-Schönfeld",
  offeringTitle: "Enterprise platform walkthrough for procurement teams",
  title: "Quarterly product roadmap and release preview for administrators",
  joinUrl: "https://us06web.zoom.us/j/81234567890?pwd=aBcDeFgHiJkLmNoPqRsTuVwXyZ012345.1",
  bookingPageUrl: "https://d1a2b3c4d5e6f7.cloudfront.net/",
  contact: "support@northwind-traders.example.com or +49 30 1234 5678",
};

const now = new Date("2026-12-08T14:00:00Z");
const start = new Date("2026-12-08T15:00:00Z");

export function longTexts(language: Language): Record<string, string> {
  return {
    reminder: composeDemoReminderText(now, { language, timeZone: "Europe/Berlin", start, minutesBefore: 60, company: LONG.company, joinUrl: LONG.joinUrl, offeringTitle: LONG.offeringTitle, repName: LONG.repName }),
    movedReminder: composeDemoReminderText(now, { language, timeZone: "America/Los_Angeles", start: new Date("2026-12-09T16:30:00Z"), minutesBefore: 691, company: LONG.company, joinUrl: LONG.joinUrl, offeringTitle: LONG.offeringTitle, repName: LONG.repName }),
    sessionReminder: composeSessionReminderText(now, { language, timeZone: "Europe/Paris", start, minutesBefore: 60, company: LONG.company, joinUrl: LONG.joinUrl, title: LONG.title }),
    missedCall: composeMissedCallText({ language, repName: LONG.repName, company: LONG.company, bookingPageUrl: LONG.bookingPageUrl }),
    help: composeHelpText({ language, company: LONG.company, contact: LONG.contact }),
    optIn: composeOptInText({ language, company: LONG.company }),
  };
}
