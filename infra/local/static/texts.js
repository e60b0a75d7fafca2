// Local runtime: the texts part of the local page (served only by `npm start`) — the local sink's texts
// (GET /api/_local/texts) and a prospect's reply played through the inbound-text handler.
const list = document.getElementById("texts-list");
const empty = document.getElementById("texts-empty");
const status = document.getElementById("texts-status");

async function refresh() {
  const { texts } = await (await fetch("/api/_local/texts")).json();
  list.replaceChildren(
    ...texts
      .slice()
      .reverse()
      .map((text) => {
        const item = document.createElement("li");
        const head = document.createElement("strong");
        head.textContent = `To ${text.to}, ${new Date(text.at).toLocaleString()}`;
        const body = document.createElement("pre");
        body.textContent = text.body;
        // A join link is one long word: wrapped, so a phone-wide page does not scroll sideways.
        body.style.whiteSpace = "pre-wrap";
        body.style.overflowWrap = "anywhere";
        item.append(head, body);
        return item;
      }),
  );
  empty.hidden = texts.length > 0;
}

document.getElementById("texts-refresh").addEventListener("click", refresh);
document.getElementById("texts-reply").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch("/api/_local/texts/inbound", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ from: form.get("from"), body: form.get("body") }) });
  const answer = await response.json();
  status.textContent = response.ok ? `Reply received: ${answer.outcomes.join(", ")}.` : (answer.error?.message ?? "That did not work.");
  await refresh();
});
refresh();
