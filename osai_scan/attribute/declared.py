"""The repository's declared license: root license files and the model card's metadata.

The model card (README.md YAML front matter) declares ``license:`` as a Hub license id, or
``license: other`` with ``license_name`` and ``license_link``. Root license files declare
what ScanCode detects in them. When they disagree, that is a finding and both apply (AND).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

import yaml

from ..constants import CARD_MAX_BYTES, FRONT_MATTER_MAX_BYTES
from ..findings import FindingCatalogue
from ..licenses import (
    LicenseKnowledge,
    and_expressions,
    expression_keys,
    expression_to_spdx,
    key_of_spdx,
)
from ..models import Declared, DeclaredLicense, Finding, MetadataItem
from ..ruleset import Companion

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*(\n|\Z)", re.DOTALL)
#: Model card metadata kept in the report (``model-index`` is summarised).
CARD_KEYS = ("license", "license_name", "license_link", "base_model", "base_model_relation", "datasets",
             "library_name", "pipeline_tag", "extra_gated_prompt", "extra_gated_heading", "extra_gated_description",
             "extra_gated_fields", "extra_gated_button_content", "model-index")
_VALUE_MAX = 500


def parse_front_matter(text: str) -> dict[str, object] | None:
    """The YAML front matter of a model card, or None (safe YAML only)."""
    return read_front_matter(text)[0]


def read_front_matter(text: str, truncated: bool = False) -> tuple[dict[str, object] | None, str | None]:
    """The YAML front matter of a model card and, when it cannot be used, why.

    Args:
        text: the card's text (its first ``CARD_MAX_BYTES`` bytes).
        truncated: the card is longer than what was read.

    Returns:
        (the metadata or None, None or the problem: not closed, over ``FRONT_MATTER_MAX_BYTES``,
        not valid YAML, aliases, nested too deeply, not a mapping). A card without front
        matter gives (None, None).
    """
    text = text.lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        if re.match(r"---\s*\n", text):
            return None, ("its YAML front matter is not closed within the first "
                          f"{CARD_MAX_BYTES} bytes (card read limit)" if truncated
                          else "its YAML front matter is not closed (no second --- line)")
        return None, None
    size = len(match.group(1).encode("utf-8", "surrogatepass"))
    if size > FRONT_MATTER_MAX_BYTES:
        return None, f"its YAML front matter of {size} bytes is over the {FRONT_MATTER_MAX_BYTES}-byte limit; not parsed"
    try:
        data = yaml.load(match.group(1), Loader=_CardLoader)  # noqa: S506 - a safe loader without aliases
    except RecursionError:
        return None, "its YAML front matter is nested too deeply to parse"
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = f" (line {mark.line + 2})" if mark is not None else ""  # +1 for 1-based, +1 for the --- line
        return None, f"its YAML front matter is not valid YAML: {problem}{where}"
    if not isinstance(data, dict):
        return None, f"its YAML front matter is a {type(data).__name__}, not a mapping of keys"
    return data, None


def read_card(raw: bytes, truncated: bool = False) -> tuple[dict[str, object] | None, str | None]:
    """``read_front_matter`` of a card's bytes; a card that is not UTF-8 is read with its
    undecodable bytes replaced, and says so.

    Returns:
        (the metadata or None, None or the problem).
    """
    try:
        text, note = raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text, note = raw.decode("utf-8", "replace"), f"it is not valid UTF-8 (byte {exc.start}); undecodable bytes replaced"
    card, problem = read_front_matter(text, truncated)
    return card, "; ".join(p for p in (note, problem) if p) or None


def _family(key: str) -> str:
    """A ScanCode key without its "or later" suffix (``agpl-3.0-plus`` → ``agpl-3.0``)."""
    return key[:-5] if key.endswith("-plus") else key


class _CardLoader(yaml.SafeLoader):  # pure Python: the C loader composes aliases itself
    """A safe YAML loader that refuses aliases: a card is data from an untrusted repository, and
    a few hundred bytes of nested aliases expand to gigabytes (a "billion laughs")."""

    def compose_node(self, parent: object, index: object) -> object:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases are not accepted in a model card",
                                              event.start_mark)
        return super().compose_node(parent, index)


def card_items(card: dict[str, object]) -> tuple[MetadataItem, ...]:
    """The model card metadata worth reporting, as strings."""
    items = []
    for key in CARD_KEYS:
        value = card.get(key)
        if value is None:
            continue
        if key == "model-index" and isinstance(value, list):
            results = sum(len(m.get("results") or []) for m in value if isinstance(m, dict))
            text = f"{len(value)} model(s), {results} evaluation result(s)"
        else:
            text = value if isinstance(value, str) else yaml.safe_dump(value, default_flow_style=True).strip()
        items.append(MetadataItem(key=key, value=str(text)[:_VALUE_MAX]))
    return tuple(items)


def without_companions(files: list[tuple[str, str | None]], companions: tuple[Companion, ...]
                       ) -> tuple[list[tuple[str, str | None]], dict[str, str]]:
    """Drop license texts that are a companion of another text among ``files`` (the GPL text in
    COPYING beside the LGPL's COPYING.LESSER).

    Returns:
        The files that stay, and for each dropped one the reason.
    """
    notes: dict[str, str] = {}
    for rule in companions:
        main = [p for p, e in files if e and set(expression_keys(e)) <= set(rule.licenses)]
        if not main:
            continue
        for path, expression in files:
            if expression and path not in main and set(expression_keys(expression)) <= set(rule.companions):
                notes[path] = f"companion text of {main[0]} ({rule.id}: {rule.reason})"
    return [(p, e) for p, e in files if p not in notes], notes


class DeclaredReader:
    """Reads the declared licenses of a repository.

    Args:
        knowledge: license knowledge (Hub ids, SPDX ids).
        catalogue: the findings catalogue.
        repo_urls: URL prefixes of this repository's files, followed by a revision and a path
            (``https://huggingface.co/ORG/NAME/blob/``): a ``license_link`` under one of them is a
            file of the repository.
    """

    def __init__(self, knowledge: LicenseKnowledge, catalogue: FindingCatalogue,
                 repo_urls: tuple[str, ...] = ()) -> None:
        self.knowledge = knowledge
        self.catalogue = catalogue
        self.repo_urls = repo_urls
        self.findings: list[Finding] = []

    def card_problem(self, card_path: str | None, problem: str | None) -> None:
        """Report a model card whose metadata could not be used as it is (``read_card``)."""
        if card_path is not None and problem is not None:
            self.findings.append(self.catalogue.make(
                "declared.card-unreadable", f"The model card {card_path}: {problem}.", paths=[card_path]))

    def _repo_path(self, link: str) -> str | None:
        """The repository path a ``license_link`` names, or None when it points elsewhere."""
        if "://" not in link:
            return link.lstrip("./")
        for prefix in self.repo_urls:
            if link.startswith(prefix):
                _revision, _, path = link[len(prefix):].partition("/")
                return path.split("?", 1)[0].split("#", 1)[0] or None
        return None

    def read(self, root_files: list[tuple[str, str | None]], card: dict[str, object] | None,
             card_path: str | None, own: dict[str, str | None], extra: Iterable[DeclaredLicense] = (),
             companions: tuple[Companion, ...] = ()) -> tuple[Declared, str | None]:
        """The declared licenses and their combined expression (AND of all).

        Args:
            root_files: (path, detected expression) of each root license file.
            card: the model card's front matter, when there is one.
            card_path: the model card's path.
            own: path → the license each file's own text grants (to follow ``license_link``).
            extra: declarations found elsewhere (README license section, ``LICENSES/``, manifests).
            companions: license texts meant to sit beside another (COPYING + COPYING.LESSER).
        """
        entries: list[DeclaredLicense] = []
        _, companion_notes = without_companions(root_files, companions)
        for path, detected in root_files:
            expression = detected or "unknown"
            note = companion_notes.get(path)
            entries.append(DeclaredLicense(source="license-file", path=path, value=path,
                                           expression=None if note else expression,
                                           expression_spdx=None if note else expression_to_spdx(expression),
                                           detail=note or "license text detected by ScanCode"))
        folder = [e for e in extra if e.source == "licenses-folder"]
        entries.extend(e for e in extra if e.source != "licenses-folder")
        items: tuple[MetadataItem, ...] = ()
        if card is not None and card_path is not None:
            items = card_items(card)
            entries.extend(self._card_licenses(card, card_path, own))
        # LICENSES/ (REUSE) holds the texts of every license the project uses; it declares the
        # repository's license only when nothing else does (one text declares, several all apply).
        elsewhere = sorted({e.path for e in entries if e.expression})
        for e in folder:
            entries.append(e if not elsewhere else replace(
                e, expression=None, expression_spdx=None,
                detail=f"a license text in LICENSES/ (REUSE layout), used by annotations; the repository's "
                       f"license is declared by {', '.join(elsewhere)}"))
        resolved = [e.expression for e in entries if e.expression]
        combined = and_expressions(resolved) or None
        # Declarations that name a subset of another's licenses agree with it (a README naming the
        # main license, a LICENSE file that adds the license of a bundled part): only two that
        # each name a license the other does not are a conflict.
        # A license text and its "or later" form are one license here: the GPL/AGPL text is the
        # same for both, and a README or manifest saying "AGPLv3+" tells which is meant (ChatTTS).
        keysets = {frozenset(_family(k) for k in expression_keys(e)) for e in resolved}
        if any(not (a <= b or b <= a) for a in keysets for b in keysets):
            self.findings.append(self.catalogue.make(
                "declared.conflict",
                "The repository declares different licenses: "
                + "; ".join(f"{e.path} ({e.source}) says {e.expression}" for e in entries if e.expression)
                + ". Both are applied (AND) until the conflict is resolved.",
                paths=[e.path for e in entries]))
        declared = Declared(licenses=tuple(entries), model_card=items,
                            license_files=tuple(sorted(path for path, _ in root_files)))
        return declared, combined

    def _card_licenses(self, card: dict[str, object], card_path: str,
                       own: dict[str, str | None]) -> list[DeclaredLicense]:
        raw = card.get("license")
        values = raw if isinstance(raw, list) else [raw] if raw is not None else []
        out = []
        for value in values:
            value = str(value)
            if value.lower() == "other":
                out.append(self._card_other(card, card_path, own))
                continue
            expression, note = self.knowledge.hub_license(value)
            out.append(DeclaredLicense(source="model-card", path=card_path, value=value, expression=expression,
                                       expression_spdx=expression_to_spdx(expression), detail=note))
            if expression is None:
                self.findings.append(self.catalogue.make(
                    "declared.unresolved-license",
                    f"Model card '{card_path}' declares license '{value}', which osai-scan cannot map to one "
                    f"license: {note}.", paths=[card_path]))
        return out

    def _card_other(self, card: dict[str, object], card_path: str, own: dict[str, str | None]) -> DeclaredLicense:
        name = str(card.get("license_name") or "").strip()
        link = str(card.get("license_link") or "").strip()
        if not name or not link:
            missing = " and ".join(k for k, v in (("license_name", name), ("license_link", link)) if not v)
            self.findings.append(self.catalogue.make(
                "declared.license-other-incomplete",
                f"Model card '{card_path}' declares license: other without {missing}.", paths=[card_path]))
        expression = None
        detail = ""
        target = self._repo_path(link) if link else None
        if target is not None:
            if target in own:
                expression = own[target] or "unknown"
                detail = f"license_link points to '{target}'"
            else:
                self.findings.append(self.catalogue.make(
                    "attribution.unresolved-reference",
                    f"Model card '{card_path}' has license_link '{link}', which is not a file of the repository.",
                    paths=[card_path]))
        if expression is None and name:
            expression, detail = self.knowledge.hub_license(name)
            expression = expression or key_of_spdx(name)
        if expression is None and link and target is None:
            self.findings.append(self.catalogue.make(
                "attribution.unresolved-reference",
                f"Model card '{card_path}' declares license: other" + (f" (license_name: {name})" if name else "")
                + f" with license_link '{link}', outside the repository: the scan does not read it, so the "
                "license it names is unknown.", paths=[card_path]))
        elif expression is None:
            self.findings.append(self.catalogue.make(
                "declared.license-other-unresolved",
                f"Model card '{card_path}' declares license: other"
                + (f" (license_name: {name})" if name else "") + (f" (license_link: {link})" if link else "")
                + ", which osai-scan cannot resolve to a license text.", paths=[card_path]))
        return DeclaredLicense(source="model-card", path=card_path, value=f"other: {name or link or '?'}",
                               expression=expression, expression_spdx=expression_to_spdx(expression),
                               detail=detail or "license: other")


__all__ = ["CARD_KEYS", "DeclaredReader", "card_items", "parse_front_matter", "read_card", "read_front_matter",
           "without_companions"]
