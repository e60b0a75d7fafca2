// HTTP API: the settings document (managers) and a rep's own availability (the rep or a manager), with
// optimistic concurrency over HTTP — every answer carries the version as its ETag, every change must send
// it back as If-Match (428 without, 412 with the version in force when another change came first).
//   GET  /api/settings · PUT /api/settings · GET /api/settings/history
//   POST /api/settings/history/{version}/restore
//   GET  /api/settings/reps/{repId}/availability · PUT /api/settings/reps/{repId}/availability
//   PUT  /api/settings/brand/logo (managers: the logo's type and bytes as base64, judged before it is stored)
//   GET  /api/settings/reps · POST /api/settings/reps · PUT /api/settings/reps/{repId} (the Team page, managers)
//   POST /api/settings/reps/{repId}/deactivate · POST /api/settings/reps/{repId}/reactivate
//   GET  /api/settings/offerings · POST /api/settings/offerings · PUT /api/settings/offerings/{offeringId}
//   PUT  /api/settings/routing · POST /api/settings/routing/test (the "Offerings and webinars" page, managers)
import { VersionMoved } from "../../../core/errors";
import type { SettingsInForce } from "../../../use-cases/settings/live-settings";
import { validSettings } from "../../../use-cases/settings/settings-validation";
import { repAvailability, saveRepAvailability, type RepAvailabilityView } from "../../../use-cases/settings/rep-availability";
import { saveBrandLogo } from "../../../use-cases/settings/brand-logo";
import { addOffering, offeringsOf, replaceOffering, replaceRouting, testRouting } from "../../../use-cases/settings/offering-settings";
import { addRep, deactivateRep, editRep, reactivateRep, teamOf, type TeamMemberView } from "../../../use-cases/settings/team";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import { consoleCaller, requireAccessTo, requireManager } from "../console-auth";
import { availabilityBody, logoUploadBody, newTeamMemberBody, offeringBody, routingBody, routingTestBody, settingsDocument, teamMemberBody } from "../console-schemas";
import { HttpError, jsonBody, type Route, type RouteRequest, type RouteResponse } from "../http-route";

/** The whole document may pass the API's usual 16 KB. */
const SETTINGS_MAX_BODY_BYTES = 256 * 1024;

/** Base64 of the largest logo (256 KB) with room to spare: a larger file gets the 422 that names its size. */
const LOGO_UPLOAD_MAX_BODY_BYTES = 1024 * 1024;

const etag = (version: number) => `"${version}"`;

/** The version the caller's change is based on: If-Match's (428 when absent; a value that is no version matches none). */
function basedOn(request: RouteRequest, current: number): number {
  const header = request.headers["if-match"];
  if (!header) throw new HttpError(428, "precondition_required", "Send If-Match with the version you loaded (the ETag of the GET).", "If-Match");
  const match = /^(?:W\/)?"?(\d{1,10})"?$/.exec(header.trim());
  if (!match) throw new VersionMoved(current);
  return Number(match[1]);
}

function settingsAnswer(settings: SettingsInForce): RouteResponse {
  return { statusCode: 200, headers: { etag: etag(settings.version) }, json: { version: settings.version, savedAt: settings.savedAt, savedBy: settings.savedBy, settings: settings.config } };
}

/** A manager's change to the document, based on If-Match's version (checked before the body is read). */
async function managerSave(deps: UseCaseDependencies, request: RouteRequest, save: (version: number, savedBy: string) => Promise<SettingsInForce>): Promise<RouteResponse> {
  const caller = await consoleCaller(deps, request);
  requireManager(caller);
  return settingsAnswer(await save(basedOn(request, deps.settings.current().version), caller.rep.id));
}

function availabilityAnswer(view: RepAvailabilityView): RouteResponse {
  return { statusCode: 200, headers: { etag: etag(view.version) }, json: view };
}

function offeringsAnswer(settings: SettingsInForce, statusCode = 200): RouteResponse {
  return { statusCode, headers: { etag: etag(settings.version) }, json: offeringsOf(settings) };
}

function teamMemberAnswer(version: number, rep: TeamMemberView, statusCode = 200): RouteResponse {
  return { statusCode, headers: { etag: etag(version) }, json: { version, rep } };
}

/** A manager's change of the team: the caller and the version it is based on (If-Match). */
async function managerChange(deps: UseCaseDependencies, request: RouteRequest) {
  const caller = await consoleCaller(deps, request);
  requireManager(caller);
  return { caller, version: basedOn(request, deps.settings.current().version) };
}

