// Web: the company's brand on a prospect page (GET /api/brand) — its name and logo above the page, its colour
// on buttons, links and focus rings, its font. The light scheme only takes the colour: config guarantees
// white text reads on it, not that it reads as text on a dark page, so the dark scheme keeps its own light
// accent. A framed page (the embed) shows no name bar: the company's own site is around it. Without an
// answer the page keeps its default look.

import { apiRequest } from "../api/api-client";
import type { Brand } from "../api/api-types";

export async function applyBrand(): Promise<Brand | undefined> {
  const answer = await apiRequest<Brand>("/api/brand", { timeoutMs: 5_000 });
  if (!answer.ok) return undefined;
  const brand = answer.data;
  colour(brand);
  if (brand.fontStack) document.body.style.fontFamily = `${brand.fontStack}, system-ui, sans-serif`;
  const page = document.querySelector("main.page");
  if (page && window.self === window.top && !document.querySelector(".brand-bar")) page.prepend(brandBar(brand));
  return brand;
}

function colour(brand: Brand): void {
  if (!brand.primaryColor || window.matchMedia("(prefers-color-scheme: dark)").matches) return;
  const root = document.documentElement.style;
  root.setProperty("--accent", brand.primaryColor);
  root.setProperty("--accent-hover", brand.hoverColor ?? brand.primaryColor);
  root.setProperty("--focus", brand.primaryColor);
  root.setProperty("--on-accent", "#ffffff");
}

/** The logo (decorative: the name follows it) and the company's name. */
function brandBar(brand: Brand): HTMLElement {
  const bar = document.createElement("p");
  bar.className = "brand-bar";
  if (brand.logo) {
    const logo = document.createElement("img");
    logo.className = "brand-logo";
    logo.src = brand.logo;
    logo.alt = "";
    bar.append(logo);
  }
  const name = document.createElement("span");
  name.className = "brand-name";
  name.textContent = brand.company;
  bar.append(name);
  return bar;
}
