// HTTP API: an error's words in the request's language — the body's `language` when Liveline writes it, else
// Accept-Language (request-language.ts), else English — while its code and field stay as they are. The API's
// own English wording (validation, use cases, protection) is matched against the catalogues' api.* English
// templates (core/messages/catalogues/api/en.ts), and the same key is filled in the request's language with the values the
// match carried; a wording no template knows stays English.

import { chooseLanguage, type KeyOf, type Language, messagesIn } from "../../core/messages/catalogue";
import { API_WORDS } from "../../core/messages/catalogues/api";

const message = messagesIn(API_WORDS);
type MessageKey = KeyOf<typeof API_WORDS>;

interface Template {
  key: MessageKey;
  names: string[];
  pattern: RegExp;
}

const PLACEHOLDER = /\{(\w+)\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The English templates under `prefix`, those with the most fixed words first (so "at least {n} characters" wins over "at least {n}"). */
function templates(prefix: string): Template[] {
  return (Object.keys(API_WORDS.en) as MessageKey[])
    .filter((key) => key.startsWith(prefix))
    .map((key) => {
      const english = API_WORDS.en[key];
      const names = Array.from(english.matchAll(PLACEHOLDER), (match) => match[1]!);
      const pattern = new RegExp(`^${english.split(PLACEHOLDER).map((part, index) => (index % 2 === 1 ? "(.+?)" : escapeRegExp(part))).join("")}$`);
      return { key, names, pattern, fixed: english.replace(PLACEHOLDER, "").length };
    })
    .sort((a, b) => b.fixed - a.fixed);
}

/** Built on the first error answered in another language: most cold starts answer none, in English or at all. */
let problems: Template[] | undefined;
let messages: Template[] | undefined;
const problemTemplates = () => (problems ??= templates("api.problem."));
const messageTemplates = () => (messages ??= templates("api.message."));

function translate(english: string, language: Language, known: () => readonly Template[]): string {
  if (language === "en") return english;
  for (const template of known()) {
    const match = template.pattern.exec(english);
    if (match) return message(language, template.key, Object.fromEntries(template.names.map((name, index) => [name, match[index + 1]!])));
  }
  return english;
}

/** "Name is required." / "Name: ist erforderlich." — a field's label (its name when it has none) and what is wrong with it. */
export function fieldProblem(field: string, problem: string, language: Language): string {
  const labelKey = `api.field.${field}` as MessageKey;
  const label = Object.hasOwn(API_WORDS.en, labelKey) ? message(language, labelKey) : field;
  return message(language, "api.fieldProblem", { label, problem: translate(problem.replace(/\.$/, ""), language, problemTemplates) });
}

/** A whole message (a refusal, a limit) in `language`, when the catalogues know its English. */
export function errorMessage(english: string, language: Language): string {
  return translate(english, language, messageTemplates);
}

/** The language of a request's error: its body's `language` (when the body is JSON with one), else Accept-Language. */
export function errorLanguage(body: string | undefined, acceptLanguage: string | undefined): Language {
  let chosen: unknown;
  try {
    chosen = body ? (JSON.parse(body) as { language?: unknown })?.language : undefined;
  } catch {
    chosen = undefined;
  }
  return chooseLanguage(typeof chosen === "string" ? chosen : undefined, acceptLanguage);
}
