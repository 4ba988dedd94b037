"""Problems found in an import file, each with its exact location."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

MAX_SHOWN = 25


@dataclass(frozen=True)
class Problem:
    file: str
    line: Optional[int]  # 1-based line in the file, None when the whole file is meant
    field: Optional[str]
    reason: str
    item: str = ""  # e.g. "services[3]" in HSDS JSON

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.item:
            where += f" ({self.item})"
        what = f"field '{self.field}': " if self.field else ""
        return f"{where}: {what}{self.reason}"


class KaartImportError(ValueError):
    """The file was refused; nothing was written. ``problems`` lists every finding."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        lines = [str(p) for p in self.problems[:MAX_SHOWN]]
        if len(self.problems) > MAX_SHOWN:
            lines.append(f"... and {len(self.problems) - MAX_SHOWN} more problem(s)")
        super().__init__("\n".join(lines))


def file_error(file: str, reason: str, line: Optional[int] = None, field: Optional[str] = None) -> KaartImportError:
    return KaartImportError([Problem(file=file, line=line, field=field, reason=reason)])
