// Web: how the console builds its markup — elements made one by one, every string a text node or an
// attribute value, never parsed as HTML — and the only link targets it writes (tel:, mailto:, http(s)).
// Lead names, companies and notes come from strangers: "<img src=x onerror=…>" must stay text.

export type Child = Node | string | false | null | undefined;

/** `<tag attr=…>children</tag>`; strings become text nodes. Event handler attributes are refused. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (/^on/i.test(name)) throw new Error(`h(): event handler attribute ${name} refused; use addEventListener`);
    element.setAttribute(name, value);
  }
  element.append(...children.filter((child): child is Node | string => child !== false && child !== null && child !== undefined));
  return element;
}

/** "tel:+33123456789" for a dialable number (digits, one leading +), else undefined. */
export function telHref(phone: string | undefined): string | undefined {
  const digits = (phone ?? "").replace(/[\s().-]/g, "");
  return /^\+?\d{3,20}$/.test(digits) ? `tel:${digits}` : undefined;
}

/** "mailto:…" for an address without characters that would change the link's meaning. */
export function mailtoHref(email: string | undefined): string | undefined {
  return email && /^[^\s?#&/:<>"]+@[^\s?#&/:<>"]+$/.test(email) ? `mailto:${email}` : undefined;
}

/** The URL if it is http(s) (a join link), else undefined: no javascript: or data: links. */
export function httpHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
