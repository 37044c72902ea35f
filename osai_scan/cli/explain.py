"""``osai-scan explain LICENSE``: what osai-scan knows about a license, and why."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import UsageError
from ..models import Criterion, Freedom, to_dict


def _yes(value: object) -> str:
    return "yes" if value else "no"


def _text(shown: str, note: str, expression: str, knowledge: object, described: list[dict[str, object]],
          mof: object) -> str:
    lines = [f"{shown}: {note}"]
    if len(described) > 1:
        row = knowledge.row_for_expression(expression)  # type: ignore[attr-defined]
        lines.append(f"expression {expression}: AND needs every license, OR takes the best alternative")
        for f in Freedom:
            lines.append(f"  {f.value:<7} {row.cell(f).status.value}")
        for criterion in Criterion:
            cell = knowledge.criterion_for_expression(expression, criterion)  # type: ignore[attr-defined]
            lines.append(f"  criterion {criterion.value}: {cell.status.value}")
    for info in described:
        key = str(info["key"])
        row = info["row"]
        lines += ["", f"{key}: {info['name']}",
                  f"  SPDX id:        {info['spdx']}",
                  f"  ScanCode:       {info['category'] or 'not in the installed license DB'}",
                  f"  OSI-approved:   {_yes(info['osi_approved'])} (SPDX license list)",
                  f"  FSF libre:      {_yes(info['fsf_libre'])} (SPDX license list)",
                  "  curated:        " + (f"yes, {info['curated']} (kind: {info['kind']})" if info["curated"]
                                         else "no (OSI-approved licenses need no row)" if info["osi_approved"]
                                         else "no"),
                  f"  open data:      {_yes(info['open_data'])} (Open Definition conformant data license)"]
        types = [t for t in ("code", "data", "document")
                 if str(info["spdx"]).lower() in mof.recommended_for(t) or key in mof.recommended_for(t)]  # type: ignore[attr-defined]
        lines.append(f"  MOF recommends it for: {', '.join(types) or '-'}")
        lines.append("  criteria (which kind of open license a profile accepts):")
        for criterion, cell in info["criteria"].items():  # type: ignore[attr-defined]
            lines.append(f"    {criterion.value:<17} {cell.status.value:<8} {'; '.join(cell.because)}")
        lines.append("  freedoms:")
        for f in Freedom:
            cell = row.cell(f)  # type: ignore[attr-defined]
            lines.append(f"    {f.value:<7} {cell.status.value:<12} {'; '.join(cell.because)}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("license_name", metavar="LICENSE")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Rules folder (or profile file) merged over the built-in rules (repeatable).")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
def explain(license_name: str, rules_dirs: tuple[Path, ...], fmt: str) -> None:
    """Explain LICENSE (a ScanCode key, an SPDX id, a Hub license id or an expression).

    Prints its freedoms row with the clause deciding each freedom, its OSI-approved and
    open-data status, and which profile criteria it satisfies.
    """
    from ..licenses import LicenseKnowledge, expression_keys
    from ..ruleset import load_rules

    rules = load_rules(rules_dirs)
    knowledge = LicenseKnowledge(rules)
    expression, note = knowledge.resolve(license_name)
    if expression is None:
        if license_name.strip().lower() in rules.hub_licenses:
            click.echo(f"{license_name}: {note}")
            return
        raise UsageError(note + ".", hint="Try a ScanCode key (llama-3.1-license-2024), an SPDX id (Apache-2.0) "
                                          "or a Hub id (llama3.1).")
    described = [knowledge.describe(k) for k in expression_keys(expression)
                 if k not in ("AND", "OR", "WITH") and not k.endswith("-exception") and "exception" not in k]
    if fmt == "json":
        out = {"input": license_name, "expression": expression, "note": note,
               "row": to_dict(knowledge.row_for_expression(expression)),
               "criteria": {c.value: to_dict(knowledge.criterion_for_expression(expression, c)) for c in Criterion},
               "licenses": [{k: (to_dict(v) if k == "row" else {c.value: to_dict(x) for c, x in v.items()}
                                 if k == "criteria" else v) for k, v in d.items()} for d in described]}
        click.echo(json.dumps(out, indent=2, sort_keys=True))
        return
    click.echo(_text(license_name, note, expression, knowledge, described, rules.mof_licenses), nl=False)
