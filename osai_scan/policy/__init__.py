"""Stage 6, policy: apply the profiles, decide the verdict, raise the findings.

``evaluate`` gives each component its status and four-freedom row under a profile, then the
verdict with reasons and the findings; ``mof`` evaluates the Model Openness Framework's 17
components and cumulative classes; ``references`` resolves what the target names instead of
holding (frameworks that stand in for Code, datasets, base models, access gates).

Takes in: the files with their classification, detection and attribution, the declarations,
the rules (profiles) and the license knowledge. Hands on: one ``ProfileResult`` per profile
(verdict, components, findings) and the references.
"""

from __future__ import annotations

from .evaluate import ScanFacts, code_license_findings, evaluate_profile
from .mof import evaluate_mof
from .references import ReferenceResolver

__all__ = ["ReferenceResolver", "ScanFacts", "code_license_findings", "evaluate_mof", "evaluate_profile"]
