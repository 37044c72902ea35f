"""Where a license match sits in a file: its leading comment, a later comment, a string, code,
data or prose (``rules/notices.yaml``, ``syntax``).

Comments and strings are found without running anything: Python's own ``tokenize`` for Python
files, the comment markers of the file type's syntax for the others. The leading comment is the
first block of comment lines after a shebang, an encoding line or blank lines (for Python, a
module docstring there counts as part of it).
"""

from __future__ import annotations

import io
import tokenize
from ..ruleset.notices import CommentSyntax

#: Files longer than this are given contexts by comment markers only (tokenize is not run).
TOKENIZE_MAX_CHARS = 2_000_000


class LineContexts:
    """The context of every line of one file (1-based line numbers).

    Args:
        text: the file's text.
        syntax: its file type's syntax; None for a prose file.
    """

    def __init__(self, text: str, syntax: CommentSyntax | None) -> None:
        self.syntax = syntax
        self._lines = text.splitlines()
        self._context: dict[int, str] = {}
        if syntax is None:
            return
        if syntax.tokenizer == "python" and len(text) <= TOKENIZE_MAX_CHARS and self._python(text):
            return
        self._markers(syntax)

    def of(self, line: int | None) -> str:
        """The context of a line (``prose`` for every line of a prose file)."""
        if self.syntax is None:
            return "prose"
        if line is None:
            return self.syntax.body
        return self._context.get(line, self.syntax.body)

    def of_span(self, start: int | None, end: int | None) -> str:
        """The context of a match from ``start`` to ``end``: ``leading-comment`` when it begins
        there, else the context of its first line that is not blank."""
        if start is None:
            return self.of(None)
        first = self.of(start)
        if first in ("leading-comment", "string", "comment"):
            return first
        for line in range(start, (end or start) + 1):
            if line - 1 < len(self._lines) and self._lines[line - 1].strip():
                return self.of(line)
        return first

    # -- Python -----------------------------------------------------------------------------

    def _python(self, text: str) -> bool:
        """Contexts from Python's tokenizer; False when the text does not tokenize."""
        try:
            tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
        except (tokenize.TokenError, IndentationError, SyntaxError, ValueError):
            return False
        leading = True
        skip = {tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING}
        for index, tok in enumerate(tokens):
            kind = tok.type
            if kind in skip:
                continue
            start, end = tok.start[0], tok.end[0]
            if kind == tokenize.COMMENT:
                self._mark(start, end, "leading-comment" if leading else "comment")
            elif kind == tokenize.STRING:
                # a module docstring in the leading block is part of the file's header
                self._mark(start, end, "leading-comment" if leading else "string")
                leading = leading and _is_bare_string_statement(tokens, index)
            elif kind == getattr(tokenize, "FSTRING_START", -1) or kind in (getattr(tokenize, "FSTRING_MIDDLE", -1),
                                                                             getattr(tokenize, "FSTRING_END", -1)):
                self._mark(start, end, "string")
                leading = False
            elif kind != tokenize.ENDMARKER:
                leading = False
        return True

    # -- comment markers ----------------------------------------------------------------------

    def _markers(self, syntax: CommentSyntax) -> None:
        leading = True
        in_block: str | None = None
        for number, raw in enumerate(self._lines, start=1):
            line = raw.strip()
            if in_block is not None:
                self._context[number] = "leading-comment" if leading else "comment"
                if in_block in line:
                    in_block = None
                continue
            if not line:
                continue
            if number == 1 and line.startswith("#!"):
                self._context[number] = "leading-comment"
                continue
            opener = next((pair for pair in syntax.block_comments if line.startswith(pair[0])), None)
            if opener is not None:
                self._context[number] = "leading-comment" if leading else "comment"
                if opener[1] not in line[len(opener[0]):]:
                    in_block = opener[1]
                continue
            if any(line.startswith(marker) for marker in syntax.line_comments):
                self._context[number] = "leading-comment" if leading else "comment"
                continue
            leading = False

    def _mark(self, start: int, end: int, context: str) -> None:
        for line in range(start, end + 1):
            if self._context.get(line) != "leading-comment":
                self._context[line] = context


def _is_bare_string_statement(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    """True when ``tokens[index]`` is a string standing alone as a statement (a docstring)."""
    after = next((t for t in tokens[index + 1:] if t.type not in (tokenize.NL, tokenize.COMMENT)), None)
    return after is None or after.type in (tokenize.NEWLINE, tokenize.ENDMARKER)


__all__ = ["LineContexts", "TOKENIZE_MAX_CHARS"]
