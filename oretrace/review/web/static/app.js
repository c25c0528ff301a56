// Keyboard shortcuts, page zoom and evidence links for the review workspace. Reads only data attributes and
// links the server rendered; never builds HTML from data (no innerHTML), so nothing extracted from a document
// can become markup here. Sizes are set through element.style (CSSOM), which the CSP allows.
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

// Zoom buttons of each page figure: fit to the figure's width, or 100 % / 200 % of the screen image's own
// pixels (200 % loads the full-size rendering, so small print stays sharp). Buttons only: no keys, so
// nothing competes with the finding page's letter shortcuts.
function pageZoom() {
  document.querySelectorAll(".page-figure").forEach((figure) => {
    const img = figure.querySelector(".page-img");
    const frame = figure.querySelector(".page-frame");
    const buttons = Array.from(figure.querySelectorAll("button[data-zoom]"));
    const zoom = (level) => {
      if (level !== "fit") {
        if (!figure.dataset.baseWidth) {
          if (!img.complete || !img.naturalWidth) return; // not loaded (or not shown): nothing to scale
          figure.dataset.baseWidth = String(img.naturalWidth);
        }
        if (level === "2" && img.dataset.full) {
          img.src = img.dataset.full;
          delete img.dataset.full;
        }
      }
      frame.style.width = level === "fit" ? "" : `${Number(figure.dataset.baseWidth) * Number(level)}px`;
      figure.classList.toggle("zoomed", level !== "fit");
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.zoom === level)));
    };
    buttons.forEach((b) => b.addEventListener("click", () => zoom(b.dataset.zoom)));
  });
}

// Row n of the values table and box n on the page belong together: clicking either highlights both; a row
// brings its box into view (inside a zoomed page too), a box its row.
function evidenceLinks() {
  const rows = Array.from(document.querySelectorAll("tr[data-n]"));
  const marks = Array.from(document.querySelectorAll(".overlay .evidence[data-n]"));
  const show = (n, target) => {
    [...rows, ...marks].forEach((el) => el.classList.toggle("active", el.dataset.n === n));
    if (target === "box") {
      const mark = marks.find((m) => m.dataset.n === n);
      mark?.querySelector(".evidence-box").scrollIntoView({ block: "center", inline: "center" });
    } else {
      rows.find((r) => r.dataset.n === n)?.scrollIntoView({ block: "nearest" });
    }
  };
  rows.forEach((row) =>
    row.addEventListener("click", (event) => {
      if (event.target instanceof Element && event.target.closest("a")) return;
      show(row.dataset.n, "box");
    }),
  );
  marks.forEach((mark) => mark.addEventListener("click", () => show(mark.dataset.n, "row")));
}

document.addEventListener("DOMContentLoaded", () => {
  const page = document.body.dataset.page;
  if (page === "queue") queueKeys();
  else if (page === "finding") findingKeys();
  else if (page === "shipment") rowLinks();
  if (page === "finding" || page === "viewer") {
    pageZoom();
    evidenceLinks();
  }
});
