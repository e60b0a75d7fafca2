// Bench: how close the texts come to their 2-segment limit — every text in every language composed with
// long but real values (test/support/long-texts.ts); the longest, in segments, with its encoding and units
// (GSM-7 septets or UCS-2 code units; 2 segments hold 306 or 134).

import { LANGUAGES } from "../../functions/core/messages/catalogue";
import { countSegments } from "../../functions/core/texts/sms-segments";
import { longTexts } from "../support/long-texts";

export function benchTextSegments(print: (line: string) => void): void {
  const counted = LANGUAGES.flatMap((language) => Object.entries(longTexts(language)).map(([name, text]) => ({ where: `${language}/${name}`, ...countSegments(text) })));
  const longest = counted.sort((a, b) => b.segments - a.segments || b.units - a.units)[0]!;
  print(`text segments: longest text ${longest.segments} segments (${longest.where}, ${longest.encoding}, ${longest.units} units)`);
}
