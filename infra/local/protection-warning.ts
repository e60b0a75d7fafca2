// Local runtime: the warning `npm start` prints when abuse protection is switched off
// (LIVELINE_PROTECTION=off, meant for load tests and benches only).

export function protectionWarning(env: NodeJS.ProcessEnv): string | undefined {
  if (env.LIVELINE_PROTECTION !== "off") return undefined;
  return [
    "WARNING: abuse protection is OFF (LIVELINE_PROTECTION=off): public writes need no proof-of-work",
    "challenge and have no rate limits. Use this for load tests and benches only; unset it otherwise.",
  ].join("\n");
}
