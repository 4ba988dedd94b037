// The triage card on the right: themes, signals, advice, offers, crisis banner, reference.
import { el, fill } from "./dom.js";

const $ = (id) => document.getElementById(id);
const pct = (value) => `${Math.round(Number(value || 0) * 100)}%`;

function offer(a) {
  return el("li", { className: "kcc-aanbod__item" }, [
    el("h4", { className: "kcc-aanbod__naam", text: a.naam }),
    a.omschrijving ? el("p", { className: "utrecht-paragraph", text: a.omschrijving }) : null,
    el("dl", { className: "kcc-feiten" }, [
      ...[["Waarom", a.waarom || a.past_omdat], ["Wijk", a.waar || [a.wijk, a.gemeente].filter(Boolean).join(", ")],
          ["Wanneer", a.wanneer], ["Kosten", a.kosten], ["Zo doet u mee", a.hoe_aansluiten]]
        .filter(([, v]) => v)
        .flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]),
    ]),
  ]);
}

export function renderOffers(list, offers) {
  fill(list, offers.map(offer));
}

export function renderCrisis(card) {
  const contacts = [...(card.crisis_contact || []), ...(card.hulp_contact || [])];
  const show = Boolean(card.crisis) || contacts.length > 0;
  $("kcc-crisis").hidden = !show;
  $("kcc-crisis").classList.toggle("kcc-crisis--acuut", Boolean(card.crisis));
  $("kcc-crisis-titel").textContent = card.crisis ? "CRISIS: geef de inwoner nu deze nummers" : "Let op: veiligheid eerst";
  fill($("kcc-crisis-contacten"), contacts.map((c) => el("li", { text: c })));
}

export function renderReference(card) {
  if (!card.referentie) return;
  $("kcc-referentie").textContent = card.referentie;
  $("kcc-referentie-blok").hidden = false;
}

export function renderCard(card) {
  $("kcc-leeg").hidden = true;
  $("kcc-kaart-inhoud").hidden = false;
  const themas = card.themas || [];
  fill($("kcc-themas"), themas.length ? themas.map((t) => el("li", {}, [
    el("strong", { text: t.label }), document.createTextNode(` (zekerheid ${pct(t.zekerheid)})`),
    el("span", { className: "kcc-reden", text: t.waarom ? ` Waarom: ${t.waarom}` : "" }),
  ])) : [el("li", { text: "Nog geen thema." })]);
  const signalen = card.signalen || [];
  fill($("kcc-signalen"), signalen.length ? signalen.map((s) => el("li", { attrs: { "data-code": s.code } }, [
    el("strong", { text: s.label }), document.createTextNode(s.soort ? ` (${s.soort})` : ""),
    s.bewijs ? el("span", { className: "kcc-reden" }, [document.createTextNode(" Bewijs: "),
      el("mark", { className: "utrecht-mark kcc-bewijs", text: s.bewijs })]) : null,
  ])) : [el("li", { text: "Geen signalen." })]);
  const advies = card.advies || {};
  $("kcc-advies").textContent = advies.code
    ? `${advies.code.replaceAll("_", " ")}${advies.uitleg ? `: ${advies.uitleg}` : ""}` : "Nog geen advies.";
  fill($("kcc-advies-redenen"), (advies.redenen || []).map((r) => el("li", { text: r })));
  renderOffers($("kcc-aanbod"), card.aanbod || []);
  if (!(card.aanbod || []).length) fill($("kcc-aanbod"), [el("li", { text: "Nu geen aanbod (zie advies)." })]);
  renderCrisis(card);
  renderReference(card);
}

export function clearCard() {
  $("kcc-leeg").hidden = false;
  $("kcc-kaart-inhoud").hidden = true;
  $("kcc-crisis").hidden = true;
  $("kcc-referentie-blok").hidden = true;
  $("kcc-referentie").textContent = "";
}
