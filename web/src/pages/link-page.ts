// Web: entry point of the link page (/l#<code>), where an e-mail's short links lead
// (functions/core/messages/short-links.ts). The code stays in the fragment, so no server log sees it: the page
// asks GET /api/short-links with it in the Liveline-Link header and opens the long link it gets (replacing
// this page in the history). An unknown or expired code is said in the page's language, with the way on.

import { apiRequest } from "../api/api-client";
import { SHORT_CODE, SHORT_LINK_HEADER } from "../../../functions/handlers/http/short-link-header";
import { incompleteLink } from "../lifecycle/link-messages";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { applyBrand } from "../shared/brand";
import { byId, scriptReady } from "../shared/page-dom";
import { startPageLanguage, text } from "../shared/page-text";
import "../page-text/lifecycle";
import "../page-text/short-link";

const heading = byId("link-heading");
const resultLine = byId("link-result");
const alertBox = byId("link-alert");

/** The link cannot be opened: say why, offer the booking page, and take the reader's focus there. */
function refuse(headingText: string, message: string): void {
  heading.textContent = headingText;
  resultLine.textContent = message;
  resultLine.hidden = false;
  resultLine.dataset["tone"] = "problem";
  byId("link-home").hidden = false;
  announce(message);
  heading.focus();
}

async function open(code: string): Promise<void> {
  clearAlert(alertBox);
  const result = await apiRequest<{ url: string }>("/api/short-links", { headers: { [SHORT_LINK_HEADER]: code } });
  if (result.ok) return location.replace(result.data.url);
  if (result.kind === "unavailable") {
    showAlert(alertBox, result.error.message, () => void open(code))?.focus();
    return;
  }
  refuse(text("link.expiredHeading"), text("link.expired.short"));
}

function start(): void {
  startPageLanguage();
  scriptReady();
  void applyBrand();
  const code = location.hash.slice(1);
  if (!SHORT_CODE.test(code)) {
    const notice = incompleteLink();
    return refuse(notice.heading, notice.message);
  }
  void open(code);
}

start();
