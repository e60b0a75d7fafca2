// Web: the host's API token on the host page — kept in sessionStorage, so it lives only as long as the
// browser tab (never in the address, never in localStorage), and forgotten on request.

export const HOST_TOKEN_KEY = "liveline.hostToken";

/** A bearer token as the API reads it: one run of visible characters. */
const TOKEN = /^\S{1,2000}$/;

export interface HostTokenStore {
  read(): string | undefined;
  /** False when the browser refuses to store (a private window with storage off): the page still works. */
  save(token: string): boolean;
  forget(): void;
}

export function hostTokenStore(storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined): HostTokenStore {
  return {
    read() {
      try {
        const token = storage?.getItem(HOST_TOKEN_KEY) ?? undefined;
        return token !== undefined && TOKEN.test(token) ? token : undefined;
      } catch {
        return undefined;
      }
    },
    save(token) {
      try {
        if (!storage) return false;
        storage.setItem(HOST_TOKEN_KEY, token);
        return true;
      } catch {
        return false;
      }
    },
    forget() {
      try {
        storage?.removeItem(HOST_TOKEN_KEY);
      } catch {
        // Nothing stored, nothing to forget.
      }
    },
  };
}

/** What was pasted, without the spaces and "Bearer " prefix people copy along; "" when nothing usable. */
export function cleanToken(pasted: string): string {
  const token = pasted.trim().replace(/^Bearer\s+/i, "");
  return TOKEN.test(token) ? token : "";
}
