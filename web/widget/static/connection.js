// The socket.io connection to Rasa's socketio channel (rasa/core/channels/socketio.py):
// session_request with the same session id on every (re)connect, user_uttered out,
// bot_uttered in. Messages typed while offline wait in the store and go once.
import { io } from "../vendor/socket.io.esm.min.js";

export class Connection {
  constructor(url, store, handlers) {
    this.store = store;
    this.handlers = handlers;
    this.ready = false;
    this.socket = io(url, {
      autoConnect: false,
      transports: ["websocket", "polling"],
      reconnectionDelay: 500,
      reconnectionDelayMax: 4000,
    });
    this.socket.on("connect", () => this.requestSession());
    this.socket.on("session_confirm", () => this.confirmed());
    this.socket.on("bot_uttered", (message) => handlers.onBotMessage(message || {}));
    this.socket.on("disconnect", () => this.lost());
    this.socket.on("connect_error", () => this.lost());
  }

  start() {
    if (!this.socket.connected) this.socket.connect();
  }

  requestSession() {
    this.socket.emit("session_request", { session_id: this.store.sessionId });
  }

  confirmed() {
    this.ready = true;
    this.handlers.onStatus("online");
    for (const message of this.store.takeQueue()) this.emit(message);
    this.handlers.onFlushed();
  }

  lost() {
    this.ready = false;
    this.handlers.onStatus("offline");
  }

  // Returns true when sent now, false when queued for the next connection.
  send(message) {
    if (this.ready && this.socket.connected) {
      this.emit(message);
      return true;
    }
    this.store.enqueue(message);
    this.start();
    return false;
  }

  emit(message) {
    this.socket.emit("user_uttered", { message, session_id: this.store.sessionId });
  }

  newSession() {
    this.ready = false;
    if (this.socket.connected) this.requestSession();
  }
}
