"""Rules of ``notices.yaml``: a file's own license notice versus the licenses it mentions.

``CommentSyntax`` says how a file type's comments and strings are found (the detect stage uses
it to give every match its context); ``RoleRule`` says which matches are the file's notice and
which are mentions (the attribute stage applies them, first match wins); ``NoticeSettings``
holds the thresholds. All three are data, merged by id like every other rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from ..errors import RuleError
from .parse import as_list, check_keys, entries, line_of

#: What ScanCode's rule kinds and osai-scan's contexts may be (a typo in a rule is an error).
MATCH_KINDS = ("text", "notice", "tag", "reference", "intro", "clue", "spdx-id", "unknown")
CONTEXTS = ("leading-comment", "comment", "string", "code", "data", "prose")
ROLES = ("notice", "mention", "statement")
_BODIES = ("code", "data", "prose")
_COMPONENTS = ("code", "training-code", "model", "training-data", "data", "documentation", "legal", "other")
_OPERATOR = re.compile(r"\s(AND|OR)\s", re.IGNORECASE)
_TOKENIZERS = ("python",)


@dataclass(frozen=True, slots=True, kw_only=True)
class CommentSyntax:
    """How comments and strings look in one family of file types."""

    id: str
    extensions: tuple[str, ...]
    names: tuple[str, ...] = ()
    line_comments: tuple[str, ...] = ()
    block_comments: tuple[tuple[str, str], ...] = ()
    tokenizer: str | None = None
    body: str = "code"

    def fits(self, path: str) -> bool:
        """True when ``path``'s file name or extension is one of this syntax's."""
        name = path.rsplit("/", 1)[-1].lower()
        ext = name.rsplit(".", 1)[-1] if "." in name else ""
        return name in self.names or (bool(ext) and ext in self.extensions)


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleRule:
    """Which matches are a file's own notice and which are mentions (empty filters match all)."""

    id: str
    reason: str
    role: str
    kinds: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    min_coverage: float | None = None
    max_coverage: float | None = None
    matchers: tuple[str, ...] = ()
    components: tuple[str, ...] = ()
    #: True: only expressions of several licenses (AND/OR); False: only single licenses.
    compound: bool | None = None
    #: True: only matches whose lines do not name one of their licenses; False: only the others.
    unnamed: bool | None = None

    def fits(self, kind: str | None, context: str | None, coverage: float | None, matcher: str = "",
             component: str | None = None, expression: str = "", unnamed: bool = False) -> bool:
        """True when a match of this kind, context, coverage, matcher, component of the file,
        expression and naming falls under the rule."""
        if self.unnamed is not None and self.unnamed != unnamed:
            return False
        if self.kinds and (kind or "unknown") not in self.kinds:
            return False
        if self.contexts and (context or "prose") not in self.contexts:
            return False
        if self.matchers and matcher not in self.matchers:
            return False
        if self.components and component not in self.components:
            return False
        if self.compound is not None and self.compound != bool(_OPERATOR.search(expression)):
            return False
        if self.max_coverage is not None and (coverage if coverage is not None else 100.0) > self.max_coverage:
            return False
        return self.min_coverage is None or (coverage or 0.0) >= self.min_coverage


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeSettings:
    """Thresholds of ``notices.yaml``."""

    whole_text_min_coverage: float = 80.0
    whole_text_min_lines: int = 20
    trailer_tolerance_lines: int = 2
    partial_trailer_lines: int = 10
    partial_trailer_max_coverage: float = 50.0
    #: A match of generic ScanCode licenses only (``is_generic``: proprietary-license,
    #: other-permissive, ...) on lines that a match of a specific license also covers is part of
    #: that license's words (True); False keeps it as a license of its own.
    generic_within_specific: bool = False
    #: Which matches must name their licenses in the lines they matched (``Match.unnamed``).
    name_check_matchers: tuple[str, ...] = ()
    name_check_kinds: tuple[str, ...] = ()
    #: Words of license names that name no license in particular ("license", "general", ...).
    name_ignored_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class NoticeRules:
    """Everything ``notices.yaml`` says, merged over every rules folder."""

    settings: NoticeSettings
    syntax: tuple[CommentSyntax, ...]
    roles: tuple[RoleRule, ...]

    def syntax_of(self, path: str) -> CommentSyntax | None:
        """The syntax of ``path``'s file type (None: a prose file)."""
        return next((s for s in self.syntax if s.fits(path)), None)


def _choices(raw: dict[str, Any], key: str, allowed: tuple[str, ...], where: str) -> tuple[str, ...]:
    values = tuple(v.lower() for v in as_list(raw.get(key)))
    wrong = [v for v in values if v not in allowed]
    if wrong:
        raise RuleError(f"unknown {key} {wrong} (allowed: {list(allowed)})", path=where, line=line_of(raw))
    return values


