// The wijkteam chat widget. A gemeente pastes:
//   <div id="wijkteam-chat" data-wijkteam-chat></div>
//   <script type="module" src="https://WEB-APP/widget/static/widget.js"></script>
// Everything else (styles, texts, the socket.io address) comes from the web app.
import { Connection } from "./connection.js";
import { ChatStore } from "./store.js";
import { buildPanel } from "./panel.js";

const base = new URL("..", import.meta.url); // .../widget/

function addStylesheet(href) {
  const url = new URL(href, base).href;
  if ([...document.styleSheets].some((sheet) => sheet.href === url)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = url;
  document.head.append(link);
}

async function start(container) {
  const response = await fetch(new URL("config.json", base), { credentials: "omit" });
  const config = await response.json();
  ["nlds.css", "static/widget.css", "theme.css"].forEach(addStylesheet);
  const store = new ChatStore();
  let panel;
  const connection = new Connection(config.socketUrl, store, {
    onBotMessage: (message) => panel.botMessage(message),
    onStatus: (status) => panel.status(status),
    onFlushed: () => panel.flushed(),
  });
  panel = buildPanel(container, { config, store, connection, logoUrl: config.logo ? new URL("logo", base).href : "" });
  if (store.open) panel.open({ focus: false });
}

const container = document.querySelector("[data-wijkteam-chat]");
if (container) start(container);
