// Local runtime (embed demo): the host site's own script — its contact form's usual handler, Liveline's
// concierge attached to that form, and a log of the events Liveline posts to the page.
const site = document.querySelector('meta[name="liveline-site"]').content;
const form = document.getElementById("site-contact");
const result = document.getElementById("site-contact-result");
const events = document.getElementById("events");

// The site's own submit, as before Liveline: to its own server.
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const response = await fetch("/contact", { method: "POST", body: new URLSearchParams(new FormData(form)) });
  result.textContent = response.ok ? "Thanks, we got your message." : "Sorry, that did not go through.";
});

// Events from Liveline's frames carry its origin; "closed" comes from embed.js on this page itself.
window.addEventListener("message", (event) => {
  const type = event.data && typeof event.data.type === "string" ? event.data.type : "";
  // The three events a host page listens to; the frames' other messages (its height…) are for embed.js.
  if (!["liveline:contact-request", "liveline:booked", "liveline:closed"].includes(type)) return;
  if (event.origin !== site && !(type === "liveline:closed" && event.origin === location.origin)) return;
  const item = document.createElement("li");
  const { type: _type, ...details } = event.data;
  item.textContent = `${type} ${JSON.stringify(details)}`;
  item.dataset.type = type;
  events.append(item);
});

function attachConcierge() {
  window.Liveline.attach(form, {
    offering: "live-demo",
    fields: { name: "full_name", email: "work_email", company: "company_name", interest: "message" },
  });
}
// embed.js loads async: attach now if it is there, else when it says it is ready.
if (window.Liveline) attachConcierge();
else document.addEventListener("liveline:ready", attachConcierge, { once: true });
