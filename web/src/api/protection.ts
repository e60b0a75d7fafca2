// Web: the pages' part in abuse protection. At load the ALTCHA widget (altcha.js, invisible) fetches a
// challenge from GET /api/challenge and solves it in a worker; each public write takes that solution and the
// honeypot's value (a field people never see), and the widget starts on the next one at once, carrying the
// page's stamp (the moment of its first challenge). A write waits, if it must, until the server's minimum
// time after the page's first challenge has passed: a person never notices, a bot must wait.

/** The widget's methods the page uses (the element is defined by altcha.js). */
interface AltchaWidget extends HTMLElement {
  configure(config: Record<string, unknown>): Promise<void>;
  reset(): void;
  verify(): Promise<{ payload?: string } | null>;
}

export interface ProtectionFields {
  altcha?: string;
  website: string;
}

interface Solved {
  payload?: string;
  /** When this page may first send (performance.now()). */
  sendableAt: number;
}

let widget: AltchaWidget | undefined;
let stamp: string | undefined;
let sendableAt: number | undefined;
let next: Promise<Solved> | undefined;

/** Starts solving the page's first challenge; call once at load. */
export function startProtection(): void {
  next ??= solve();
}

/** The protection fields of one public write: a fresh solution (used once) and the honeypot's value. */
export async function protectionFields(form: HTMLFormElement): Promise<ProtectionFields> {
  const solved = await (next ?? solve());
  next = solve();
  const wait = solved.sendableAt - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  const honeypot = form.querySelector<HTMLInputElement>('input[name="website"]');
  return { ...(solved.payload ? { altcha: solved.payload } : {}), website: honeypot?.value ?? "" };
}

async function solve(): Promise<Solved> {
  try {
    widget ??= await mountedWidget();
    await widget.configure({
      challenge: `/api/challenge${stamp ? `?stamp=${encodeURIComponent(stamp)}` : ""}`,
      display: "invisible",
      auto: "off",
      minDuration: 0,
      hideLogo: true,
      hideFooter: true,
    });
    widget.reset();
    const result = await widget.verify();
    const payload = result?.payload;
    if (payload) {
      const data = (JSON.parse(atob(payload)) as { challenge: { parameters: { data: { stamp: string; minFormMs: number } } } }).challenge.parameters.data;
      stamp = data.stamp;
      sendableAt ??= performance.now() + data.minFormMs;
    }
    return { payload, sendableAt: sendableAt ?? 0 };
  } catch {
    // No solution: the write is sent without one, and the server's answer says what to do.
    return { sendableAt: sendableAt ?? 0 };
  }
}

/** The widget, once altcha.js has defined it and it has mounted (its methods appear only then). */
async function mountedWidget(): Promise<AltchaWidget> {
  await customElements.whenDefined("altcha-widget");
  const element = document.createElement("altcha-widget") as AltchaWidget;
  element.hidden = true;
  document.body.append(element);
  for (let frame = 0; frame < 100 && typeof element.configure !== "function"; frame++) await new Promise((resolve) => setTimeout(resolve, 20));
  return element;
}
