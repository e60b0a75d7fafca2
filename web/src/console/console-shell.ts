// Web: what the console's service worker may keep — the app shell (page, script, styles, icon, manifest)
// and nothing else. API answers hold leads' names and numbers: they are never cached, not even offline.

export const SHELL_CACHE = "liveline-console-shell-v1";

/** The files that make the console open without a network. */
export const SHELL_FILES: readonly string[] = ["/console", "/console.js", "/styles.css", "/favicon.svg", "/manifest.webmanifest"];

/** Whether the worker answers this request from the shell (network first, the cached copy when offline). */
export function isShellRequest(method: string, url: string, origin: string): boolean {
  if (method !== "GET") return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.origin !== origin || parsed.pathname.startsWith("/api/") || parsed.pathname === "/api") return false;
  return SHELL_FILES.includes(shellPath(parsed.pathname));
}

/** "/console.html" is the page "/console" (the same file under its short address). */
export function shellPath(pathname: string): string {
  return pathname === "/console.html" ? "/console" : pathname;
}