export function settingsRoutes(deps: UseCaseDependencies): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/settings",
      handle: async (request) => {
        requireManager(await consoleCaller(deps, request));
        return settingsAnswer(deps.settings.current());
      },
    },
    {
      method: "PUT",
      pattern: "/api/settings",
      maxBodyBytes: SETTINGS_MAX_BODY_BYTES,
      handle: (request) => managerSave(deps, request, (version, savedBy) => deps.settings.replace(jsonBody(request, settingsDocument), version, savedBy, validSettings)),
    },
    {
      method: "GET",
      pattern: "/api/settings/history",
      handle: async (request) => {
        requireManager(await consoleCaller(deps, request));
        const versions = await deps.settings.history();
        return { statusCode: 200, headers: { etag: etag(deps.settings.current().version) }, json: { versions } };
      },
    },
    {
      method: "POST",
      pattern: "/api/settings/history/{version}/restore",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        requireManager(caller);
        const version = Number(request.params.version);
        if (!Number.isInteger(version) || version < 1) throw new HttpError(404, "not_found", `There is no settings version ${request.params.version}.`);
        return settingsAnswer(await deps.settings.restore(version, basedOn(request, deps.settings.current().version), caller.rep.id, validSettings));
      },
    },
    {
      method: "GET",
      pattern: "/api/settings/reps/{repId}/availability",
      handle: async (request) => {
        requireAccessTo(await consoleCaller(deps, request), request.params.repId!);
        return availabilityAnswer(await repAvailability(deps, request.params.repId!));
      },
    },
    {
      method: "PUT",
      pattern: "/api/settings/reps/{repId}/availability",
      handle: async (request) => {
        const caller = await consoleCaller(deps, request);
        requireAccessTo(caller, request.params.repId!);
        const version = basedOn(request, deps.settings.current().version);
        return availabilityAnswer(await saveRepAvailability(deps, request.params.repId!, jsonBody(request, availabilityBody), version, caller.rep.id));
      },
    },
    {
      method: "PUT",
      pattern: "/api/settings/brand/logo",
      maxBodyBytes: LOGO_UPLOAD_MAX_BODY_BYTES,
      handle: (request) =>
        managerSave(deps, request, (version, savedBy) => {
          const upload = jsonBody(request, logoUploadBody);
          return saveBrandLogo(deps, { contentType: upload.contentType, bytes: Buffer.from(upload.data, "base64") }, version, savedBy);
        }),
    },
    {
      method: "GET",
      pattern: "/api/settings/reps",
      handle: async (request) => {
        requireManager(await consoleCaller(deps, request));
        const team = teamOf(deps.settings.current());
        return { statusCode: 200, headers: { etag: etag(team.version) }, json: team };
      },
    },
    {
      method: "POST",
      pattern: "/api/settings/reps",
      handle: async (request) => {
        const { caller, version } = await managerChange(deps, request);
        const rep = await addRep(deps, jsonBody(request, newTeamMemberBody), version, caller.rep.id);
        return teamMemberAnswer(deps.settings.current().version, rep, 201);
      },
    },
    {
      method: "PUT",
      pattern: "/api/settings/reps/{repId}",
      handle: async (request) => {
        const { caller, version } = await managerChange(deps, request);
        const rep = await editRep(deps, request.params.repId!, jsonBody(request, teamMemberBody), version, caller.rep.id);
        return teamMemberAnswer(deps.settings.current().version, rep);
      },
    },
    {
      method: "POST",
      pattern: "/api/settings/reps/{repId}/deactivate",
      handle: async (request) => {
        const { caller, version } = await managerChange(deps, request);
        const done = await deactivateRep(deps, request.params.repId!, version, caller.rep);
        return { statusCode: 200, headers: { etag: etag(done.version) }, json: done };
      },
    },
    {
      method: "POST",
      pattern: "/api/settings/reps/{repId}/reactivate",
      handle: async (request) => {
        const { caller, version } = await managerChange(deps, request);
        const rep = await reactivateRep(deps, request.params.repId!, version, caller.rep.id);
        return teamMemberAnswer(deps.settings.current().version, rep);
      },
    },
    {
      method: "GET",
      pattern: "/api/settings/offerings",
      handle: async (request) => {
        requireManager(await consoleCaller(deps, request));
        return offeringsAnswer(deps.settings.current());
      },
    },
    {
      method: "POST",
      pattern: "/api/settings/offerings",
      maxBodyBytes: SETTINGS_MAX_BODY_BYTES,
      handle: async (request) => {
        const { caller, version } = await managerChange(deps, request);
        return offeringsAnswer(await addOffering(deps, jsonBody(request, offeringBody), version, caller.rep.id), 201);
      },
    },
    {
      method: "PUT",
      pattern: "/api/settings/offerings/{offeringId}",
      maxBodyBytes: SETTINGS_MAX_BODY_BYTES,
      handle: async (request) => {
        const { caller, version } = await managerChange(deps, request);
        return offeringsAnswer(await replaceOffering(deps, request.params.offeringId!, jsonBody(request, offeringBody), version, caller.rep.id));
      },
    },
    {
      method: "PUT",
      pattern: "/api/settings/routing",
      maxBodyBytes: SETTINGS_MAX_BODY_BYTES,
      handle: async (request) => {
        const { caller, version } = await managerChange(deps, request);
        return offeringsAnswer(await replaceRouting(deps, jsonBody(request, routingBody), version, caller.rep.id));
      },
    },
    {
      method: "POST",
      pattern: "/api/settings/routing/test",
      maxBodyBytes: SETTINGS_MAX_BODY_BYTES,
      handle: async (request) => {
        requireManager(await consoleCaller(deps, request));
        const { answers, offering, routing } = jsonBody(request, routingTestBody);
        return { statusCode: 200, json: await testRouting(deps, answers, offering, routing) };
      },
    },
  ];
}
