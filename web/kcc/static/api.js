// Calls to the console's own handlers, with the CSRF token of the page.
const TOKEN = document.querySelector('meta[name="csrf-token"]').content;

async function answer(response) {
  let body = {};
  try { body = await response.json(); } catch { body = {}; }
  if (response.status === 401) {
    window.location.assign(body.login ? `${body.login}?volgende=/kcc` : "/login?volgende=/kcc");
    throw new Error(body.fout || "U bent niet meer ingelogd.");
  }
  if (!response.ok) throw new Error(body.fout || "Er ging iets mis. Probeer het opnieuw.");
  return body;
}

export async function post(url, data) {
  const response = await fetch(url, {
    method: "POST", credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": TOKEN, Accept: "application/json" },
    body: JSON.stringify(data || {}),
  });
  return answer(response);
}

export async function get(url) {
  return answer(await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }));
}

export async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
