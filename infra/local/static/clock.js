// Local runtime: the clock page's script (served only by `npm start`).
const now = document.getElementById("clock-now");
const offset = document.getElementById("clock-offset");
const status = document.getElementById("clock-status");

function show(state) {
  now.textContent = new Date(state.now).toLocaleString();
  offset.textContent = state.offsetMinutes ? `(${state.offsetMinutes} minutes ahead of real time)` : "";
}

async function advance(minutes) {
  status.textContent = "Moving time…";
  const response = await fetch("/api/_local/clock", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ advanceMinutes: minutes }) });
  const state = await response.json();
  if (!response.ok) {
    status.textContent = state.error?.message ?? "That did not work.";
    return;
  }
  show(state);
  status.textContent = `Moved ${minutes} minutes; ${state.fired} timer${state.fired === 1 ? "" : "s"} fired.`;
}

for (const button of document.querySelectorAll("[data-minutes]")) button.addEventListener("click", () => advance(Number(button.dataset.minutes)));
document.getElementById("advance-custom").addEventListener("click", () => advance(Number(document.getElementById("custom-minutes").value)));
fetch("/api/_local/clock").then((r) => r.json()).then(show);
