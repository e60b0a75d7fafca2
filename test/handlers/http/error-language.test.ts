// The API's error words in the request's language (handlers/http/error-language.ts): each known English wording
// (a field's label and what is wrong with it, a refusal, a limit) in German, French and Spanish, its values
// carried over; English unchanged; an unknown wording stays English; the language from the body, else
// Accept-Language. Codes and fields are not words: they stay as they are (the route test below).
import { describe, expect, it } from "vitest";
import { type KeyOf, LANGUAGES, messagesIn } from "../../../functions/core/messages/catalogue";
import { API_WORDS } from "../../../functions/core/messages/catalogues/api";
import { errorLanguage, errorMessage, fieldProblem } from "../../../functions/handlers/http/error-language";
import { createLifecycle } from "../../support/lifecycle-harness";

type MessageKey = KeyOf<typeof API_WORDS>;
const message = messagesIn(API_WORDS);

/** An English template filled with sample values: 12 for each {placeholder}. */
const sample = (key: MessageKey) => API_WORDS.en[key].replace(/\{(\w+)\}/g, "12");
const keysUnder = (prefix: string) => (Object.keys(API_WORDS.en) as MessageKey[]).filter((key) => key.startsWith(prefix));

describe("the API's error words", () => {
  it("a field's problem in German, French and Spanish, English unchanged", () => {
    expect(fieldProblem("email", "is required", "de")).toBe("E-Mail: ist erforderlich.");
    expect(fieldProblem("name", "must be at most 120 characters", "fr")).toBe("Nom : doit contenir au plus 120 caractères.");
    expect(fieldProblem("teamSize", "must be at least 1", "es")).toBe("Tamaño del equipo: debe ser al menos 1.");
    expect(fieldProblem("timeZone", '"Mars/Base" is not a known IANA time zone (e.g. Europe/Berlin)', "de")).toBe("Zeitzone: „Mars/Base“ ist keine bekannte IANA-Zeitzone (z. B. Europe/Berlin).");
    expect(fieldProblem("teamSize", "must be at least 1", "en")).toBe("Team size must be at least 1.");
    expect(fieldProblem("email", "is required.", "en")).toBe("E-mail is required.");
  });

  it("keeps a wording the catalogues do not know in English, and a field without a label by its name", () => {
    expect(fieldProblem("colleagues[2]", "is something new", "de")).toBe("colleagues[2]: is something new.");
    expect(errorMessage("A refusal nobody translated.", "fr")).toBe("A refusal nobody translated.");
  });

  it.each(LANGUAGES)("finds every known wording in %s, its values carried over", (language) => {
    for (const key of keysUnder("api.problem.")) {
      expect(fieldProblem("phone", sample(key), language), key).toBe(message(language, "api.fieldProblem", { label: message(language, "api.field.phone"), problem: message(language, key, { minimum: 12, maximum: 12, zone: 12 }) }));
    }
    for (const key of keysUnder("api.message.")) expect(errorMessage(sample(key), language), key).toBe(message(language, key, { max: 12, count: 12 }));
  });

  it("takes the body's language first, else the best of Accept-Language, else English", () => {
    expect(errorLanguage('{"language":"es-MX","email":""}', "de-DE,de;q=0.9")).toBe("es");
    expect(errorLanguage('{"email":""}', "fr-FR,fr;q=0.9")).toBe("fr");
    expect(errorLanguage("not json", "de")).toBe("de");
    expect(errorLanguage(undefined, undefined)).toBe("en");
  });
});

describe("an error answered to a German browser", () => {
  it("names the same code and field, its message in German (and in English without Accept-Language)", async () => {
    const life = await createLifecycle("2026-11-30T06:00:00Z");
    const body = { offering: "live-demo", start: "2026-12-01T17:00:00Z", name: "Jana Schmidt", timeZone: "Europe/Berlin", consent: true };
    const german = await life.api.call("POST", "/api/bookings", body, { "accept-language": "de-DE,de;q=0.9" });
    expect(german.status).toBe(422);
    expect(german.json.error).toMatchObject({ code: "invalid_input", field: "email", message: "E-Mail: ist erforderlich." });
    const spanish = await life.api.call("POST", "/api/bookings", { ...body, language: "es" }, { "accept-language": "de-DE" });
    expect(spanish.json.error).toMatchObject({ code: "invalid_input", field: "email", message: "Correo electrónico: es obligatorio." });
    const english = await life.api.call("POST", "/api/bookings", body);
    expect(english.json.error).toMatchObject({ code: "invalid_input", field: "email", message: "E-mail is required." });
  }, 60_000);
});
