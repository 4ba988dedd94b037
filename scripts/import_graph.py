"""Print the package-to-package imports inside ``bot`` (grimp), for docs/architecture.md.

Each line: ``bot.a -> bot.b, bot.c`` (module-level and function-level imports
alike). Packages are bot's direct children (subpackages and modules).
``--external`` adds the outside packages each one imports (rasa, actions, web ...).

    .venv/bin/python scripts/import_graph.py [--external]
"""

from __future__ import annotations

import sys
from collections import defaultdict

import grimp


def _top(module: str, depth: int = 2) -> str:
    return ".".join(module.split(".")[:depth])


def package_imports(package: str = "bot", external: bool = False) -> dict:
    graph = grimp.build_graph(package, include_external_packages=external, cache_dir=None)
    edges: dict = defaultdict(set)
    for importer in graph.modules:
        if not importer.startswith(package + "."):
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            a = _top(importer)
            b = _top(imported) if imported.startswith(package + ".") else imported.split(".")[0]
            if a != b and (external or b.startswith(package + ".")):
                edges[a].add(b)
    return edges


def main(argv: list) -> int:
    external = "--external" in argv
    edges = package_imports(external=external)
    for a in sorted(edges):
        print(f"{a} -> {', '.join(sorted(edges[a]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
