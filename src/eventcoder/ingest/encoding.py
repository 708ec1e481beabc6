"""Bytes to text, safely: size limits, gzip, binary sniffing, encodings and mojibake.

Every function here raises :class:`~eventcoder.article.InputError` with a one-line message that names
the input (``name``) and the reason; none lets a decoding or decompression exception escape.

Decoding order (:func:`decode_bytes`): a byte-order mark (UTF-8/16/32) → the declared charset (HTTP
header or ``<meta charset>``, widened as browsers do) when it decodes the bytes cleanly → strict UTF-8 →
for bytes that are mostly not UTF-8, charset_normalizer's guess when it is a non-Latin encoding (GBK,
Shift-JIS, Windows-1251...) → "sloppy" Windows-1252 (ftfy's codec, which maps every byte) followed by
ftfy's repair, which turns the UTF-8 runs of a file with *mixed* encodings back into the right characters. Text that decoded cleanly but carries mojibake
("â€™" for "’") is repaired with ftfy too, with a conservative configuration (quotes, ligatures, widths
and Unicode normalisation are left alone so offsets and spellings match the source).
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

import ftfy
import ftfy.bad_codecs

from ..article import InputError

#: Default largest input accepted, in bytes (20 MiB); ``--max-bytes`` changes it.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Bytes looked at to decide whether content is binary or what kind of document it is.
SNIFF = 8192

#: Magic numbers of common binary formats that are never news text: (prefix, name).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"RIFF", "RIFF media file"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"PAR1", "Parquet file"),
)

#: ftfy settings: repair encodings only (no quote uncurling, no NFC/NFKC, no width or ligature changes).
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
# C0 control characters other than tab, newline, carriage return, form feed, escape.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def size_mb(n: int) -> str:
    """``n`` bytes as a short human figure ("20 MB", "1.5 kB") for messages."""
    for unit, div in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if n >= div:
            v = n / div
            return f"{v:.0f} {unit}" if v >= 10 or v == int(v) else f"{v:.1f} {unit}"
    return f"{n} bytes"


def check_size(n: int, name: str, max_bytes: int | None) -> None:
    """Raise :class:`InputError` when ``n`` bytes exceed ``max_bytes`` (None or 0: no limit)."""
    if max_bytes and n > max_bytes:
        raise InputError(f"{name}: {size_mb(n)}, over the {size_mb(max_bytes)} size limit (--max-bytes)")


def gunzip(data: bytes, name: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> bytes:
    """Decompress gzip ``data`` (all members), stopping at ``max_bytes`` of output.

    Raises:
        InputError: truncated or corrupt gzip data, or output over ``max_bytes`` (a gzip bomb).
    """
    limit = max_bytes or (1 << 62)
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(limit + 1)
    except EOFError as err:
        raise InputError(f"{name}: truncated gzip data ({err})") from err
    except (OSError, zlib.error) as err:
        raise InputError(f"{name}: corrupt gzip data ({err})") from err
    if len(out) > limit:
        raise InputError(
            f"{name}: decompresses to over {size_mb(limit)}, the size limit (--max-bytes)"
        )
    return out


def binary_kind(data: bytes) -> str | None:
    """A name for ``data``'s kind when it is binary (a known magic number, NUL bytes, many control
    characters in the first :data:`SNIFF` bytes), else None. UTF-16/32 text with a BOM is not binary."""
    head = data[:SNIFF]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head:
        controls = sum(1 for b in head if b < 9 or 13 < b < 32 and b != 27)
        if controls / len(head) > 0.05:
            return "binary data (control bytes)"
    return None


#: Legacy single-byte Latin code pages (Python codec names), all read as Windows-1252 when guessed.
_LATIN_SINGLE_BYTE = frozenset({"cp1250", "cp1252", "cp1254", "cp1257", "cp850", "cp437", "iso8859-1",
                                "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-9", "iso8859-10",
                                "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "mac-roman",
                                "mac-latin2"})

#: Declared labels decoded with a superset, as browsers do (WHATWG Encoding Standard, §4.2 "Names and
#: labels": "iso-8859-1"/"ascii" → windows-1252, "gb2312"/"gbk" → GBK (gb18030 is its superset),
#: "iso-8859-9" → windows-1254, "tis-620" → windows-874, "euc-kr" → windows-949, "shift_jis" → cp932).
_WHATWG_SUPERSET = {
    "iso8859-1": "sloppy-windows-1252", "ascii": "sloppy-windows-1252", "cp1252": "sloppy-windows-1252",
    "gb2312": "gb18030", "gbk": "gb18030", "iso8859-9": "cp1254", "tis-620": "cp874", "euc_kr": "cp949",
    "shift_jis": "cp932", "big5": "big5hkscs",
}


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset an HTTP ``Content-Type`` header or an HTML ``<meta charset>`` declares, if Python
    knows it (normalised codec name, widened to the superset browsers use, see ``_WHATWG_SUPERSET``),
    else None."""
    cands: list[str] = []
    if content_type and "charset=" in content_type.lower():
        cands.append(content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'"))
    if m := _META_CHARSET.search(data[:SNIFF]):
        cands.append(m.group(1).decode("ascii", "ignore"))
    for c in cands:
        try:
            name = codecs.lookup(c).name
        except LookupError:
            continue
        return _WHATWG_SUPERSET.get(name, name)
    return None


def repair_text(text: str) -> str:
    """Repair mojibake ("â€™" → "’") and drop stray control characters; text that is fine is
    returned unchanged (ftfy's ``is_bad`` test decides)."""
    if ftfy.is_bad(text):
        text = ftfy.fix_text(text, _FTFY)
    return _CONTROL.sub("", text)


def decode_bytes(data: bytes, name: str, content_type: str | None = None) -> str:
    """Decode ``data`` to text (see the module doc for the order) and repair mojibake.

    Args:
        data: the raw bytes (already decompressed).
        name: the input's name, for messages.
        content_type: an HTTP ``Content-Type`` header value, when the bytes came over HTTP.
    Raises:
        InputError: empty input, or binary content (see :func:`binary_kind`).
    """
    if not data.strip():
        raise InputError(f"{name}: empty file")
    if kind := binary_kind(data):
        raise InputError(f"{name}: {kind}, not text")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return repair_text(data.decode(enc))
            except UnicodeDecodeError as err:
                raise InputError(f"{name}: invalid {enc} text ({err.reason})") from err
    declared = declared_charset(data, content_type)
    if declared in ("sloppy-windows-1252", *_LATIN_SINGLE_BYTE) and _valid_utf8(data):
        declared = None  # a Latin label on UTF-8 bytes: the label is wrong (common on old CMSs)
    if declared and declared != "utf-8":
        try:
            return repair_text(data.decode(declared))
        except UnicodeDecodeError:
            pass  # the declaration is wrong; fall through
    try:
        return repair_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if not _mostly_utf8(data):
        guess = _guess_encoding(data)
        if guess is not None:
            try:
                return repair_text(data.decode(guess))
            except (UnicodeDecodeError, LookupError):
                pass
    # Windows-1252, or mixed UTF-8 and Windows-1252: decode every byte, let ftfy put back the UTF-8 runs.
    return repair_text(ftfy.fix_text(data.decode("sloppy-windows-1252"), _FTFY))


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes) -> bool:
    """True when at least as many non-ASCII characters decode as UTF-8 as fail to: a UTF-8 file with
    some Windows-1252 bytes mixed in, rather than a file in one legacy encoding."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    return good >= bad


def _guess_encoding(data: bytes) -> str | None:
    """charset_normalizer's guess for a legacy-encoded text, or None to use Windows-1252: its guesses
    among the single-byte Latin code pages are unreliable on short texts (it picks cp1250 for French),
    so only non-Latin guesses (GBK, Shift-JIS, Windows-1251, ...) are trusted."""
    from charset_normalizer import from_bytes

    sample = data if len(data) <= 20000 else data[:10000] + data[-10000:]
    best = from_bytes(sample).best()
    if best is None:
        return None
    enc = codecs.lookup(best.encoding).name
    if enc in _LATIN_SINGLE_BYTE:
        return None
    return enc
