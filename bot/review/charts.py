"""Server-side SVG charts of the rode draden tables (matplotlib, Agg backend).

Each chart is drawn from the very rows of its table, with every number written
on the chart as text (``svg.fonttype: none``, so the numbers are real text),
and carries a ``<title>``. The table stays the accessible form beside it.
"""

from __future__ import annotations

import io
from typing import Dict, List, Sequence, Tuple

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from bot.review.rode_draden import CollectiefAandeel, SignaalWijk, ThemaTrend, ThemaWijkMaand  # noqa: E402
from bot.taxonomy import taxonomy  # noqa: E402

_STYLE = {"svg.fonttype": "none", "font.size": 9, "svg.hashsalt": "wijkteam"}


def _label(thema: str) -> str:
    theme = taxonomy().themes.get(thema)
    return theme.label if theme else thema


def _svg(fig, title: str) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Title": title, "Date": None})
    plt.close(fig)
    return buf.getvalue()


def _hbars(title: str, bars: Sequence[Tuple[str, Sequence[Tuple[str, float, str]]]], xlabel: str) -> str:
    """Horizontal (stacked) bars: (bar label, [(segment, value, text on it)])."""
    with matplotlib.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(8, max(2.0, 0.35 * len(bars) + 1.2)))
        segments = list(dict.fromkeys(name for _, segs in bars for name, _, _ in segs))
        colours = {name: plt.cm.tab20(i % 20) for i, name in enumerate(segments)}
        labels = [label for label, _ in bars]
        left = [0.0] * len(bars)
        for name in segments:
            values = [next((v for n, v, _ in segs if n == name), 0.0) for _, segs in bars]
            texts = [next((t for n, _, t in segs if n == name), "") for _, segs in bars]
            drawn = ax.barh(labels, values, left=left, color=colours[name], label=name)
            ax.bar_label(drawn, labels=texts, label_type="center")
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        if len(segments) > 1:
            ax.legend(loc="lower right", fontsize=7)
        return _svg(fig, title)


def themas_chart(rows: Sequence[ThemaWijkMaand], title: str = "Hulpvragen per wijk per maand, naar thema") -> str:
    bars: Dict[str, List[Tuple[str, float, str]]] = {}
    for r in rows:
        bars.setdefault(f"{r.wijk} {r.maand}", []).append((_label(r.thema), r.aantal, str(r.aantal)))
    return _hbars(title, list(bars.items()), "aantal hulpvragen")


def collectief_chart(rows: Sequence[CollectiefAandeel],
                     title: str = "Aandeel hulpvragen waar een collectieve aanpak past") -> str:
    bars = [(f"{_label(r.thema)} - {r.wijk}", [("aandeel", 100 * r.aandeel, f"{r.collectief}/{r.hulpvragen}")])
            for r in rows]
    return _hbars(title, bars, "procent van de hulpvragen")


def signalen_chart(rows: Sequence[SignaalWijk], title: str = "Meest voorkomende signalen per wijk") -> str:
    tax = taxonomy()
    bars = [(f"{r.wijk}: {tax.signals[r.signaal].label if r.signaal in tax.signals else r.signaal}",
             [("aantal", r.aantal, str(r.aantal))]) for r in rows]
    return _hbars(title, bars, "aantal gesprekken")


def trend_chart(rows: Sequence[ThemaTrend], title: str = "Hulpvragen per thema, laatste maanden") -> str:
    with matplotlib.rc_context(_STYLE):
        fig, ax = plt.subplots(figsize=(8, 4))
        months = list(dict.fromkeys(r.maand for r in rows))
        for thema in dict.fromkeys(r.thema for r in rows):
            values = [next((r.aantal for r in rows if r.thema == thema and r.maand == m), 0) for m in months]
            ax.plot(months, values, marker="o", label=_label(thema))
            for x, y in zip(months, values, strict=True):
                ax.annotate(str(y), (x, y), textcoords="offset points", xytext=(0, 4), ha="center", fontsize=7)
        ax.set_ylabel("aantal hulpvragen")
        ax.set_title(title)
        if rows:
            ax.legend(fontsize=7)
        return _svg(fig, title)
