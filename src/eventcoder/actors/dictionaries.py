"""Import actor and agent dictionaries in the PETRARCH/TABARI format, so users can bring their own.

Actor files: a canonical entry starts a block (``JENS_STOLTENBERG_  # comment``, optionally with an
inline code ``AFGHANISTAN_ [AFG]``); lines starting with ``+`` are synonyms; indented code lines give
the codes, optionally date-restricted: ``[NORGOV 000317-011019]`` (a range), ``[RUSGOV >20040309]``
(from), ``[XXXGOV <20040309]`` (until), dates as YYMMDD or YYYYMMDD; a code line without a date is the
default outside the ranges. Underscores are spaces; a trailing ``_`` only stops plural generation.

Agent files: ``FOREIGN_!MINIST! [~GOV]`` lines map a role phrase to a sector appended to the actor's
country (``~``); ``!MINIST! = MINISTER, MINISTERS, MINISTRY`` lines define the macros used in patterns.

Codes are split into PLOVER parts: the first three letters are the country or non-state code (RUS,
IGO, NGO...), the next three the sector when it is a PLOVER sector (GOV, MIL...). Source: TABARI/
PETRARCH dictionary documentation (Schrodt, CAMEO manual 1.1b3, appendix on dictionaries).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..article import InputError
from ..ontology import SECTORS
from .kb import KBActor, KnowledgeBase, Role, norm

_CODE = re.compile(r"\[([^\]]+)\]")
_MACRO = re.compile(r"^(![A-Z0-9_]+!)\s*=\s*(.+)$")


def _day(s: str) -> date | None:
    s = s.strip()
    try:
        if len(s) == 6:
            yy = int(s[:2])
            return date(1900 + yy if yy > 30 else 2000 + yy, int(s[2:4]), int(s[4:6]))
        if len(s) == 8:
            return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    except ValueError:
        return None
    return None


def split_code(code: str) -> tuple[str, str | None, str | None]:
    """A TABARI code → (code, sector, org): "RUSGOV" → ("RUS", "GOV", None); "IGOUNO" → ("IGO", None, "UNO")."""
    code = code.strip().upper()
    base = code[:3]
    rest = code[3:]
    sector = None
    org = None
    for i in range(0, len(rest), 3):
        part = rest[i:i + 3]
        if part in SECTORS and sector is None:
            sector = part
        elif base in ("IGO", "NGO", "IMG", "MNC") and org is None:
            org = part
    return base, sector, org


def _parse_code_line(text: str) -> list[tuple[str, date | None, date | None]]:
    out = []
    for m in _CODE.finditer(text):
        parts = m.group(1).split()
        if not parts:
            continue
        code = parts[0]
        start = end = None
        if len(parts) > 1:
            r = parts[1]
            if r.startswith(">"):
                start = _day(r[1:])
            elif r.startswith("<"):
                end = _day(r[1:])
            elif "-" in r:
                a, b = r.split("-", 1)
                start, end = _day(a), _day(b)
        out.append((code, start, end))
    return out


def _name(raw: str) -> str:
    return raw.strip().rstrip("_").replace("_", " ").strip()


def load_into(kb: KnowledgeBase, path: str | Path) -> int:
    """Add the entries of an actor or agent dictionary file to ``kb``; returns the number of entries.

    Raises:
        InputError: the file is missing or unreadable, or no entry could be read from it.
    """
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as err:
        raise InputError(f"{path}: cannot read actor dictionary ({err.strerror or err})") from err
    if any("[~" in ln for ln in lines[:2000]):
        n = _load_agents(kb, lines)
    else:
        n = _load_actors(kb, lines)
    if n == 0:
        raise InputError(f"{path}: no dictionary entries found (not a PETRARCH/TABARI dictionary?)")
    return n


def _load_actors(kb: KnowledgeBase, lines: list[str]) -> int:
    n = 0
    names: list[str] = []
    codes: list[tuple[str, date | None, date | None]] = []

    def flush() -> None:
        nonlocal n
        if not names or not codes:
            return
        dated = any(s or e for _, s, e in codes)
        for code, start, end in codes:
            base, sector, org = split_code(code)
            kind = "person" if dated else ("org" if org or base in ("IGO", "NGO", "IMG", "MNC") else "country")
            if dated and not (start or end):
                continue  # the undated default of a person: used only as ELI fallback below
            actor = KBActor(base, kind, sector=sector, org=org, name=names[0].title(), start=start, end=end,
                            role="dictionary")
            for nm in names:
                kb._add(nm, actor)
                if kind == "person":
                    parts = norm(nm).split()
                    if len(parts) > 1:
                        kb.surnames.setdefault(parts[-1], []).append(actor)
            n += 1

    for raw in lines:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if raw[:1] in (" ", "\t") and line.strip().startswith("["):
            codes.extend(_parse_code_line(line))
        elif line.startswith("+"):
            names.append(_name(_CODE.sub("", line[1:])))
        elif line.startswith("["):
            codes.extend(_parse_code_line(line))
        else:
            flush()
            names = [_name(_CODE.sub("", line))]
            codes = _parse_code_line(line)
    flush()
    return n


def _load_agents(kb: KnowledgeBase, lines: list[str]) -> int:
    macros: dict[str, list[str]] = {}
    n = 0
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = _MACRO.match(line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _CODE.search(line)
        if not cm or not cm.group(1).startswith("~"):
            continue
        sector = cm.group(1)[1:4].upper()
        if sector not in SECTORS:
            continue
        pattern = line[: cm.start()].strip()
        for phrase in _expand(pattern, macros):
            term = norm(_name(phrase))
            if term and term not in kb.roles:
                kb.roles[term] = Role(term, sector, "group", 3)
                kb.max_role_words = max(kb.max_role_words, len(term.split()))
                n += 1
    return n


def _expand(pattern: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Z0-9_]+!", pattern)
    if not m:
        return [pattern]
    out = []
    for alt in macros.get(m.group(0), [m.group(0).strip("!")]):
        out.extend(_expand(pattern[: m.start()] + alt + pattern[m.end():], macros))
    return out
