// Web: "Call me now" on the booking page, beside the slots. While a rep of the routed pool can be rung
// (GET /api/instant-calls/availability, asked again every 15 s), it offers a call within minutes: the phone
// number (from the form, editable here) goes with the details already given to POST /api/instant-calls, under
// one Idempotency-Key per attempt, and the page then polls the call's status: claimed (a rep calls now) or
// unavailable (nobody was free: the slots stay, and the call-back the request already arranged still comes).

import type { ProtectionFields } from "../api/protection";
import { apiRequest } from "../api/api-client";
import type { ContactRequestBody } from "../api/api-types";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { newIdempotencyKey } from "../api/idempotency-key";
import { byId } from "../shared/page-dom";
import { text } from "../shared/page-text";
import "../page-text/booking-progress";

const AVAILABILITY_MS = 15_000;
const STATUS_MS = 3_000;

type CallStatus = "ringing" | "claimed" | "unavailable";

/** What the prospect reads while and after the call is put through. */
export function statusText(status: CallStatus, phone: string): string {
  switch (status) {
    case "ringing":
      return text("progress.callRinging", { phone });
    case "claimed":
      return text("progress.callClaimed", { phone });
    case "unavailable":
      return text("progress.callUnavailable");
  }
}

export interface CallMeNow {
  /** Offers the call for this offering (and the pool its contact request was routed to) while a rep is free. */
  offer(offeringId: string, contactRequestId: string | undefined): void;
  /** Stops offering (the prospect booked). */
  stop(): void;
}

export function callMeNow(details: () => ContactRequestBody, protection: () => Promise<ProtectionFields>, afterUnavailable: () => void): CallMeNow {
  const box = byId("instant-offer");
  const phone = byId<HTMLInputElement>("instant-phone");
  const button = byId<HTMLButtonElement>("instant-call");
  const status = byId("instant-status");
  let offering: { id: string; contactRequestId?: string } | undefined;
  let availabilityTimer: number | undefined;
  let statusTimer: number | undefined;
  let attemptKey: string | undefined;
  let requested = false;

  const stopTimers = () => {
    window.clearInterval(availabilityTimer);
    window.clearInterval(statusTimer);
    availabilityTimer = statusTimer = undefined;
  };

  async function checkAvailability(): Promise<void> {
    if (!offering || requested) return;
    const query = new URLSearchParams({ offering: offering.id, ...(offering.contactRequestId ? { contactRequest: offering.contactRequestId } : {}) });
    const result = await apiRequest<{ available: boolean }>(`/api/instant-calls/availability?${query}`);
    if (requested) return;
    // A failed check hides nothing that works: only a definite answer changes the offer.
    if (result.ok) box.hidden = !result.data.available;
  }

  function show(callStatus: CallStatus): void {
    status.textContent = statusText(callStatus, phone.value.trim());
    status.hidden = false;
    if (callStatus === "ringing") return;
    window.clearInterval(statusTimer);
    statusTimer = undefined;
    if (callStatus === "unavailable") {
      button.hidden = true;
      phone.disabled = true;
      afterUnavailable();
    }
  }

  async function watch(id: string): Promise<void> {
    const result = await apiRequest<{ id: string; status: CallStatus }>(`/api/instant-calls/${encodeURIComponent(id)}`);
    if (result.ok && result.data.status !== "ringing") show(result.data.status);
  }

  async function request(): Promise<void> {
    if (!offering || button.disabled) return;
    clearFieldError(phone);
    const number = phone.value.trim();
    if (!number) {
      showFieldError(phone, text("progress.callNumberMissing"));
      phone.focus();
      return;
    }
    attemptKey ??= newIdempotencyKey();
    button.disabled = true;
    status.hidden = false;
    status.textContent = text("progress.callSending");
    const body = { ...details(), ...(await protection()), phone: number, offering: offering.id };
    const result = await apiRequest<{ id: string; status: CallStatus }>("/api/instant-calls", { method: "POST", body, headers: { "Idempotency-Key": attemptKey } });
    button.disabled = false;
    if (!result.ok) {
      // A 4xx settles this attempt; a dropped connection keeps its key, so trying again is the same request.
      if (result.kind === "rejected") attemptKey = undefined;
      if (result.error.field === "phone") {
        status.textContent = "";
        showFieldError(phone, result.error.message);
        phone.focus();
      } else {
        status.textContent = result.error.message;
      }
      return;
    }
    requested = true;
    window.clearInterval(availabilityTimer);
    availabilityTimer = undefined;
    button.hidden = true;
    phone.readOnly = true;
    show(result.data.status);
    status.focus();
    if (result.data.status === "ringing") statusTimer = window.setInterval(() => void watch(result.data.id), STATUS_MS);
  }

  button.addEventListener("click", () => void request());

  return {
    offer(offeringId, contactRequestId) {
      if (requested) return;
      offering = { id: offeringId, ...(contactRequestId ? { contactRequestId } : {}) };
      if (!phone.value) phone.value = details().phone ?? "";
      window.clearInterval(availabilityTimer);
      availabilityTimer = window.setInterval(() => void checkAvailability(), AVAILABILITY_MS);
      void checkAvailability();
    },
    stop() {
      stopTimers();
      box.hidden = true;
    },
  };
}
