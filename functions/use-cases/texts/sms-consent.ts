// Use case part: a request's "Text me reminders" box as the lead keeps it — the number, the time and the
// wording in the prospect's language; nothing when the box was not ticked or there is no phone.

import { prospectLanguage, type Prospect, type SmsConsent } from "../../core/bookings/booking";
import { textConsent } from "../../core/texts/text-messages";

export function smsConsentOf(request: { prospect: Prospect; smsConsent?: boolean }, at: string): { smsConsent?: SmsConsent } {
  const phone = request.prospect.phone;
  return request.smsConsent === true && phone ? { smsConsent: textConsent(phone, prospectLanguage(request.prospect), at) } : {};
}
