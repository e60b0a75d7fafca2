// HTTP API: GET /api/brand — the company's name, colour (with its hover shade), logo and font, which every
// prospect page and the embed apply (web/src/shared/brand.ts). Cached a minute: a brand change shows within one.

import { darkerShade } from "../../../core/messages/brand";
import type { UseCaseDependencies } from "../../../use-cases/use-case-dependencies";
import type { BrandResponse } from "../api-schemas";
import type { Route } from "../http-route";

export function brandRoute(deps: UseCaseDependencies): Route {
  return {
    method: "GET",
    pattern: "/api/brand",
    handle: async () => ({ statusCode: 200, json: brandBody(deps), headers: { "cache-control": "public, max-age=60" } }),
  };
}

function brandBody(deps: UseCaseDependencies): BrandResponse {
  const { name, brand } = deps.catalogue.config.company;
  if (!brand) return { company: name };
  return {
    company: name,
    primaryColor: brand.primaryColor,
    hoverColor: darkerShade(brand.primaryColor),
    ...(brand.logo ? { logo: brand.logo } : {}),
    ...(brand.fontStack ? { fontStack: brand.fontStack } : {}),
  };
}
