"""Reading an import file safely: size, emptiness and encoding, with locations."""

from __future__ import annotations

from pathlib import Path

from bot.kaart.problems import file_error

MAX_BYTES = 50 * 1024 * 1024


def read_text(path: Path) -> str:
    """The file's text (UTF-8, BOM removed) or a KaartImportError naming the place."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise file_error(name, f"file is {size // (1024 * 1024)} MB; at most {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except IsADirectoryError:
        raise file_error(name, "is a folder, not a file") from None
    except FileNotFoundError:
        raise file_error(name, "file not found") from None
    except OSError as exc:
        raise file_error(name, f"cannot read the file: {exc.strerror or exc}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise file_error(name, "file is UTF-16; save it as UTF-8", line=1)
    if not data.strip():
        raise file_error(name, "the file is empty")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise file_error(name, "contains NUL bytes: this is not a text file", line=data.count(b"\n", 0, nul) + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start:exc.start + 1].hex()
        raise file_error(
            name,
            f"is not UTF-8 (byte 0x{byte} at column {column}); save the file as UTF-8 "
            "(in Excel: 'CSV UTF-8')",
            line=line,
        ) from None
