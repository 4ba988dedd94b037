"""The demo gemeente page at /: a 'Zorg en ondersteuning' page with the chat widget.

Clearly marked as a demo; it shows a gemeente how the widget's snippet sits
in its own site. The page is the snippet's first user: nothing here that the
gemeente's page would not have.
"""

from __future__ import annotations

from flask import Blueprint, current_app, render_template

demo = Blueprint("demo", __name__, static_folder="static", static_url_path="/demo-static")


@demo.get("/")
def page() -> str:
    settings = current_app.config["WEB"].gemeente
    return render_template("demo/index.html", gemeente=settings.gemeente, nood=settings.noodnummers)
