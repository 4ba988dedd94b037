"""The web app's pages and widget assets: headers, texts from the gemeente, no CDN."""

from __future__ import annotations

import re

import pytest

from bot.config import settings
from web.assets import FrontEndAssets, MissingFrontEndPackages
from web.config import HOST, WebConfig, WebConfigError


def test_demo_page_is_dutch_marked_as_demo_and_holds_the_snippet(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert "Zorg en ondersteuning" in page and "<strong>Demo.</strong>" in page
    assert "data-wijkteam-chat" in page
    assert '<script type="module" src="/widget/static/widget.js">' in page


def test_every_page_has_a_strict_csp_and_security_headers(client):
    for url in ("/", "/widget/config.json", "/widget/static/widget.js", "/widget/nlds.css"):
        headers = client.get(url).headers
        csp = headers["Content-Security-Policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, url
        assert "script-src 'self'" in csp and "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["X-Frame-Options"] == "DENY"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_csp_lets_the_widget_reach_rasa_socket_io_and_nothing_else(client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "connect-src 'self' http://127.0.0.1:5999 ws://127.0.0.1:5999;" in csp
    assert "default-src 'self'" in csp and "object-src 'none'" in csp


def test_pages_have_no_inline_script_or_style(client):
    page = client.get("/").get_data(as_text=True)
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert "<style" not in page and " style=" not in page and " on" + "click=" not in page


def test_widget_assets_are_embeddable_from_another_origin(client):
    for url in ("/widget/static/widget.js", "/widget/config.json", "/widget/vendor/socket.io.esm.min.js"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_only_listed_vendor_files_are_served(client):
    assert client.get("/widget/vendor/socket.io.esm.min.js").data.startswith(b"/*!\n * Socket.IO v4")
    assert client.get("/widget/vendor/axe.min.js").status_code == 404
    assert client.get("/widget/vendor/..%2Fpackage.json").status_code == 404


def test_config_carries_the_socket_url_and_the_gemeentes_texts(client):
    config = client.get("/widget/config.json").get_json()
    s = settings()
    assert config["socketUrl"] == "http://127.0.0.1:5999"
    texts = config["texts"]
    assert texts["privacy"] == s.privacy.tekst
    assert texts["privacy_url"] == s.privacy.statement_url
    assert "112" in texts["nood"] and "113" in texts["nood"] and "0800-2000" in texts["nood"]
    assert s.gemeente.telefoon in texts["mens_bellen"]
    assert texts["verbinding_weg"].lower().startswith("verbinding weg, opnieuw verbinden")
    assert not any("{" in text for text in texts.values())


def test_theme_css_uses_the_gemeentes_colours(client):
    css = client.get("/widget/theme.css").get_data(as_text=True)
    stijl = settings().huisstijl
    assert f"--wt-kleur: {stijl.kleur};" in css
    assert f"--utrecht-button-primary-action-color: {stijl.kleur_tekst};" in css


def test_logo_is_served_from_data(client):
    response = client.get("/widget/logo")
    assert response.status_code == 200 and b"<svg" in response.data


def test_nlds_css_joins_tokens_and_components(client):
    css = client.get("/widget/nlds.css").get_data(as_text=True)
    assert ".voorbeeld-theme" in css and ".utrecht-button" in css and ".utrecht-textarea" in css


def test_socket_url_from_the_environment_and_listening_on_loopback_only():
    config = WebConfig.from_env({"WIDGET_SOCKET_URL": "https://chat.example.nl/"}, gemeente=settings())
    assert config.socket_url == "https://chat.example.nl"
    assert config.socket_origins == ("https://chat.example.nl", "wss://chat.example.nl")
    assert WebConfig.from_env({}, gemeente=settings()).port == 8000
    assert HOST == "127.0.0.1"


@pytest.mark.parametrize("env", [{"WEB_PORT": "80a"}, {"RASA_PORT": "70000"},
                                 {"WIDGET_SOCKET_URL": "javascript:alert(1)"},
                                 {"WIDGET_SOCKET_URL": "http://host/path"}])
def test_malformed_settings_are_refused_by_name(env):
    with pytest.raises(WebConfigError, match=next(iter(env))):
        WebConfig.from_env(env, gemeente=settings())


def test_missing_node_modules_says_how_to_fix_it(tmp_path):
    with pytest.raises(MissingFrontEndPackages, match="make setup"):
        FrontEndAssets.load(tmp_path)


def test_state_changing_requests_need_a_csrf_token(web_config):
    from web import create_app

    app = create_app(web_config)
    app.add_url_rule("/probe", "probe", lambda: "changed", methods=["POST"])
    response = app.test_client().post("/probe", data={"x": "1"})
    assert response.status_code == 400
    assert "Dit formulier is verlopen" in response.get_data(as_text=True)