def parse_syntax(raw: Any, where: str) -> CommentSyntax:
    """One ``syntax`` entry.

    Raises:
        RuleError: a missing id, an unknown key or value.
    """
    if not isinstance(raw, dict) or not raw.get("id"):
        raise RuleError("a syntax entry needs an 'id'", path=where, line=line_of(raw))
    check_keys(raw, {"id", "extensions", "names", "line_comments", "block_comments", "tokenizer", "body"},
               "notices syntax", where)
    blocks = []
    for pair in raw.get("block_comments") or []:
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(p, str) and p for p in pair):
            raise RuleError(f"{raw['id']}: block_comments holds [start, end] pairs", path=where, line=line_of(raw))
        blocks.append((pair[0], pair[1]))
    body = str(raw.get("body", "code"))
    tokenizer = raw.get("tokenizer")
    if body not in _BODIES or (tokenizer is not None and tokenizer not in _TOKENIZERS):
        raise RuleError(f"{raw['id']}: body is one of {list(_BODIES)}, tokenizer one of {list(_TOKENIZERS)}",
                        path=where, line=line_of(raw))
    return CommentSyntax(id=str(raw["id"]), extensions=tuple(e.lower().lstrip(".") for e in as_list(raw.get("extensions"))),
                         names=tuple(n.lower() for n in as_list(raw.get("names"))),
                         line_comments=as_list(raw.get("line_comments")), block_comments=tuple(blocks),
                         tokenizer=tokenizer, body=body)


def parse_role(raw: Any, where: str) -> RoleRule:
    """One ``roles`` entry.

    Raises:
        RuleError: a missing id, reason or role, an unknown key or value.
    """
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("reason") or not raw.get("role"):
        raise RuleError("a role rule needs 'id', 'reason' and 'role'", path=where, line=line_of(raw))
    check_keys(raw, {"id", "reason", "role", "kinds", "contexts", "min_coverage", "max_coverage", "matchers",
                     "components", "compound", "unnamed"}, "notices role", where)
    if raw["role"] not in ROLES:
        raise RuleError(f"{raw['id']}: role is one of {list(ROLES)}", path=where, line=line_of(raw))
    bounds = {}
    for key in ("min_coverage", "max_coverage"):
        value = raw.get(key)
        if value is not None and not isinstance(value, (int, float)):
            raise RuleError(f"{raw['id']}: {key} is a number (0-100)", path=where, line=line_of(raw))
        bounds[key] = float(value) if value is not None else None
    compound, unnamed = raw.get("compound"), raw.get("unnamed")
    for key, value in (("compound", compound), ("unnamed", unnamed)):
        if value is not None and not isinstance(value, bool):
            raise RuleError(f"{raw['id']}: {key} is true or false", path=where, line=line_of(raw))
    return RoleRule(id=str(raw["id"]), reason=str(raw["reason"]), role=str(raw["role"]),
                    kinds=_choices(raw, "kinds", MATCH_KINDS, where),
                    contexts=_choices(raw, "contexts", CONTEXTS, where),
                    matchers=as_list(raw.get("matchers")),
                    components=_choices(raw, "components", _COMPONENTS, where), compound=compound, unnamed=unnamed,
                    **bounds)


def load_notice_rules(docs: Iterable[tuple[Path, Any]], report: Any) -> NoticeRules:
    """Merge the ``notices.yaml`` of every rules folder (built-in first) by id.

    A later folder's entry with a known id replaces it; a new syntax is added after, a new role
    rule goes first (a user's rules take precedence). ``report`` receives each RuleError.
    """
    settings: dict[str, Any] = {}
    syntax: dict[str, CommentSyntax] = {}
    roles: list[RoleRule] = []
    for number, (path, doc) in enumerate(docs):
        where = str(path)
        try:
            if isinstance(doc, dict):
                check_keys(doc, {"schema", "settings", "syntax", "roles"}, "notices.yaml", where)
                raw_settings = doc.get("settings") or {}
                check_keys(raw_settings, {"whole_text_min_coverage", "whole_text_min_lines", "trailer_tolerance_lines",
                                          "partial_trailer_lines", "partial_trailer_max_coverage", "name_check_matchers",
                                          "generic_within_specific",
                                          "name_check_kinds", "name_ignored_words"},
                           "notices settings", where)
                settings.update({k: v for k, v in raw_settings.items() if k != "__line__"})
            for raw in entries(doc, "syntax", where):
                entry = parse_syntax(raw, where)
                syntax[entry.id] = entry
            added = []
            for raw in entries(doc, "roles", where):
                rule = parse_role(raw, where)
                ids = [r.id for r in roles]
                if rule.id in ids:
                    roles[ids.index(rule.id)] = rule
                elif number == 0:
                    roles.append(rule)
                else:
                    added.append(rule)
            roles[:0] = added
        except RuleError as exc:
            report(exc)
    try:
        merged = NoticeSettings(whole_text_min_coverage=float(settings.get("whole_text_min_coverage", 80)),
                                whole_text_min_lines=int(settings.get("whole_text_min_lines", 20)),
                                trailer_tolerance_lines=int(settings.get("trailer_tolerance_lines", 2)),
                                partial_trailer_lines=int(settings.get("partial_trailer_lines", 10)),
                                partial_trailer_max_coverage=float(settings.get("partial_trailer_max_coverage", 50)),
                                generic_within_specific=bool(settings.get("generic_within_specific", False)),
                                name_check_matchers=as_list(settings.get("name_check_matchers")),
                                name_check_kinds=as_list(settings.get("name_check_kinds")),
                                name_ignored_words=frozenset(w.lower() for w in as_list(settings.get("name_ignored_words"))))
    except (TypeError, ValueError):
        report(RuleError("notices settings are numbers, or lists of words", path="notices.yaml"))
        merged = NoticeSettings()
    return NoticeRules(settings=merged, syntax=tuple(syntax.values()), roles=tuple(roles))


__all__ = ["CONTEXTS", "MATCH_KINDS", "CommentSyntax", "NoticeRules", "NoticeSettings", "RoleRule",
           "load_notice_rules", "parse_role", "parse_syntax"]
