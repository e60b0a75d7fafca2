// Entry: the inbound-text Lambda — subscribed to the two-way SNS topic of the stack's SMS origination
// identity (only when one is configured): STOP opts the number out, HELP is answered, any other reply goes
// to the lead's history and rep (text-inbound.ts → use-cases/texts/receive-text.ts). It sends nothing itself: the
// HELP answer and the rep's e-mail are outbox items, so it carries no SMS client. Locally the runtime builds
// the same SNS event for POST /api/_local/texts/inbound.

import { createHandlerDependencies } from "./handler-dependencies";
import { observed } from "./observability";
import { createTextInboundHandler, type SnsEvent } from "./text-inbound";

const dependencies = await createHandlerDependencies();
const handle = createTextInboundHandler(dependencies);

export const handler = observed(dependencies.observability, async (event: SnsEvent) => handle(event));
