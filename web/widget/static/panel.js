// The widget's panel: launcher, emergency line, privacy text, the log, quick
// replies, the input and the human route. Text is always set as text.
import { renderText } from "./render.js";

const GREETING = "/groet";           // intent groet: the assistant's welcome
const HUMAN = "/medewerker_spreken"; // intent medewerker_spreken: phone route and terugbelverzoek
const STOP = "/stoppen";             // intent stoppen: ends forms, drops an unconfirmed aanmelding

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "text") node.textContent = value;
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else if (value !== false && value != null) node.setAttribute(key, value);
  }
  node.append(...children.filter(Boolean));
  return node;
}

function emergencyLine(text) {
  // The numbers of the line become tel: links; the rest stays text.
  const line = el("p", { class: "wt-nood" });
  let last = 0;
  for (const match of text.matchAll(/\b(112|113|0800-\d{4})\b/g)) {
    line.append(text.slice(last, match.index),
      el("a", { class: "utrecht-link", href: "tel:" + match[0].replace(/\D/g, ""), text: match[0] }));
    last = match.index + match[0].length;
  }
  line.append(text.slice(last));
  return line;
}

export function buildPanel(container, { config, store, connection, logoUrl }) {
  const t = config.texts;
  const launcher = el("button", { type: "button", class: "wt-launcher utrecht-button utrecht-button--primary-action",
    "aria-expanded": "false", "aria-controls": "wt-panel", text: t.openen, onclick: () => open() });
  const title = el("h2", { id: "wt-title", class: "wt-title", text: t.titel });
  const closeButton = el("button", { type: "button", class: "wt-close utrecht-button utrecht-button--secondary-action",
    text: t.sluiten, onclick: () => close() });
  const statusLine = el("p", { class: "wt-status", role: "status" });
  const privacy = el("div", { class: "wt-privacy" },
    el("h3", { class: "wt-privacy-title", text: t.privacy_kop }),
    el("p", { text: t.privacy }),
    el("p", {}, el("a", { class: "utrecht-link", href: t.privacy_url, target: "_blank", rel: "noopener noreferrer" },
      t.privacy_link, el("span", { class: "wt-visually-hidden", text: " " + t.nieuw_venster }))));
  const log = el("div", { class: "wt-log", role: "log", "aria-live": "polite", "aria-label": t.gesprek, tabindex: "0" });
  const typing = el("p", { class: "wt-typing", hidden: true }, el("span", { class: "wt-dots", "aria-hidden": "true" }), t.typen);
  const quick = el("div", { class: "wt-quick", role: "group", "aria-label": t.kies });
  const input = el("textarea", { id: "wt-input", class: "wt-input utrecht-textarea", rows: "2", autocomplete: "off",
    onkeydown: (event) => { if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); submit(); } } });
  const form = el("form", { class: "wt-form", onsubmit: (event) => { event.preventDefault(); submit(); } },
    el("label", { for: "wt-input", class: "wt-label utrecht-form-label", text: t.label_bericht }),
    el("div", { class: "wt-form-row" }, input,
      el("button", { type: "submit", class: "wt-send utrecht-button utrecht-button--primary-action", text: t.versturen })));
  const footer = el("div", { class: "wt-footer" },
    el("button", { type: "button", class: "wt-human utrecht-button utrecht-button--secondary-action", text: t.mens_knop,
      onclick: () => say(t.mens_bericht, HUMAN) }),
    el("button", { type: "button", class: "wt-clear utrecht-button utrecht-button--subtle", text: t.wissen,
      onclick: () => clear() }),
    el("p", { class: "wt-call", text: t.mens_bellen }));
  const panel = el("section", { id: "wt-panel", class: "wt-panel", "aria-labelledby": "wt-title", hidden: true,
    onkeydown: (event) => { if (event.key === "Escape") close(); } },
    el("header", { class: "wt-header" }, logoUrl ? el("img", { src: logoUrl, alt: "", class: "wt-logo" }) : null, title, closeButton),
    emergencyLine(t.nood), statusLine, log, typing, quick, form, footer);
  container.append(el("div", { class: "wt-chat voorbeeld-theme", lang: "nl" }, launcher, panel));

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function entryNode(entry) {
    const who = entry.from === "user" ? t.u_zei : t.assistent_zei;
    const node = el("div", { class: `wt-msg wt-msg--${entry.from}` },
      el("span", { class: "wt-visually-hidden", text: who + " " }));
    node.append(el("p", { class: "wt-text" }, renderText(entry.text, t.nieuw_venster)));
    if (entry.quickReplies) {
      const choices = entry.quickReplies.map((reply) => reply.title).join(" / ");
      node.append(el("span", { class: "wt-visually-hidden", text: ` (${t.kies} ${choices})` }));
    }
    if (entry.queued) node.append(el("p", { class: "wt-queued", text: t.in_wachtrij }));
    return node;
  }

  function renderQuickReplies(replies) {
    quick.replaceChildren(...(replies || []).map((reply) => el("button", {
      type: "button", class: "wt-reply utrecht-button utrecht-button--secondary-action", text: reply.title,
      onclick: () => say(reply.title, reply.payload) })));
  }

  function renderAll() {
    log.replaceChildren(privacy, ...store.transcript.map(entryNode));
    const last = store.transcript[store.transcript.length - 1];
    renderQuickReplies(last && last.from === "bot" ? last.quickReplies : []);
    scrollDown();
  }

  let typingTimer;
  function showTyping(visible) {
    // shown while an answer is awaited; a reply that never comes does not leave it forever
    typing.hidden = !visible;
    clearTimeout(typingTimer);
    if (visible) typingTimer = setTimeout(() => { typing.hidden = true; }, 30000);
  }

  function say(shown, payload) {
    store.clearQuickReplies();
    renderQuickReplies([]);
    const entry = { from: "user", text: shown };
    entry.queued = !connection.send(payload);
    store.add(entry);
    log.append(entryNode(entry));
    showTyping(!entry.queued);
    scrollDown();
    input.focus();
  }

  function submit() {
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    say(text, text);
  }

  function greetOnce() {
    if (store.state.greeted) return;
    store.state.greeted = true;
    store.save();
    connection.send(GREETING);
    showTyping(true);
  }

  // On a small screen the open panel covers the page: the page behind it is
  // made inert, so Tab stays in the chat and nothing hidden gets focus.
  const fullScreen = window.matchMedia("(max-width: 30rem)");
  let madeInert = [];
  function coverPage(covered) {
    madeInert.forEach((node) => { node.inert = false; });
    madeInert = [];
    if (!covered || !fullScreen.matches) return;
    for (let node = container; node && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement ? node.parentElement.children : []) {
        if (sibling !== node && !sibling.inert && !["SCRIPT", "STYLE", "LINK"].includes(sibling.tagName)) {
          sibling.inert = true;
          madeInert.push(sibling);
        }
      }
    }
  }
  fullScreen.addEventListener("change", () => coverPage(!panel.hidden));

  function open({ focus = true } = {}) {
    coverPage(true);
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    store.open = true;
    connection.start();
    greetOnce();
    scrollDown();
    if (focus) input.focus();
  }

  function close() {
    coverPage(false);
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    store.open = false;
    launcher.focus();
  }

  function clear() {
    if (connection.ready) connection.emit(STOP);
    store.reset();
    store.open = true;
    renderAll();
    log.append(el("p", { class: "wt-note", text: t.gewist }));
    connection.newSession();
    greetOnce();
    input.focus();
  }

  renderAll();
  statusLine.textContent = t.verbinden;

  return {
    open,
    botMessage(message) {
      const text = typeof message.text === "string" ? message.text : "";
      const replies = (message.quick_replies || message.buttons || [])
        .filter((reply) => reply && typeof reply.title === "string" && typeof reply.payload === "string");
      if (!text && !replies.length) return;
      showTyping(false);
      const entry = { from: "bot", text, quickReplies: replies.length ? replies : undefined };
      store.add(entry);
      log.append(entryNode(entry));
      renderQuickReplies(replies);
      scrollDown();
    },
    status(state) {
      panel.classList.toggle("wt-offline", state === "offline");
      statusLine.textContent = state === "offline" ? t.verbinding_weg : "";
    },
    flushed() {
      if (!store.transcript.some((entry) => entry.queued)) return;
      store.transcript.forEach((entry) => { delete entry.queued; });
      store.save();
      renderAll();
      showTyping(true);
    },
  };
}
