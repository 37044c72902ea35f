"""Statements of the target that decide a component's licenses without its files.

A component license file (``LICENSE_weights``, ``MODEL_LICENSE``, ``DATA_LICENSE``, ...) and a
README sentence scoped to a component ("the model weights are released under ...") put that
component under a license even when none of its files is in the repository (the weights are
downloaded from elsewhere). Each becomes a ``declaration`` reference of the component; the
policy evaluates the component on it, with presence ``declared``.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..attribute.attributor import LicenseFile
from ..attribute.sources import ScopedStatement
from ..licenses import expression_keys, expression_to_spdx
from ..models import AI_COMPONENTS, Component, DeclaredLicense, FileResult, Reference, ReferenceKind

#: Rule ids of weight files start with this (rules/components.yaml).
WEIGHTS_RULE_PREFIX = "model.weights"


def lacks_files(component: Component, files: Iterable[FileResult]) -> bool:
    """True when the target holds no file of ``component`` (for the Model: no weights file)."""
    own = [f for f in files if f.component is component]
    if component is Component.MODEL:
        return not any(f.rule.startswith(WEIGHTS_RULE_PREFIX) for f in own)
    return not own


def root_model_license_declarations(declared: Iterable[DeclaredLicense], kind_of: Callable[[str], str | None],
                                   kinds: tuple[str, ...], files: tuple[FileResult, ...]) -> tuple[Reference, ...]:
    """The root license files whose licenses were all written for model weights (``kinds`` of
    licenses.yaml): each declares the Model when its weights are not in the target."""
    if not kinds or not lacks_files(Component.MODEL, files):
        return ()
    out = []
    for d in declared:
        if d.source != "license-file" or not d.expression:
            continue
        # every license of the file is a model license: a software license with a model
        # license appended among third-party terms (Open-Sora's LICENSE) speaks for the code
        model_keys = expression_keys(d.expression)
        if not model_keys or not all(kind_of(k) in kinds for k in model_keys):
            continue
        out.append(Reference(
            kind=ReferenceKind.DECLARATION, id=d.path, component=Component.MODEL, name=d.path, declared=d.expression,
            expression=d.expression, expression_spdx=expression_to_spdx(d.expression),
            source=f"{d.path} (the repository's license, written for model weights)",
            matched_by="attribution.root-model-license",
            detail=f"the repository's license file is a model license ({', '.join(model_keys)}); no model weights "
                   "are in the target"))
    return tuple(out)


def component_declarations(license_files: Iterable[LicenseFile], statements: Iterable[ScopedStatement],
                           files: tuple[FileResult, ...]) -> tuple[Reference, ...]:
    """The declarations of the components whose files (for the Model: weights) are not in the target."""
    out: dict[str, Reference] = {}
    missing = {c for c in AI_COMPONENTS if lacks_files(c, files)}
    for lf in license_files:
        for component in lf.declares_absent:
            if component in missing:
                # An unrecognised text still declares that the component is under *a* license:
                # its terms are unknown until someone reads them (never "no license").
                expression = lf.expression or "unknown"
                key = f"{lf.path}#{component.value}"
                out[key] = Reference(
                    kind=ReferenceKind.DECLARATION, id=lf.path, component=component, name=lf.path,
                    declared=expression, expression=expression, expression_spdx=expression_to_spdx(expression),
                    source=f"{lf.path} (a {component.value} license file)", matched_by=lf.rule,
                    detail=f"the {component.value} license file of the repository"
                           f"{'' if lf.expression else ' (its text is not a license ScanCode recognises: read it)'}; "
                           f"no {component.value} {'weights' if component is Component.MODEL else 'files'} "
                           "are in the target")
    for st in statements:
        if st.component in missing:
            key = f"{st.path}:{st.line}#{st.component.value}"
            out[key] = Reference(
                kind=ReferenceKind.DECLARATION, id=f"{st.path}:{st.line}", component=st.component,
                name=st.text, declared=st.expression, expression=st.expression,
                expression_spdx=expression_to_spdx(st.expression), source=f"{st.path}, line {st.line}",
                matched_by=st.rule, detail=f"a README sentence puts the {st.component.value} under this license")
    return tuple(out[k] for k in sorted(out))


__all__ = ["WEIGHTS_RULE_PREFIX", "component_declarations", "lacks_files", "root_model_license_declarations"]
