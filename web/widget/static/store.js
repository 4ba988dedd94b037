// What the widget keeps in sessionStorage (this tab only, gone when it closes):
// the session id for Rasa, the transcript shown so far and unsent messages.
const KEY = "wijkteam-chat";

function newId() {
  return (crypto.randomUUID && crypto.randomUUID()) ||
    Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export class ChatStore {
  constructor(storage = window.sessionStorage) {
    this.storage = storage;
    this.state = this.read() || this.fresh();
    this.save();
  }

  fresh() {
    return { sessionId: newId(), transcript: [], queue: [], open: false };
  }

  read() {
    try {
      const state = JSON.parse(this.storage.getItem(KEY));
      return state && typeof state.sessionId === "string" && Array.isArray(state.transcript) ? state : null;
    } catch (error) {
      return null;
    }
  }

  save() {
    try {
      this.storage.setItem(KEY, JSON.stringify(this.state));
    } catch (error) {
      // storage full or blocked: the conversation goes on, a reload starts anew
    }
  }

  get sessionId() { return this.state.sessionId; }
  get transcript() { return this.state.transcript; }
  get queue() { return this.state.queue; }
  get open() { return this.state.open; }
  set open(value) { this.state.open = Boolean(value); this.save(); }

  add(entry) { this.state.transcript.push(entry); this.save(); }

  clearQuickReplies() {
    this.state.transcript.forEach((entry) => { delete entry.quickReplies; });
    this.save();
  }

  enqueue(message) { this.state.queue.push(message); this.save(); }

  takeQueue() {
    const queued = this.state.queue;
    this.state.queue = [];
    this.save();
    return queued;
  }

  reset() { this.state = this.fresh(); this.save(); }
}
