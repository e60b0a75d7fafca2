// Web: the one-time token of a sign-in link, read from the fragment (#token=…), where it never reaches a
// server log or a Referer.

export function tokenFromFragment(hash: string): string | undefined {
  const token = new URLSearchParams(hash.replace(/^#/, "")).get("token")?.trim();
  return token && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : undefined;
}
