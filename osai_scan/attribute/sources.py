"""Where projects declare their license besides a root LICENSE file: the README's license
section, package manifests, the ``LICENSES/`` folder, and README sentences scoped to one
component ("the model weights are released under ...").

Everything is read as text (TOML with ``tomllib``, JSON with ``json``, ``setup.cfg`` with
``configparser``, ``setup.py`` with a regular expression); nothing is imported or executed.
Each declaration names the file and the line that make it.
"""

from __future__ import annotations

import configparser
import json
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any, Callable, Collection, Iterable
from urllib.parse import unquote

from ..licenses import and_expressions, expression_keys, expression_to_spdx, spdx_to_expression
from ..models import Component, DeclaredLicense, Match
from ..ruleset import StatementRule
from .reuse import is_licenses_folder_text

#: A Markdown (ATX or setext) or reStructuredText heading that opens a license section.
_HEADING = re.compile(r"^(#{1,6})\s*(?:\d+(?:\.\d+)*\.?\s+)?(licen[cs]e|licen[cs]ing|licen[cs]e and (copyright|citation)|copyright and "
                      r"licen[cs]e)s?\b.*$", re.IGNORECASE)
_ANY_ATX = re.compile(r"^(#{1,6})\s+\S")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_LICENSE_WORD = re.compile(r"^\W*(licen[cs]e|licen[cs]ing)s?\W*$", re.IGNORECASE)
#: Root package manifests, by file name.
MANIFESTS = ("pyproject.toml", "setup.cfg", "setup.py", "package.json", "Cargo.toml")
_SETUP_PY_LICENSE = re.compile(r"""\blicense\s*=\s*(['"])(?P<value>[^'"\n]{1,200})\1""")
_CLASSIFIER = re.compile(r"License\s*::\s*(?:OSI Approved\s*::\s*)?(?P<name>[^'\"\n]+?)\s*['\"]")


@dataclass(frozen=True, slots=True)
class ScopedStatement:
    """A README sentence that names a component and the license it is under."""

    component: Component
    path: str
    line: int
    expression: str
    text: str
    rule: str
    #: The sentence's last line, when it wraps over several ("... is released under" /
    #: "the [Apache 2.0 License](LICENSE)."); None when it is on ``line`` alone.
    end_line: int | None = None

    @property
    def lines(self) -> range:
        """Every line the sentence is on."""
        return range(self.line, (self.end_line or self.line) + 1)


