"""The governing license of each file, with its provenance (DESIGN.md attribution order).

1. the file's own notice (ScanCode matches in the file, or license metadata in a weights header);
2. a REUSE annotation (REUSE.toml, .reuse/dep5, ``<file>.license`` sidecar; see reuse.py for
   how ``override`` annotations and sidecars also outrank the file's own notice);
3. a component-scoped license file (LICENSE-MODEL, ...) in the file's folder or above;
4. the nearest enclosing folder's license file (below the root);
5. the repository's declared license: root license files and the model card (declared.py).
Conflicts are findings, not silent overrides: license files of one folder that disagree are
all applied (AND), and a reference to a license that cannot be found is reported.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Iterable

from license_expression import Licensing, combine_expressions

from ..findings import FindingCatalogue
from ..licenses import (
    UNKNOWN_SPDX,
    LicenseKnowledge,
    and_expressions,
    expression_keys,
    expression_to_spdx,
    scancode_license_info,
    spdx_to_expression,
)
from ..models import Attribution, AttributionSource, Component, Detection, Finding, Match
from ..ruleset import Companion, LicenseFileRule, NoticeRules, ThirdPartyRule
from .declared import without_companions
from .reuse import Annotation, ReuseIndex, is_licenses_folder_text

#: Header metadata keys that carry a license (GGUF, safetensors __metadata__).
_METADATA_LICENSE_KEYS = ("general.license", "license")
#: The role rule id of a match inside a whole license text of another license.
TRAILER_RULE = "notices.part-of-text"


@dataclass(frozen=True, slots=True)
class LicenseFile:
    """A file whose text governs other files."""

    path: str
    folder: str
    expression: str | None
    components: tuple[Component, ...]
    rule: str
    #: The components it declares when none of their files are in the target.
    declares_absent: tuple[Component, ...] = ()


def _glob(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def _folder(path: str) -> str:
    parent = str(PurePosixPath(path).parent)
    return "" if parent == "." else parent


def _is_within(path: str, folder: str) -> bool:
    return folder == "" or path.startswith(folder + "/")


def _inside(match: Match, text: Match, tolerance: int) -> bool:
    """True when ``match`` lies within the lines of the whole text ``text`` (or just after it)."""
    assert text.start_line is not None and text.end_line is not None
    start = match.start_line if match.start_line is not None else -1
    end = match.end_line if match.end_line is not None else start
    return text.start_line <= start and end <= text.end_line + tolerance


@lru_cache(maxsize=4096)
def _all_generic(expression: str) -> bool:
    """True when every license of ``expression`` is generic in ScanCode's license data
    (``is_generic: yes``: proprietary-license, other-permissive, unknown, ...)."""
    keys = expression_keys(expression)
    return bool(keys) and all((scancode_license_info(k) or {}).get("is_generic") is True for k in keys)


def _appended(match: Match, text: Match, lines: int) -> bool:
    """True when ``match`` starts after the whole text ``text``, within ``lines`` lines of its end."""
    assert text.end_line is not None
    return match.start_line is not None and text.end_line < match.start_line <= text.end_line + lines


class Attributor:
    """Computes governing licenses for a whole inventory.

    Args:
        knowledge: license knowledge (Hub ids, SPDX mapping).
        component_rules: scoped license file names (attribution.yaml).
        generic_rules: generic license file names (attribution.yaml).
        reference_keys: ScanCode keys that only point at a license elsewhere.
        catalogue: the findings catalogue.
        reuse: the target's REUSE annotations, when it has any.
        notices: which matches are a file's own notice and which are mentions (notices.yaml);
            None takes every match as the file's notice.
        companions: license texts meant to sit beside another in one folder (attribution.yaml).
        third_party: license files that hold a third party's license when they sit beside the
            folder's own license file (attribution.yaml).
    """

    def __init__(self, knowledge: LicenseKnowledge, component_rules: tuple[LicenseFileRule, ...],
                 generic_rules: tuple[LicenseFileRule, ...], reference_keys: frozenset[str],
                 catalogue: FindingCatalogue, reuse: ReuseIndex | None = None,
                 notices: NoticeRules | None = None, companions: tuple[Companion, ...] = (),
                 third_party: tuple[ThirdPartyRule, ...] = ()) -> None:
        self.knowledge = knowledge
        self.companions = companions
        self.third_party_rules = third_party
        #: path -> own license of each third-party license file (filled by ``license_files``).
        self.third_party: dict[str, str | None] = {}
        self.notices = notices
        self._licensing = Licensing()
        self.component_rules = component_rules
        self.generic_rules = generic_rules
        self.reference_keys = reference_keys
        self.catalogue = catalogue
        self.reuse = reuse
        self.own: dict[str, str | None] = {}
        self.card_path: str | None = None
        self.findings: list[Finding] = []
        self._conflicts: dict[tuple[str, ...], list[tuple[str, Component]]] = {}
        self._reuse_cache: dict[str, tuple[str | None, tuple[str, ...]]] = {}
        self._unresolved: dict[str, list[str]] = {}
        for path, problem in reuse.problems if reuse else ():
            self.findings.append(catalogue.make("attribution.reuse-invalid", f"{path}: {problem}.", paths=[path]))

    # -- level 1: what the file says ----------------------------------------------------------

    def assign_roles(self, detection: Detection, component: Component | None = None) -> Detection:
        """``detection`` with the role of every match decided (rules/notices.yaml).

        A match inside a whole license text of another license (a text or notice match of high
        coverage over many lines, notices.yaml ``settings``), or a partial match just after one
        (a disclaimer appended to the text), is ``part-of-text``; every other
        match gets the role of the first role rule that fits its kind, context and coverage.
        """
        if not detection.matches or self.notices is None:
            return detection
        settings = self.notices.settings
        texts = [m for m in detection.matches if m.kind in ("text", "notice") and m.start_line is not None
                 and m.end_line is not None and (m.coverage or 0.0) >= settings.whole_text_min_coverage
                 and m.end_line - m.start_line + 1 >= settings.whole_text_min_lines]
        out = []
        for match in detection.matches:
            partial = (match.coverage or 0.0) < settings.partial_trailer_max_coverage
            host = next((t for t in texts if t is not match
                         and (_inside(match, t, settings.trailer_tolerance_lines)
                              or partial and _appended(match, t, settings.partial_trailer_lines))
                         and set(expression_keys(match.expression)) - set(expression_keys(t.expression))), None)
            if host is None and settings.generic_within_specific and _all_generic(match.expression):
                host = next((t for t in detection.matches if t is not match and t.start_line is not None
                             and t.end_line is not None and not _all_generic(t.expression)
                             and _inside(match, t, 0)), None)
            if host is not None:
                out.append(replace(match, role="part-of-text", role_rule=TRAILER_RULE))
                continue
            rule = next((r for r in self.notices.roles if r.fits(match.kind, match.context, match.coverage, match.matcher,
                                                                  component.value if component else None,
                                                                  match.expression, bool(match.unnamed))), None)
            out.append(replace(match, role=rule.role if rule else "notice", role_rule=rule.id if rule else None))
        return replace(detection, matches=tuple(out))

    def own_expression(self, detection: Detection) -> tuple[str | None, AttributionSource]:
        """The license a file's own content grants: its notices (not its mentions, not a license
        text's trailer), reference-only keys removed."""
        if detection.header is not None:
            for item in detection.header.metadata:
                if item.key in _METADATA_LICENSE_KEYS and item.value.strip():
                    expression, _ = self.knowledge.hub_license(item.value)
                    if expression:
                        return expression, AttributionSource.FILE_METADATA
            return None, AttributionSource.NONE
        if not detection.expression:
            return None, AttributionSource.NONE
        notices = [m for m in detection.matches if m.role in (None, "notice")]
        repaired = any(m.scancode_expression for m in notices)
        if len(notices) == len(detection.matches) and not repaired:  # nothing set aside: ScanCode's own expression
            combined = detection.expression
        elif not notices:
            return None, AttributionSource.NONE
        else:
            combined = str(combine_expressions([m.expression for m in notices], unique=True, licensing=self._licensing))
        # "(mit AND apache-2.0) AND apache-2.0" (a compound rule beside a simple one) is "mit AND apache-2.0"
        if " AND " in combined.upper():
            combined = and_expressions([combined])
        return self._strip_references(combined), AttributionSource.FILE_NOTICE

    def references(self, detection: Detection) -> tuple[str, ...]:
        """The reference-only keys ("see LICENSE") in a file's own detections."""
        if not detection.expression:
            return ()
        if any(m.role is not None for m in detection.matches):
            keys = {k for m in detection.matches if m.role == "notice" for k in expression_keys(m.expression)}
            return tuple(k for k in sorted(keys) if k in self.reference_keys)
        return tuple(k for k in expression_keys(detection.expression) if k in self.reference_keys)

    def _strip_references(self, expression: str) -> str | None:
        keys = expression_keys(expression)
        if not any(k in self.reference_keys for k in keys):
            return expression
        if all(k in self.reference_keys for k in keys):
            return None
        if "OR" in expression.upper().split():
            return expression  # do not reshape choices; keep ScanCode's expression
        return and_expressions(k for k in keys if k not in self.reference_keys) or None

    # -- license files ------------------------------------------------------------------------

    def license_files(self, paths_labels: Iterable[tuple[str, Component]],
                      own: dict[str, str | None]) -> list[LicenseFile]:
        """Every file whose text governs others: component-scoped first, then generic."""
        self.own = own
        found = []
        for path, component in paths_labels:
            if component is not Component.LEGAL or is_licenses_folder_text(path):
                continue  # LICENSES/ (REUSE) holds texts that annotations name; it governs no folder
            name = PurePosixPath(path).name.lower()
            parent = PurePosixPath(path).parent.name.lower()
            scoped = next((r for r in self.component_rules
                           if _glob(name, r.names) and (not r.dirs or _glob(parent, r.dirs))), None)
            rule = scoped or next((r for r in self.generic_rules if _glob(name, r.names) and not r.dirs), None)
            if rule is None:
                continue
            # A license in a folder of licenses for one component (model_licenses/) governs that
            # component from the folder that holds the licenses folder.
            folder = _folder(_folder(path)) if rule.dirs else _folder(path)
            found.append(LicenseFile(path=path, folder=folder, expression=own.get(path),
                                     components=rule.components, rule=rule.id,
                                     declares_absent=rule.components if rule.declares_absent is None
                                     else rule.declares_absent))
            if own.get(path) is None:
                self.findings.append(self.catalogue.make(
                    "attribution.license-file-unrecognised",
                    f"No license was recognised in license file '{path}'.", paths=[path]))
        return self._set_aside_third_party(found)

    def _set_aside_third_party(self, found: list[LicenseFile]) -> list[LicenseFile]:
        """``found`` without the third-party license files (LICENSE_cctorch beside LICENSE): they
        govern no folder; a file whose notice names one gets its license (``named_third_party``)."""
        names = {lf.path: PurePosixPath(lf.path).name.lower() for lf in found}
        kept = []
        for lf in found:
            rule = None if lf.components else next(
                (r for r in self.third_party_rules if _glob(names[lf.path], r.names)
                 and any(o.folder == lf.folder and o is not lf and not o.components and _glob(names[o.path], r.beside)
                         for o in found)), None)
            if rule is None:
                kept.append(lf)
                continue
            self.third_party[lf.path] = lf.expression
            own = next(o.path for o in found if o.folder == lf.folder and o is not lf and _glob(names[o.path], rule.beside))
            self.findings.append(self.catalogue.make(
                "attribution.third-party-license-file",
                f"'{lf.path}' ({lf.expression or 'not recognised'}) sits beside '{own}' and is taken for a third "
                f"party's license ({rule.id}): it governs no file by folder; files whose text names it get it as well.",
                paths=[lf.path, own]))
        return kept

    def named_third_party(self, text: str) -> tuple[str, ...]:
        """The third-party license files that a file's text names ("adapted from ... with license
        found in the LICENSE_cctorch file in the root directory")."""
        lowered = text.lower()
        return tuple(path for path in sorted(self.third_party)
                     if re.search(rf"(?<![\w.-]){re.escape(PurePosixPath(path).name.lower())}(?![\w-])", lowered))

    # -- level 2: REUSE ------------------------------------------------------------------------

    def _resolve_ref(self, identifier: str) -> str | None:
        """A ``LicenseRef-...`` resolves to the license detected in ``LICENSES/<id>.*`` (REUSE)."""
        prefix = f"LICENSES/{identifier}."
        for path, expression in self.own.items():
            if path.startswith(prefix) and expression:
                return expression
        return None

    def _reuse(self, annotation: Annotation, path: str) -> Attribution:
        if annotation.spdx not in self._reuse_cache:
            self._reuse_cache[annotation.spdx] = spdx_to_expression(annotation.spdx, self._resolve_ref)
        expression, unresolved = self._reuse_cache[annotation.spdx]
        if expression is None:
            expression, unresolved = UNKNOWN_SPDX, (annotation.spdx,)
        for identifier in unresolved:
            self._unresolved.setdefault(f"{annotation.source_path} names '{identifier}'", []).append(path)
        return Attribution(expression=expression, expression_spdx=expression_to_spdx(expression),
                           source=AttributionSource.REUSE, source_path=annotation.source_path,
                           detail=annotation.detail)

    # -- levels 1-5 for one file ----------------------------------------------------------------

    def attribute(self, path: str, component: Component, own: str | None, own_source: AttributionSource,
                  license_files: list[LicenseFile], declared: str | None, declared_paths: str,
                  references: tuple[str, ...] = (), named: tuple[str, ...] = ()) -> Attribution:
        """The governing license of one file; ``named``: the third-party license files its notice
        names, whose licenses apply to it besides the one the attribution order gives."""
        found = self._attribute(path, component, own, own_source, license_files, declared, declared_paths, references)
        if not named:
            return found
        expression = and_expressions([found.expression or "unknown", *(self.third_party[p] or "unknown" for p in named)])
        return replace(found, expression=expression, expression_spdx=expression_to_spdx(expression),
                       source_path=", ".join(p for p in (found.source_path, *named) if p),
                       detail=f"{found.detail}, and the third-party license file(s) its notice names: {', '.join(named)}")

    def _attribute(self, path: str, component: Component, own: str | None, own_source: AttributionSource,
                   license_files: list[LicenseFile], declared: str | None, declared_paths: str,
                   references: tuple[str, ...]) -> Attribution:
        toml = self.reuse.toml_annotation(path) if self.reuse else None
        if toml is not None and toml.precedence == "override":
            return self._reuse(toml, path)
        if self.reuse and path in self.reuse.sidecars:
            return self._reuse(self.reuse.sidecars[path], path)
        if own:
            if own_source is AttributionSource.FILE_NOTICE and UNKNOWN_SPDX in expression_keys(own):
                self._unresolved.setdefault(f"'{path}' has an SPDX-License-Identifier naming no known license",
                                            []).append(path)
            if toml is not None and toml.precedence == "aggregate":
                reuse = self._reuse(toml, path)
                expression = and_expressions([own, reuse.expression or UNKNOWN_SPDX])
                return Attribution(expression=expression, expression_spdx=expression_to_spdx(expression),
                                   source=AttributionSource.REUSE, source_path=toml.source_path,
                                   detail=f"{toml.detail}, together with the file's own notice")
            return Attribution(expression=own, expression_spdx=expression_to_spdx(own), source=own_source,
                               source_path=path, detail="license notice in the file itself"
                               if own_source is AttributionSource.FILE_NOTICE else "license metadata in the header")
        annotation = toml or (self.reuse.dep5_annotation(path) if self.reuse else None)
        if annotation is not None:
            return self._reuse(annotation, path)
        if own_source is AttributionSource.NONE and any(lf.path == path for lf in license_files):
            # a license file nobody recognised is under its own, unknown terms (never its siblings')
            return Attribution(expression="unknown", expression_spdx=expression_to_spdx("unknown"),
                               source=AttributionSource.NONE, source_path=path,
                               detail="a license file whose license ScanCode did not recognise")
        scoped = [lf for lf in license_files
                  if lf.components and component in lf.components and _is_within(path, lf.folder)]
        enclosing = [lf for lf in license_files if not lf.components and lf.folder and _is_within(path, lf.folder)]
        nearest_scoped = max((len(lf.folder) for lf in scoped), default=-1)
        nearest_enclosing = max((len(lf.folder) for lf in enclosing), default=-1)
        if scoped and nearest_scoped >= nearest_enclosing:  # a nearer folder license (vendored code) wins
            return self._from_files(path, component, scoped, AttributionSource.COMPONENT_LICENSE_FILE,
                                    f"{component.value} license file")
        if enclosing:
            return self._from_files(path, component, enclosing, AttributionSource.DIRECTORY_LICENSE_FILE,
                                    "license file of folder")
        if declared:
            return Attribution(expression=declared, expression_spdx=expression_to_spdx(declared),
                               source=AttributionSource.DECLARED, source_path=declared_paths,
                               detail="repository's declared license")
        if references and path != self.card_path:  # the card's own references are declared.* findings
            self._unresolved.setdefault(f"'{path}' refers to a license elsewhere ({', '.join(references)})",
                                        []).append(path)
        return Attribution(expression=None, expression_spdx=None, source=AttributionSource.NONE,
                           detail="no license found for this file at any level")

    def _from_files(self, path: str, component: Component, candidates: list[LicenseFile],
                    source: AttributionSource, what: str) -> Attribution:
        """The nearest license file(s); several in one folder that disagree are a conflict (AND)."""
        nearest = max(len(lf.folder) for lf in candidates)
        peers = sorted((lf for lf in candidates if len(lf.folder) == nearest), key=lambda lf: lf.path)
        known = [lf for lf in peers if lf.expression] or peers[:1]
        kept, _ = without_companions([(lf.path, lf.expression) for lf in known], self.companions)
        known = [lf for lf in known if (lf.path, lf.expression) in kept] or known
        if len({frozenset(expression_keys(lf.expression or "unknown")) for lf in known}) > 1:
            self._conflicts.setdefault(tuple(lf.path for lf in known), []).append((path, component))
        expression = and_expressions(lf.expression or "unknown" for lf in known)
        folder = known[0].folder
        return Attribution(expression=expression, expression_spdx=expression_to_spdx(expression), source=source,
                           source_path=", ".join(lf.path for lf in known),
                           detail=f"{what} ({', '.join(lf.rule for lf in known)})" if source is
                           AttributionSource.COMPONENT_LICENSE_FILE else f"{what} '{folder or '.'}/'")

    def late_findings(self) -> list[Finding]:
        """Findings known once every file is attributed: conflicts and unresolved references."""
        out = []
        for texts, governed in sorted(self._conflicts.items()):
            components = sorted({c.value for _, c in governed})
            files = sorted(p for p, _ in governed)
            says = "; ".join(f"{p} says {self.own.get(p)}" for p in texts)
            out.append(self.catalogue.make(
                "attribution.license-texts-conflict",
                f"License texts that govern the same {', '.join(components)} files contradict each other: {says}. "
                f"Both are applied (AND) to {len(files)} file(s), e.g. {files[0]}.",
                paths=[*texts, *files]))
        for what, paths in sorted(self._unresolved.items()):
            out.append(self.catalogue.make(
                "attribution.unresolved-reference",
                f"A license reference cannot be resolved: {what}"
                + (f" (used for {len(set(paths))} file(s))" if len(set(paths)) > 1 else "") + ".",
                paths=paths))
        return out


__all__ = ["Attributor", "LicenseFile", "TRAILER_RULE", "UNKNOWN_SPDX"]
