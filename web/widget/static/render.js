// Turns message text into DOM nodes: always text nodes, never innerHTML.
// Web addresses and free 0800 numbers become links; only http(s) and tel: hrefs.
const LINK = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]|www\.[^\s<>"']+[^\s<>"'.,;:!?)]|\b0800[- ]?\d{4}\b)/g;

export function safeHref(raw) {
  if (/^0800[- ]?\d{4}$/.test(raw)) return "tel:" + raw.replace(/\D/g, "");
  try {
    const url = new URL(raw.startsWith("www.") ? "https://" + raw : raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (error) {
    return null;
  }
}

export function renderText(text, newTabHint) {
  const fragment = document.createDocumentFragment();
  let last = 0;
  for (const match of String(text).matchAll(LINK)) {
    const href = safeHref(match[0]);
    if (!href) continue;
    fragment.append(document.createTextNode(text.slice(last, match.index)));
    const link = document.createElement("a");
    link.className = "utrecht-link";
    link.href = href;
    link.textContent = match[0];
    if (!href.startsWith("tel:")) {
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      const hint = document.createElement("span");
      hint.className = "wt-visually-hidden";
      hint.textContent = " " + newTabHint;
      link.append(hint);
    }
    fragment.append(link);
    last = match.index + match[0].length;
  }
  fragment.append(document.createTextNode(String(text).slice(last)));
  return fragment;
}
