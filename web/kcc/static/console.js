// The KCC console: the conversation on the left, the live triage card on the right.
// The transcript stays in this tab's sessionStorage (per conversation id), so a reload continues.
import { copy, get, post } from "./api.js";
import { clearCard, renderCard, renderOffers } from "./card.js";
import { el, fill, marked } from "./dom.js";

const $ = (id) => document.getElementById(id);
const root = $("kcc");
const input = $("kcc-invoer");
const KEY = "kcc-console";

let state = load(root.dataset.gesprek);

function load(gesprek) {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    if (saved && saved.gesprek === gesprek) return saved;
  } catch { /* a broken entry starts anew */ }
  return { gesprek, regels: [], getypt: [], kaart: null, markeringen: [], vraag: "", knoppen: [] };
}

function save() {
  sessionStorage.setItem(KEY, JSON.stringify(state));
}

function status(text) {
  $("kcc-status").textContent = text;
}

function showError(text) {
  $("kcc-fout").textContent = text;
  $("kcc-fout").hidden = !text;
}

function render() {
  const items = state.regels.map((regel) => {
    const mine = regel.wie === "medewerker";
    const spans = mine ? state.markeringen.filter((m) => m.bericht === regel.index) : [];
    return el("li", { className: `kcc-regel kcc-regel--${regel.wie}` }, [
      el("span", { className: "kcc-regel__wie", text: mine ? "U typte: " : "Assistent: " }),
      el("span", { className: "kcc-regel__tekst" }, mine ? marked(regel.tekst, spans) : [document.createTextNode(regel.tekst)]),
    ]);
  });
  fill($("kcc-transcript"), items);
  $("kcc-transcript").lastElementChild?.scrollIntoView({ block: "nearest" });
  $("kcc-suggestie").textContent = state.vraag;
  $("kcc-suggestie-blok").hidden = !state.vraag;
  fill($("kcc-knoppen"), state.knoppen.map((k) => el("button", {
    className: "utrecht-button utrecht-button--secondary-action kcc-knop", text: k.title,
    attrs: { type: "button" }, onclick: () => send(k.payload, k.title),
  })));
  if (state.kaart) renderCard(state.kaart); else clearCard();
}

async function send(text, shown, opening = false) {
  showError("");
  status("De assistent denkt na...");
  input.disabled = true;
  try {
    const turn = await post("/kcc/bericht", opening ? { opening: true, eerder: state.getypt }
                                                     : { tekst: text, eerder: state.getypt });
    if (!opening) {
      state.regels.push({ wie: "medewerker", tekst: shown || text, index: state.getypt.length });
      state.getypt.push(text);
    }
    for (const a of turn.antwoorden) state.regels.push({ wie: "assistent", tekst: a.tekst });
    state.knoppen = turn.antwoorden.flatMap((a) => a.knoppen);
    state.kaart = turn.kaart || state.kaart;
    state.markeringen = turn.markeringen;
    state.vraag = turn.volgende_vraag;
    save();
    render();
    status(turn.kaart ? "De triagekaart is bijgewerkt." : "");
    return true;
  } catch (error) {
    showError(error.message);
    status("");
    return false;
  } finally {
    input.disabled = false;
    input.focus();
  }
}

$("kcc-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) { showError("Typ eerst wat de inwoner vertelt."); return; }
  if (await send(text)) input.value = "";
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $("kcc-form").requestSubmit();
  }
});

$("kcc-volgende").addEventListener("click", async () => {
  try {
    const answer = await post("/kcc/volgende");
    sessionStorage.removeItem(KEY);
    state = load(answer.gesprek);
    root.dataset.gesprek = answer.gesprek;
    $("kcc-samenvatting-tekst").value = "";
    render();
    status("Nieuw gesprek gestart.");
    await send("", "", true);
  } catch (error) {
    showError(error.message);
  }
});

$("kcc-kopieer-ref").addEventListener("click", async () => {
  const ok = await copy($("kcc-referentie").textContent);
  status(ok ? "Referentie gekopieerd." : "Kopiëren lukte niet. Selecteer de referentie en kopieer met Ctrl+C.");
});

$("kcc-samenvatting").addEventListener("click", async () => {
  try {
    const answer = await post("/kcc/samenvatting", { kaart: state.kaart, getypt: state.getypt });
    $("kcc-samenvatting-tekst").value = answer.tekst;
    const ok = await copy(answer.tekst);
    status(ok ? "Samenvatting gekopieerd." : "Samenvatting staat hieronder. Kopieer met Ctrl+C.");
    if (!ok) $("kcc-samenvatting-tekst").select();
  } catch (error) {
    status(error.message);
  }
});

$("kcc-zoek-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const query = new URLSearchParams(new FormData(event.target));
  $("kcc-zoek-status").textContent = "Zoeken...";
  try {
    const answer = await get(`/kcc/kaart?${query}`);
    renderOffers($("kcc-zoek-resultaten"), answer.resultaten);
    $("kcc-zoek-status").textContent = answer.resultaten.length
      ? `${answer.resultaten.length} resultaten gevonden.` : "Niets gevonden. Probeer een ander thema of zoekwoord.";
  } catch (error) {
    fill($("kcc-zoek-resultaten"), []);
    $("kcc-zoek-status").textContent = error.message;
  }
});

render();
if (!state.regels.length) send("", "", true);
input.focus();
