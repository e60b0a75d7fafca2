// Web: entry point of the console's brand page (/console/brand, managers). Checks who is signed in (GET
// /api/me; the sign-in page otherwise), loads the settings (GET /api/settings: a rep gets 403 and is told
// managers keep the brand), saves the company's name, colour and font into the document with the version it
// was loaded at (PUT /api/settings, If-Match), and uploads a logo (PUT /api/settings/brand/logo, the same
// If-Match; a save clicked while an upload runs waits for it). A newer version saved meanwhile (412) is loaded
// and shown, the change to be redone.

import { apiRequest, type ApiResult } from "../api/api-client";
import type { LogoUploadBody, Me, SettingsResponseBody } from "../api/console-types";
import "../page-text/brand";
import { clearFieldError, showFieldError } from "../shared/field-errors";
import { announce, clearAlert, showAlert } from "../shared/notices";
import { byId, scriptReady } from "../shared/page-dom";
import { startPageLanguage, text } from "../shared/page-text";

interface Brand {
  primaryColor: string;
  logo?: string;
  fontStack?: string;
}
interface Company {
  name: string;
  brand?: Brand;
}

/** What a page shows before a brand is saved: the site's own accent (styles.css --accent). */
const DEFAULT_COLOR = "#4338ca";

const brandForm = byId<HTMLFormElement>("brand-form");
const logoForm = byId<HTMLFormElement>("logo-form");
const alertBox = byId("brand-alert");
const input = (id: string) => byId<HTMLInputElement>(id);
/** The controls by the field the API names in its errors. */
const CONTROLS: Record<string, string> = {
  "company.name": "company-name",
  "company.brand.primaryColor": "primary-color",
  "company.brand.fontStack": "font-stack",
  data: "logo-file",
  contentType: "logo-file",
};

let loaded: SettingsResponseBody | undefined;

async function api<T>(path: string, options: Parameters<typeof apiRequest>[1] = {}): Promise<ApiResult<T>> {
  const result = await apiRequest<T>(path, options);
  if (!result.ok && result.status === 401) location.replace("/sign-in");
  return result;
}

const companyOf = (settings: SettingsResponseBody) => settings.settings.company as Company;

/** Shows a loaded or saved document; `keepEdits` (after a logo upload) leaves the typed name, colour and font. */
function fill(settings: SettingsResponseBody, keepEdits = false): void {
  loaded = settings;
  const company = companyOf(settings);
  if (!keepEdits) {
    input("company-name").value = company.name;
    input("primary-color").value = company.brand?.primaryColor ?? DEFAULT_COLOR;
    input("font-stack").value = company.brand?.fontStack ?? "";
  }
  const preview = byId<HTMLImageElement>("logo-preview");
  preview.hidden = !company.brand?.logo;
  byId("logo-none").hidden = Boolean(company.brand?.logo);
  if (company.brand?.logo) {
    preview.src = `/${company.brand.logo}`;
    preview.alt = text("brand.logoAlt");
  }
  byId("brand-version").textContent = text("brand.version", { version: settings.version });
}

function brandDocument(settings: SettingsResponseBody): Record<string, unknown> {
  const company = companyOf(settings);
  const fontStack = input("font-stack").value.trim();
  const { fontStack: _previous, ...brand } = company.brand ?? { primaryColor: DEFAULT_COLOR };
  return {
    ...settings.settings,
    company: { ...company, name: input("company-name").value.trim(), brand: { ...brand, primaryColor: input("primary-color").value, ...(fontStack ? { fontStack } : {}) } },
  };
}

function clearErrors(): void {
  for (const id of new Set(Object.values(CONTROLS))) clearFieldError(byId(id));
  clearAlert(alertBox);
}

async function load(): Promise<boolean> {
  const result = await api<SettingsResponseBody>("/api/settings");
  if (result.ok) {
    fill(result.data);
    return true;
  }
  if (result.status === 403) showAlert(alertBox, text("brand.managersOnly"));
  else if (result.status !== 401) showAlert(alertBox, result.error.message, result.kind === "unavailable" ? () => void start() : undefined)?.focus();
  return false;
}

/** A save's answer: the new version shown, a stale one reloaded, refused fields marked. */
async function settle(result: ApiResult<SettingsResponseBody>, done: string): Promise<void> {
  if (result.ok) {
    fill(result.data, done === "uploaded");
    announce(text(done === "saved" ? "brand.saved" : "brand.uploaded"));
    return;
  }
  if (result.status === 412) {
    await load();
    showAlert(alertBox, text("brand.stale", { version: loaded?.version ?? "" }));
    byId("brand-heading").focus();
    return;
  }
  const fields = (result.error.details?.fields as { field: string; message: string }[] | undefined) ?? (result.error.field ? [{ field: result.error.field, message: result.error.message }] : []);
  const marked = fields.flatMap((problem) => {
    const id = CONTROLS[problem.field];
    if (id) showFieldError(byId(id), problem.message);
    return id ? [byId(id)] : [];
  });
  if (marked.length > 0) {
    showAlert(alertBox, text("brand.fixFields"));
    marked[0]!.focus();
  } else if (result.status !== 401) {
    showAlert(alertBox, result.error.message)?.focus();
  }
}

/** The save or upload under way: the next one waits for it, so it is sent with the version it produced. */
let working: Promise<void> = Promise.resolve();

function withButton(id: string, work: () => Promise<void>): Promise<void> {
  const button = byId<HTMLButtonElement>(id);
  button.disabled = true;
  const run = working.then(work).finally(() => {
    button.disabled = false;
  });
  working = run.catch(() => undefined);
  return run;
}

function saveBrand(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  clearErrors();
  return withButton("save-button", async () => {
    if (!loaded) return;
    const result = await api<SettingsResponseBody>("/api/settings", { method: "PUT", body: brandDocument(loaded), headers: { "If-Match": `"${loaded.version}"` } });
    await settle(result, "saved");
  });
}

/** The file's bytes as base64, as the API takes them in JSON. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

function uploadLogo(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  clearErrors();
  const file = input("logo-file").files?.[0];
  if (!file) {
    showFieldError(input("logo-file"), text("brand.noFile"));
    input("logo-file").focus();
    return Promise.resolve();
  }
  return withButton("upload-button", async () => {
    if (!loaded) return;
    const body: LogoUploadBody = { contentType: file.type, data: await base64Of(file) };
    const result = await api<SettingsResponseBody>("/api/settings/brand/logo", { method: "PUT", body, headers: { "If-Match": `"${loaded.version}"` } });
    await settle(result, "uploaded");
    if (result.ok) input("logo-file").value = "";
  });
}

async function start(): Promise<void> {
  clearAlert(alertBox);
  const who = await api<Me>("/api/me");
  if (!who.ok) {
    if (who.status !== 401) showAlert(alertBox, who.error.message);
    return;
  }
  byId("who").textContent = who.data.rep.name;
  if (!(await load())) return;
  brandForm.hidden = false;
  logoForm.hidden = false;
}

startPageLanguage();
scriptReady();
brandForm.addEventListener("submit", (event) => void saveBrand(event));
logoForm.addEventListener("submit", (event) => void uploadLogo(event));
void start();
