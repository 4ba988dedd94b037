"""The inwoner's chat widget: its script, styles, theme and public configuration.

Everything under /widget/ is public and embeddable in the gemeente's own
site, so it carries CORS headers (module scripts and fetches from another
origin need them). No cookies, no personal data: the conversation itself goes
from the browser straight to Rasa's socket.io channel.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, render_template, send_from_directory

from bot import paths
from web.widget.texts import widget_texts

widget = Blueprint("widget", __name__, static_folder="static", static_url_path="/static")

CACHE_SECONDS = 300


@widget.after_request
def embeddable(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers.setdefault("Cache-Control", f"public, max-age={CACHE_SECONDS}")
    return response


@widget.get("/config.json")
def config() -> Response:
    web = current_app.config["WEB"]
    return jsonify(socketUrl=web.socket_url, texts=widget_texts(web.gemeente),
                   logo=bool(web.gemeente.huisstijl.logo))


@widget.get("/theme.css")
def theme() -> Response:
    css = render_template("widget/theme.css", stijl=current_app.config["WEB"].gemeente.huisstijl)
    return Response(css, mimetype="text/css")


@widget.get("/nlds.css")
def nlds_css() -> Response:
    return Response(current_app.extensions["frontend_assets"].nlds_css, mimetype="text/css")


@widget.get("/vendor/<name>")
def vendor(name: str) -> Response:
    script = current_app.extensions["frontend_assets"].scripts.get(name)
    if script is None:
        abort(404)
    return Response(script, mimetype="text/javascript")


@widget.get("/logo")
def logo() -> Response:
    name = current_app.config["WEB"].gemeente.huisstijl.logo
    if not name:
        abort(404)
    return send_from_directory(paths.DATA, name)
