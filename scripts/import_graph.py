"""Print the package-to-package imports of the project (grimp), for docs/architecture.md.

Each line: ``bot.a -> bot.b, bot.c`` (module-level and function-level imports
alike). The packages of ``bot`` are its direct children (subpackages and
modules); any other package named (``actions``, ``nlu_components``) counts
as one, or with ``--modules`` each of its modules as one (``actions.forms``).
``--external`` adds the outside packages each one imports (rasa, rasa_sdk,
sqlalchemy ...; the standard library is left out).

    .venv/bin/python scripts/import_graph.py [--external] [--modules] [PACKAGE ...]   # default: bot
"""

from __future__ import annotations

import sys
from collections import defaultdict
from typing import Dict, Sequence, Set

import grimp


def _top(module: str, packages: Sequence[str], modules: bool = False) -> str:
    parts = module.split(".")
    if parts[0] not in packages:
        return parts[0]
    if parts[0] == "bot":
        return ".".join(parts[:2])
    return ".".join(parts[:2]) if modules else parts[0]


def package_imports(packages: Sequence[str] = ("bot",), external: bool = False,
                    modules: bool = False) -> Dict[str, Set[str]]:
    graph = grimp.build_graph(*packages, include_external_packages=external, cache_dir=None)
    inside = tuple(packages)
    stdlib = set(sys.stdlib_module_names) | {"__future__"}
    edges: Dict[str, Set[str]] = defaultdict(set)
    for importer in graph.modules:
        if importer.split(".")[0] not in inside:
            continue
        for imported in graph.find_modules_directly_imported_by(importer):
            a, b = _top(importer, inside, modules), _top(imported, inside, modules)
            if a == b or b in stdlib:
                continue
            if external or imported.split(".")[0] in inside:
                edges[a].add(b)
    return edges


def main(argv: list) -> int:
    external, modules = "--external" in argv, "--modules" in argv
    packages = [a for a in argv if not a.startswith("--")] or ["bot"]
    edges = package_imports(packages, external=external, modules=modules)
    for a in sorted(edges):
        print(f"{a} -> {', '.join(sorted(edges[a]))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
