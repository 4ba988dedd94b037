// Small DOM helpers: text only, never HTML from the server.
export function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  for (const [name, value] of Object.entries(options.attrs || {})) node.setAttribute(name, value);
  if (options.onclick) node.addEventListener("click", options.onclick);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function fill(list, items) {
  list.replaceChildren(...items);
}

// The typed text with the evidence spans marked (<mark>), as DOM nodes.
export function marked(text, spans) {
  const parts = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    if (span.start > at) parts.push(document.createTextNode(text.slice(at, span.start)));
    parts.push(el("mark", { className: "utrecht-mark kcc-bewijs", text: text.slice(span.start, span.eind),
                            attrs: { title: `Signaal: ${span.label}` } }));
    at = span.eind;
  }
  if (at < text.length) parts.push(document.createTextNode(text.slice(at)));
  return parts;
}
