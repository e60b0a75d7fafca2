// Web: the lead page's data-request tools, for managers only (console-page.ts shows them when GET /api/me
// says "manager"; the API refuses a rep anyway): export everything held about the lead's e-mail address as
// a JSON download, or — after an explicit confirmation — erase it. POST /api/privacy/export and /erase
// {email}, with the session cookie like every console call. Results are put on the page as text.

import type { ApiResult, RequestOptions } from "../api/api-client";
import { erasureText } from "./console-labels";
import type { PrivacyErasure, PrivacyExport } from "../api/console-types";
import { announce } from "../shared/notices";
import { byId } from "../shared/page-dom";

type Api = <T>(path: string, options?: RequestOptions) => Promise<ApiResult<T>>;
type Problem = (result: Extract<ApiResult<unknown>, { ok: false }>, retry?: () => void) => void;

/** A data request reads the whole table: it may take longer than a page's usual 20 s. */
const PRIVACY_TIMEOUT_MS = 120_000;

export interface PrivacyPerson {
  id: string;
  name: string;
  email: string;
}

export interface PrivacyTools {
  /** Shows the tools for this lead (or hides them: not a manager, no lead) and forgets the last result. */
  showFor(person: PrivacyPerson | undefined): void;
}

export function privacyTools(api: Api, problem: Problem, onErased: () => void): PrivacyTools {
  const section = byId("privacy-tools");
  const exportButton = byId<HTMLButtonElement>("privacy-export");
  const eraseButton = byId<HTMLButtonElement>("privacy-erase");
  const download = byId("privacy-download");
  const downloadLink = byId<HTMLAnchorElement>("privacy-download-link");
  const confirmBox = byId("erase-confirm");
  const confirmText = byId("erase-confirm-text");
  const confirmYes = byId<HTMLButtonElement>("erase-confirm-yes");
  const result = byId("privacy-result");
  let person: PrivacyPerson | undefined;
  let downloadUrl: string | undefined;

  const setResult = (text: string | undefined) => {
    result.textContent = text ?? "";
    result.hidden = !text;
  };
  const setBusy = (busy: boolean) => {
    for (const button of [exportButton, eraseButton, confirmYes]) button.disabled = busy;
  };

  async function exportData(): Promise<void> {
    if (!person) return;
    setResult(undefined);
    setBusy(true);
    announce("Collecting everything held about this person…");
    const answer = await api<PrivacyExport>("/api/privacy/export", { method: "POST", body: { email: person.email }, timeoutMs: PRIVACY_TIMEOUT_MS });
    setBusy(false);
    if (!answer.ok) return problem(answer, () => void exportData());
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    const file = new Blob([JSON.stringify(answer.data, null, 2)], { type: "application/json" });
    downloadUrl = URL.createObjectURL(file);
    downloadLink.href = downloadUrl;
    downloadLink.download = `personal-data-${person.id}.json`;
    downloadLink.textContent = `Download the export (${Math.max(1, Math.round(file.size / 1024))} KB, JSON)`;
    download.hidden = false;
    downloadLink.focus();
    announce("The export is ready to download.");
  }

  function askToErase(): void {
    if (!person) return;
    setResult(undefined);
    confirmText.textContent = `Erase everything held about ${person.name} (${person.email})? Their upcoming demos and webinar seats are cancelled, their records deleted and their name replaced in others' records. This cannot be undone.`;
    confirmBox.hidden = false;
    confirmText.focus();
  }

  function keep(): void {
    confirmBox.hidden = true;
    eraseButton.focus();
  }

  async function erase(): Promise<void> {
    if (!person) return;
    setBusy(true);
    announce("Erasing…");
    const answer = await api<PrivacyErasure>("/api/privacy/erase", { method: "POST", body: { email: person.email }, timeoutMs: PRIVACY_TIMEOUT_MS });
    setBusy(false);
    if (!answer.ok) return problem(answer, () => void erase());
    confirmBox.hidden = true;
    download.hidden = true;
    exportButton.hidden = true;
    eraseButton.hidden = true;
    setResult(erasureText(answer.data));
    result.focus();
    onErased();
  }

  exportButton.addEventListener("click", () => void exportData());
  eraseButton.addEventListener("click", askToErase);
  confirmYes.addEventListener("click", () => void erase());
  byId("erase-confirm-no").addEventListener("click", keep);
  confirmBox.addEventListener("keydown", (event) => {
    if (event.key === "Escape") keep();
  });

  return {
    showFor(next) {
      person = next;
      section.hidden = !next;
      confirmBox.hidden = true;
      download.hidden = true;
      exportButton.hidden = false;
      eraseButton.hidden = false;
      setResult(undefined);
    },
  };
}
