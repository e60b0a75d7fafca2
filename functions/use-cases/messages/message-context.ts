// Use cases: who every e-mail comes from — the company with its brand (the logo at the site's public
// address, since a mail program has no page to resolve a path against), the sender, the moment, and the site
// address signed links are shown short under (core/messages/short-links.ts).
// One builder for every message, so a brand reaches all of them.

import type { CompanyIdentity } from "../../core/messages/brand";
import type { MessageContext } from "../../core/bookings/lifecycle-messages";
import type { UseCaseDependencies } from "../use-case-dependencies";

export function messageContext(deps: Pick<UseCaseDependencies, "catalogue" | "publicUrl">, now: Date): MessageContext {
  return { now, company: companyIdentity(deps), sender: deps.catalogue.config.sender, linkBase: deps.publicUrl };
}

export function companyIdentity(deps: Pick<UseCaseDependencies, "catalogue" | "publicUrl">): CompanyIdentity {
  const { name, brand } = deps.catalogue.config.company;
  if (!brand) return { name };
  const logoUrl = brand.logo ? `${deps.publicUrl.replace(/\/+$/, "")}/${brand.logo}` : undefined;
  return { name, brand: { primaryColor: brand.primaryColor, ...(logoUrl ? { logoUrl } : {}), ...(brand.fontStack ? { fontStack: brand.fontStack } : {}) } };
}
