"""Front-end packages from npm (node_modules, installed by make setup with npm ci).

Only the files listed here are served, from the web app's own origin; nothing
comes from a CDN. The NL Design System CSS (neutral voorbeeld tokens and the
Utrecht components the widget and the demo page use) is joined into one
stylesheet once, at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict

SCRIPTS = {
    "socket.io.esm.min.js": "socket.io-client/dist/socket.io.esm.min.js",
}
TOKENS = "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"
COMPONENTS = ("document", "page", "page-header", "page-body", "page-footer", "page-content",
              "heading-1", "heading-2", "heading-3", "paragraph", "link", "unordered-list",
              "button", "button-group", "textarea", "form-label", "form-field", "alert", "skip-link",
              "textbox", "select", "mark", "form-field-error-message")


class MissingFrontEndPackages(RuntimeError):
    """node_modules lacks a package the web app serves."""


@dataclass(frozen=True)
class FrontEndAssets:
    scripts: Dict[str, bytes]
    nlds_css: bytes

    @classmethod
    def load(cls, node_modules: Path) -> "FrontEndAssets":
        def read(relative: str) -> bytes:
            path = node_modules / relative
            if not path.is_file():
                raise MissingFrontEndPackages(
                    f"{path} is missing: run `make setup` (it runs npm ci from package-lock.json)")
            return path.read_bytes()

        css = [read(TOKENS)] + [read(f"@utrecht/{name}-css/dist/index.css") for name in COMPONENTS]
        return cls(scripts={name: read(rel) for name, rel in SCRIPTS.items()},
                   nlds_css=b"\n".join(css))