def readme_license_section(text: str) -> tuple[int, int] | None:
    """The first and last line (1-based) of a README's license section, or None."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        level = None
        match = _HEADING.match(line.strip())
        if match:
            level = len(match.group(1))
        elif (_LICENSE_WORD.match(line.strip()) and index + 1 < len(lines)
              and _SETEXT.match(lines[index + 1].strip()) and line.strip()):
            level = 1 if lines[index + 1].strip().startswith("=") else 2
        if level is None:
            continue
        end = len(lines)
        for after in range(index + 1, len(lines)):
            other = _ANY_ATX.match(lines[after].strip())
            setext = (after + 1 < len(lines) and lines[after].strip() and _SETEXT.match(lines[after + 1].strip())
                      and after > index + 1)
            if (other and len(other.group(1)) <= level) or setext:
                end = after
                break
        return index + 1, end
    return None


#: Roles of matches that can declare a license (a clue or a weak match cannot).
_DECLARING = (None, "notice", "statement")
#: On a manifest's license field or classifier line, found by parsing the manifest, every match
#: declares: notices.yaml calls a license named in TOML/JSON data a mention, but that line is the
#: package's license by its format's own definition.
_MANIFEST_FIELD = (None, "notice", "statement", "mention")


def _matches_in(matches: Iterable[Match], first: int, last: int, skip: frozenset[str]) -> list[Match]:
    return [m for m in matches if m.start_line is not None and first <= m.start_line <= last
            and m.role in _DECLARING and not set(expression_keys(m.expression)) <= skip]


def readme_declaration(path: str, text: str, matches: tuple[Match, ...],
                       reference_keys: frozenset[str], scoped_lines: Collection[int] = ()) -> DeclaredLicense | None:
    """What the README's license section declares (a license text, or a sentence naming one).

    Args:
        scoped_lines: lines that put another component than the code under a license ("- ML
            models: [Apple ML Research Model TOU](./LICENSE_MODELS)"): they declare for that
            component alone, not for the repository.
    """
    section = readme_license_section(text)
    if section is None:
        return None
    found = [m for m in _matches_in(matches, section[0], section[1], reference_keys) if m.start_line not in scoped_lines]
    if not found:
        return None
    expression = and_expressions([m.expression for m in found])
    return DeclaredLicense(source="readme", path=path, value=f"license section, lines {section[0]}-{section[1]}",
                           expression=expression, expression_spdx=expression_to_spdx(expression),
                           detail=f"the README's license section (line {found[0].start_line})",
                           line=found[0].start_line)


def _line_of(text: str, needle: str) -> int | None:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else None


def _from_value(path: str, text: str, value: str, field: str, source: str) -> DeclaredLicense | None:
    value = value.strip()
    if not value:
        return None
    expression, unresolved = spdx_to_expression(value)
    if expression is None or unresolved:
        expression = None
    return DeclaredLicense(source=source, path=path, value=f"{field} = {value}", expression=expression,
                           expression_spdx=expression_to_spdx(expression) if expression else None,
                           detail=f"{field} in {path}" + ("" if expression else " (not an SPDX expression)"),
                           line=_line_of(text, value))


def _table(doc: dict[str, Any], key: str) -> dict[str, Any]:
    """``doc[key]`` when it is a table (a manifest may hold anything under any key), else empty."""
    value = doc.get(key)
    return value if isinstance(value, dict) else {}


def manifest_declarations(path: str, text: str,
                          line_matches: Callable[[int], list[Match]]) -> list[DeclaredLicense]:
    """The license fields of a package manifest (read as data, never executed).

    A value that is not an SPDX expression (``license = "Apache 2.0"``) takes what ScanCode
    matched on its line; license classifiers count when no license field does.

    Args:
        path: the manifest's path.
        text: its text.
        line_matches: the ScanCode matches on a line of the manifest.
    """
    name = PurePosixPath(path).name
    values: list[tuple[str, str]] = []
    classifiers: list[str] = []
    try:
        if name in ("pyproject.toml", "Cargo.toml"):
            doc = tomllib.loads(text)
            table = _table(doc, "project" if name == "pyproject.toml" else "package")
            lic = table.get("license-expression") or table.get("license")
            if isinstance(lic, dict):
                lic = lic.get("text")
            if isinstance(lic, str):
                values.append(("license", lic))
            found = table.get("classifiers")
            classifiers = [c for c in found if isinstance(c, str)] if isinstance(found, list) else []
            poetry = _table(_table(doc, "tool"), "poetry").get("license")
            if isinstance(poetry, str) and not values:
                values.append(("tool.poetry.license", poetry))
        elif name == "package.json":
            doc = json.loads(text)
            lic = doc.get("license") if isinstance(doc, dict) else None
            if isinstance(lic, dict):
                lic = lic.get("type")
            if isinstance(lic, str):
                values.append(("license", lic))
        elif name == "setup.cfg":
            parser = configparser.ConfigParser(interpolation=None)
            parser.read_string(text)
            if parser.has_option("metadata", "license"):
                values.append(("license", parser.get("metadata", "license")))
            if parser.has_option("metadata", "classifiers"):
                classifiers = parser.get("metadata", "classifiers").splitlines()
        elif name == "setup.py":
            found = _SETUP_PY_LICENSE.search(text)
            if found:
                values.append(("license", found.group("value")))
            classifiers = [m.group(0) for m in _CLASSIFIER.finditer(text)]
    except (ValueError, configparser.Error, tomllib.TOMLDecodeError, RecursionError):
        return []
    out = []
    for field, value in values:
        entry = _from_value(path, text, value, field, "manifest")
        if entry is not None and entry.expression is None and entry.line is not None:
            matched = [m for m in line_matches(entry.line) if m.role in _MANIFEST_FIELD]
            if matched:
                expression = and_expressions([m.expression for m in matched])
                entry = DeclaredLicense(source="manifest", path=path, value=entry.value, expression=expression,
                                        expression_spdx=expression_to_spdx(expression),
                                        detail=f"{field} in {path}, read by ScanCode", line=entry.line)
        if entry is not None:
            out.append(entry)
    if not out:
        for classifier in classifiers:
            if "License ::" not in classifier:
                continue
            line = _line_of(text, classifier.strip().strip("'\""))
            matched = [m for m in line_matches(line) if m.role in _MANIFEST_FIELD] if line else []
            if matched:
                expression = and_expressions([m.expression for m in matched])
                out.append(DeclaredLicense(source="manifest", path=path, value=classifier.strip().strip("'\","),
                                           expression=expression, expression_spdx=expression_to_spdx(expression),
                                           detail=f"license classifier in {path}", line=line))
    return out


#: A Markdown link: ``[text](target)``.
_LINK = re.compile(r"\[(?P<text>[^\]\n]{0,300})\]\(\s*<?(?P<target>[^)\s>]{1,500})>?(?:\s+\"[^\"]*\")?\s*\)")
#: A referenced model's name shorter than this is not looked for in sentences (too generic).
MODEL_NAME_MIN_CHARS = 4


def linked_paths(line: str, folder: str, present: frozenset[str] | set[str]) -> list[str]:
    """The files of the target that a line's Markdown links point at (relative links only)."""
    out = []
    for match in _LINK.finditer(line):
        target = match.group("target").split("#", 1)[0].split("?", 1)[0]
        if not target or "://" in target or target.startswith(("mailto:", "/")):
            continue
        parts: list[str] = [p for p in folder.split("/") if p]
        for part in unquote(target).split("/"):
            if part in ("", "."):
                continue
            if part == "..":
                if not parts:
                    break
                parts.pop()
                continue
            parts.append(part)
        else:
            path = "/".join(parts)
            if path in present and path not in out:
                out.append(path)
    return out


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for every model name long enough to look for (longest first), or None."""
    usable = sorted({n for n in names if len(n) >= MODEL_NAME_MIN_CHARS}, key=len, reverse=True)
    if not usable:
        return None
    return re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, usable)) + r")(?![\w-])", re.IGNORECASE)


def scoped_statements(path: str, text: str, matches: tuple[Match, ...], rules: Iterable[StatementRule],
                      reference_keys: frozenset[str], model_names: Callable[[], Iterable[str]] = tuple,
                      linked: Callable[[str], str | None] | None = None,
                      present: frozenset[str] | set[str] = frozenset(), max_lines: int = 1) -> list[ScopedStatement]:
    """README sentences that put a component under a license ("the model weights are released
    under CC-BY-NC-4.0"), with the license they name.

    The license is the own license of the files the sentence links to ("licensed under the
    [Tongyi Qianwen LICENSE AGREEMENT](./Tongyi%20Qianwen%20LICENSE%20AGREEMENT)") when the target
    holds them and their text was recognised; otherwise what ScanCode matched on the sentence's lines.

    Args:
        rules: the ``scoped_statements`` of ``attribution.yaml``; the first that fits a line wins.
        model_names: the names of the models the target fetches as weights, for
            ``referenced-model``; called once, and only when such a rule's pattern fits a line.
        linked: a file's own license (None when it has none or is not recognised).
        present: the target's paths, to resolve links against.
        max_lines: a sentence is read over at most this many lines of its paragraph
            (``statement_max_lines`` of attribution.yaml).
    """
    names: list[re.Pattern[str] | None] = []  # filled on first need
    folder = str(PurePosixPath(path).parent).strip(".")
    out = []
    lines = text.splitlines()
    number = 0
    while number < len(lines):
        number += 1
        if len(lines[number - 1]) > 10_000:
            continue
        last = _sentence_end(lines, number, max_lines)
        line = " ".join(part.strip() for part in lines[number - 1:last]) if last > number else lines[number - 1]
        # "... available as [org/name](https://huggingface.co/org/name) under ...": the link's text
        prose = _LINK.sub(lambda m: m.group("text"), line) if "](" in line else line
        for rule in rules:
            found_at = rule.pattern.search(prose)
            if not found_at:
                continue
            if rule.subject == "referenced-model":
                if not names:
                    names.append(_names_pattern(model_names()))
                if names[0] is None or not names[0].search(prose, 0, found_at.start()):
                    continue
            expressions = []
            if linked is not None:
                expressions = [e for e in (linked(p) for p in linked_paths(line, folder, present))
                               if e and e not in reference_keys and "unknown" not in expression_keys(e)]
            if not expressions:
                expressions = [m.expression for m in _matches_in(matches, 1, last + rule.window, reference_keys)
                               if number <= (m.end_line or m.start_line or 0)]
            if not expressions:
                continue
            expression = and_expressions(expressions)
            for component in rule.components:
                out.append(ScopedStatement(component=component, path=path, line=number, expression=expression,
                                           text=line.strip()[:300], rule=rule.id,
                                           end_line=last if last > number else None))
            number = last  # the sentence's other lines are part of it
            break
    return out


#: A line that starts a block of its own (a heading, a list item, a table row, a fence, markup, a
#: quote): a sentence does not wrap onto it.
_BLOCK_START = re.compile(r"^\s*(?:#|[-*+]\s|\d+[.)]\s|\||```|~~~|<|>)")
#: A line that is a block by itself (a heading, a table row, a fence, markup): nothing wraps off it.
_WHOLE_LINE = re.compile(r"^\s*(?:#|\||```|~~~|<)")
#: Ends of a sentence (or of a label such as "Model:").
_SENTENCE_END = (".", "!", "?", ";", ":", "\u3002", "\uff01", "\uff1f", "\uff1b", "\uff1a")


def _sentence_end(lines: list[str], number: int, max_lines: int) -> int:
    """The last line (1-based) of the sentence that starts on line ``number``: Markdown wraps a
    paragraph's sentence over the following lines until one ends it or the paragraph ends."""
    last = number
    while last < len(lines) and last - number + 1 < max_lines:
        current, following = lines[last - 1].rstrip(), lines[last]
        if (not current or current.endswith(_SENTENCE_END) or _WHOLE_LINE.match(current)
                or not following.strip() or _BLOCK_START.match(following)):
            break
        last += 1
    return last


#: Root README files, in the order they are looked for.
READMES = ("README.md", "readme.md", "README.MD", "Readme.md", "README.rst", "README.txt", "README")
#: Files read here are read up to this size.
TEXT_MAX_BYTES = 1024 * 1024


def collect_declarations(paths: Iterable[str], read_text: Callable[[str], str | None],
                         matches: Callable[[str], tuple[Match, ...]], own: dict[str, str | None],
                         reference_keys: frozenset[str],
                         statements: Iterable[ScopedStatement] = ()) -> list[DeclaredLicense]:
    """Every declaration besides root license files and the model card.

    Args:
        paths: the inventory's paths.
        read_text: a file's text (bounded), or None when it cannot be read.
        matches: a file's ScanCode matches, with their roles decided.
        own: path → the license the file's own text grants.
        reference_keys: keys that point elsewhere and declare nothing.
        statements: the README's scoped statements; those that leave out the code do not
            declare the repository's license.

    Returns:
        The repository-wide declarations: the README's license section, ``LICENSES/``, manifests.
    """
    present = set(paths)
    out: list[DeclaredLicense] = []
    readme = next((r for r in READMES if r in present), None)
    if readme is not None:
        text = read_text(readme)
        if text is not None:
            statements = list(statements)
            with_code = {n for st in statements if st.component is Component.CODE for n in st.lines}
            scoped = {n for st in statements if st.path == readme for n in st.lines} - with_code
            found = readme_declaration(readme, text, matches(readme), reference_keys, scoped)
            if found is not None:
                out.append(found)
    for path in sorted(p for p in present if is_licenses_folder_text(p)):
        expression = own.get(path)
        out.append(DeclaredLicense(source="licenses-folder", path=path, value=PurePosixPath(path).name,
                                   expression=expression or "unknown",
                                   expression_spdx=expression_to_spdx(expression or "unknown"),
                                   detail="a license text in LICENSES/ (REUSE layout)", line=1))
    for name in MANIFESTS:
        if name in present:
            text = read_text(name)
            if text is not None:
                file_matches = matches(name)
                out.extend(manifest_declarations(
                    name, text, lambda line, m=file_matches: [x for x in m if x.start_line is not None
                                                              and x.start_line <= line <= (x.end_line or line)]))
    return out


def readme_statements(paths: Iterable[str], read_text: Callable[[str], str | None], detection: Callable[[str], Any],
                      statement_rules: Iterable[StatementRule], reference_keys: frozenset[str],
                      model_names: Callable[[], Iterable[str]] = tuple,
                      linked: Callable[[str], str | None] | None = None, max_lines: int = 1,
                      ) -> tuple[list[ScopedStatement], str | None, Any]:
    """The root README's sentences scoped to a component, and its detection with the matches on
    those lines turned into mentions (a sentence about the weights is not the README's own license).

    Args:
        model_names, linked, max_lines: as for ``scoped_statements``.

    Returns:
        The statements, the README's path and its detection (None, None when there is no README).
    """
    present = set(paths)
    readme = next((r for r in READMES if r in present), None)
    if readme is None:
        return [], None, None
    found = detection(readme)
    text = read_text(readme)
    if text is None:
        return [], readme, found
    statements = scoped_statements(readme, text, found.matches, statement_rules, reference_keys,
                                   model_names=model_names, linked=linked, present=present, max_lines=max_lines)
    lines = {n: st.rule for st in statements for n in st.lines}
    matches = tuple(replace(m, role="statement", role_rule=lines[m.start_line])
                    if m.start_line in lines and m.role in ("notice", "statement") else m for m in found.matches)
    return statements, readme, replace(found, matches=matches)


__all__ = ["READMES", "collect_declarations", "readme_statements", "MANIFESTS", "ScopedStatement", "manifest_declarations", "readme_declaration", "readme_license_section",
           "scoped_statements", "linked_paths", "MODEL_NAME_MIN_CHARS"]
