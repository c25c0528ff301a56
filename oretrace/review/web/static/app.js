// Keyboard shortcuts for the review workspace. Reads only data attributes and links the server rendered;
// never builds HTML from data (no innerHTML), so nothing extracted from a document can become markup here.
"use strict";

function typing(event) {
  const el = event.target;
  return el instanceof HTMLElement && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

function queueKeys() {
  const rows = Array.from(document.querySelectorAll("#queue-table tr.row"));
  let index = rows.length ? 0 : -1;
  const select = (i) => {
    if (!rows.length) return;
    rows.forEach((r) => r.classList.remove("selected"));
    index = Math.max(0, Math.min(rows.length - 1, i));
    rows[index].classList.add("selected");
    rows[index].scrollIntoView({ block: "nearest" });
  };
  if (rows.length) select(0);
  rows.forEach((row, i) =>
    row.addEventListener("click", (event) => {
      if (event.target instanceof HTMLAnchorElement) return;
      select(i);
      window.location.assign(row.dataset.href);
    }),
  );
  document.addEventListener("keydown", (event) => {
    if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j") select(index + 1);
    else if (event.key === "k") select(index - 1);
    else if ((event.key === "Enter" || event.key === "o") && index >= 0) window.location.assign(rows[index].dataset.href);
    else if (event.key === "/") {
      event.preventDefault();
      document.getElementById("f-shipment")?.focus();
    } else return;
    event.preventDefault();
  });
}

// A decision is half-entered once an action is chosen or the note has text. Until it is saved or cleared,
// single-key shortcuts do nothing: a letter typed while the note box has lost focus must never choose an
// action or move to another finding.
function findingKeys() {
  const form = document.getElementById("decision-form");
  const note = document.getElementById("note");
  const hint = document.getElementById("decision-hint");
  const chosen = () => (form ? form.querySelector('input[name="action"]:checked') : null);
  const halfEntered = () => Boolean(form && (chosen() || note.value.trim() !== ""));
  const say = (text) => {
    if (hint) hint.textContent = text;
  };
  const choose = (action) => {
    const radio = document.getElementById("action-" + action);
    if (!form || !radio) return;
    radio.checked = true;
    note.focus();
  };
  if (form) {
    // The browser checks `required` (an action and a note); a note of blanks is caught here.
    note.addEventListener("input", () => note.setCustomValidity(""));
    form.addEventListener("submit", (event) => {
      if (note.value.trim() === "") {
        event.preventDefault();
        note.setCustomValidity("Write a note: it is required for this decision.");
        note.reportValidity();
        note.focus();
      }
    });
    form.addEventListener("invalid", () => say("Choose a decision and write a note, then save."), true);
  }
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      // Saves only from inside this finding's form, never from elsewhere on the page.
      if (form && event.target instanceof Node && form.contains(event.target)) {
        event.preventDefault();
        form.requestSubmit();
      }
      return;
    }
    if (event.key === "Escape" && typing(event)) {
      event.target.blur();
      return;
    }
    if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    const keys = { c: "confirm", d: "dismiss", e: "escalate", n: "next", u: "queue" };
    if (!keys[event.key]) return;
    if (halfEntered()) {
      event.preventDefault();
      say("Shortcuts are paused while a decision is being entered: save it or clear it first.");
      note.focus();
      return;
    }
    event.preventDefault();
    if (event.key === "n") {
      const next = document.getElementById("next-finding");
      if (next) window.location.assign(next.href);
    } else if (event.key === "u") {
      window.location.assign("/");
    } else {
      choose(keys[event.key]);
    }
  });
}

function rowLinks() {
  document.querySelectorAll("#shipment-findings tr.row").forEach((row) =>
    row.addEventListener("click", (event) => {
      if (!(event.target instanceof HTMLAnchorElement)) window.location.assign(row.dataset.href);
    }),
  );
}

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  if (page === "queue") queueKeys();
  else if (page === "finding") findingKeys();
  else if (page === "shipment") rowLinks();
});
