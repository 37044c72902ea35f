"""One source through the stages: ``scan_source`` (sources to attribution, no profile yet) and
``report_of`` (the profiles, the verdict and the ``Report``, for one source or a whole system).
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from dataclasses import dataclass, replace

from ..attribute.attributor import Attributor, LicenseFile
from ..attribute.declared import DeclaredReader, read_card
from ..attribute.reuse import SIDECAR_SUFFIX, ReuseIndex
from ..attribute.sources import TEXT_MAX_BYTES, collect_declarations, readme_statements
from ..classify.classifier import Classifier, Explanation
from ..classify.usage import in_usage_graph
from ..constants import CARD_MAX_BYTES, HUB_DEFAULT_ENDPOINT, SCHEMA_VERSION
from ..detect.cache import CacheContext, DetectionCache
from ..detect.detector import Detector
from ..detect.names import NameCheck
from ..detect.workers import ScanStats, default_jobs, detect_files
from ..findings import FindingCatalogue, severity_counts, sort_findings
from ..inventory import build_inventory
from ..licenses import LicenseKnowledge, expression_keys
from ..models import (
    AI_COMPONENTS,
    Classification,
    Component,
    Declared,
    FileEntry,
    FileResult,
    FileStatus,
    Finding,
    Mention,
    ProfileResult,
    Reference,
    Report,
    SourceInfo,
    Summary,
    TargetInfo,
    Transfer,
    lossless_names,
)
from ..policy.declarations import component_declarations, lacks_files, root_model_license_declarations
from ..policy.evaluate import ScanFacts, code_license_findings, evaluate_profile
from ..policy.mof import evaluate_mof
from ..policy.references import ReferenceResolver
from ..policy.system import SourcePart
from ..policy.weights import weight_references
from ..ruleset import Profile, RuleSet
from ..sources import Source
from .options import ENGINE, Progress, ScanOptions, tool_info

#: Model card files, in the order they are looked for at the root.
_CARD_NAMES = ("README.md", "readme.md", "README.MD", "Readme.md", "README", "MODEL_CARD.md", "model_card.md")
#: REUSE.toml, .reuse/dep5 and .license sidecars are read up to this size.
_REUSE_MAX_BYTES = 1024 * 1024

def _model_card(source: Source, paths: set[str]) -> tuple[str | None, dict[str, object] | None, str | None]:
    for name in _CARD_NAMES:
        if name in paths:
            try:
                raw = source.read(name, CARD_MAX_BYTES + 1, 0)
            except OSError as exc:
                return name, None, f"it cannot be read ({exc.strerror or exc})"
            return (name, *read_card(raw[:CARD_MAX_BYTES], truncated=len(raw) > CARD_MAX_BYTES))
    return None, None, None


def _read_text(source: Source, path: str, max_bytes: int = TEXT_MAX_BYTES) -> str | None:
    try:
        return source.read(path, max_bytes, 0).decode("utf-8", "replace")
    except OSError:
        return None


def _reuse_index(source: Source, paths: list[str]) -> ReuseIndex | None:
    present = set(paths)
    wanted = [p for p in paths if p.endswith("REUSE.toml") or p == ".reuse/dep5"
              or (p.endswith(SIDECAR_SUFFIX) and p[: -len(SIDECAR_SUFFIX)] in present)]
    if not wanted:
        return None

    def read_text(path: str) -> str | None:
        try:
            return source.read(path, _REUSE_MAX_BYTES, 0).decode("utf-8", "replace")
        except OSError:
            return None
    return ReuseIndex(paths, read_text)


def evaluate_profiles(rules: RuleSet, facts: ScanFacts, knowledge: LicenseKnowledge,
                      catalogue: FindingCatalogue) -> tuple[tuple[str, ProfileResult], ...]:
    """Evaluate every profile in force, sorted by id."""
    results = []
    for profile_id, profile in sorted(rules.profiles.items()):
        if profile.kind == "mof":
            result = evaluate_mof(profile, facts, knowledge, rules.mof_licenses, catalogue)
        else:
            result = evaluate_profile(profile, facts, knowledge, catalogue)
        results.append((profile_id, result))
    return tuple(results)


def leading(source: Source):
    """A reader of a file's first few bytes (``magic`` conditions): a small read, never the file."""
    def read(path: str, size: int) -> bytes | None:
        try:
            return source.read(path, size, 0)
        except OSError:
            return None
    return read


def _classify(entries: tuple[FileEntry, ...], classifier: Classifier, cache: DetectionCache | None,
              context: CacheContext | None, progress: Progress, stats: ScanStats) -> dict[str, Classification]:
    """Every entry's label: from the cache when its content, folder and the rules are unchanged."""
    keys: dict[str, str] = {}
    hits: dict[str, Classification] = {}
    if cache is not None and context is not None:
        folders: dict[str, list[str]] = {}
        for entry in entries:
            folder, _, name = entry.path.lower().rpartition("/")
            folders.setdefault(folder, []).append(name)
        digests = {f: hashlib.sha256("\0".join(sorted(n)).encode("utf-8", "surrogateescape")).hexdigest()[:32]
                   for f, n in folders.items()}
        # A source file's label may depend on the files that import or run it (second pass):
        # its key also covers every such file's content.
        usage = hashlib.sha256("\0".join(f"{e.path}\0{e.content_id}" for e in entries if in_usage_graph(e.path))
                               .encode("utf-8", "surrogateescape")).hexdigest()[:32]
        keys = {e.path: context.label_key(e.path, e.size, e.content_id, digests[e.path.lower().rpartition("/")[0]]
                                          + (usage if in_usage_graph(e.path) else ""))
                for e in entries if e.content_id and e.problem is None}
        hits = cache.get_labels(keys.values())
    labels: dict[str, Classification] = {}
    fresh: set[str] = set()
    for number, entry in enumerate(entries, 1):
        key = keys.get(entry.path)
        if key in hits:
            labels[entry.path] = hits[key]
            stats.labels_from_cache += 1
        else:
            labels[entry.path] = classifier.classify(entry)
            classifier.forget(entry.path)
            fresh.add(entry.path)
        if number % 256 == 0 or number == len(entries):
            progress("classify", number, len(entries))
    if any(in_usage_graph(path) for path in fresh):  # the second pass: labels that depend on other files' labels
        first = {path: Explanation(classification=label) for path, label in labels.items()}
        labels = {path: e.classification for path, e in classifier.refine(entries, first, only=fresh).items()}
    if cache is not None and fresh:
        cache.put_labels([(keys[path], labels[path]) for path in sorted(fresh) if path in keys])
    return labels


@dataclass(frozen=True, kw_only=True)
class Scanned:
    """One source after attribution: what it contributes to the system, and how the scan of it went.

    Attributes:
        part: its files, declarations, references, restrictions and findings.
        target: what was scanned.
        complete: False when a file or a Hub lookup could not be read.
        transfer: what a Hub source transferred, else None.
        card_text: the text of its model card (a Hub repository's README), else None.
    """

    part: SourcePart
    target: TargetInfo
    complete: bool
    transfer: Transfer | None
    card_text: str | None = None


def scan_source(source: Source, rules: RuleSet, options: ScanOptions, stats: ScanStats,
                progress: Progress) -> Scanned:
    """Inventory, classify, detect and attribute one source; resolve what it names instead of holding.

    Raises:
        SourceError: the source cannot be listed (for Hub targets a HubError subclass).
    """
    knowledge = LicenseKnowledge(rules)
    catalogue = FindingCatalogue(rules.findings)
    start = time.perf_counter()
    progress("inventory", 0, 0)
    entries = build_inventory(source)
    target_info = source.describe()
    stats.files += len(entries)
    stats.timed("inventory", start)
    cache = DetectionCache.open(options.cache_dir) if options.use_cache else None
    context = CacheContext.current(rules.digest) if cache is not None else None
    try:
        start = time.perf_counter()
        classifier = Classifier(rules.component_rules, source.head, [e.path for e in entries], leading(source))
        labels = _classify(entries, classifier, cache, context, progress, stats)
        stats.timed("classify", start)
        detector = Detector(lambda p, n, o: source.read(p, n, o), source.local_path, ENGINE,
                            budget=options.timeout, syntax_of=rules.notices.syntax_of, reserve=source.reserve,
                            names=NameCheck(ENGINE.license_names, rules.notices.settings))
        detections = detect_files(entries, labels, detector, cache=cache, context=context,
                                  jobs=options.jobs or default_jobs(), progress=progress, stats=stats)
    finally:
        if cache is not None:
            cache.close()

    start = time.perf_counter()
    progress("report", 0, 0)
    paths = [e.path for e in entries]
    attributor = Attributor(knowledge, rules.component_license_files, rules.license_files, rules.reference_keys,
                            catalogue, _reuse_index(source, paths), notices=rules.notices, companions=rules.companions,
                            third_party=rules.third_party_license_files)
    own = {}
    own_source = {}
    for entry in entries:
        detections[entry.path] = attributor.assign_roles(detections[entry.path], labels[entry.path].component)
    texts: dict[str, str | None] = {}  # the README is read once for its section and its statements

    def read_text(path: str) -> str | None:
        if path not in texts:
            texts[path] = _read_text(source, path)
        return texts[path]

    weights_read: list[tuple[Reference, ...]] = []

    def weights_found() -> tuple[Reference, ...]:
        """Where the code fetches weights from; read once, and only when something needs it (the
        model has no weights here, or a README sentence may name a fetched model)."""
        if not weights_read:
            components, globs, max_bytes = rules.weight_files
            weights_read.append(weight_references([(e.path, labels[e.path].component) for e in entries],
                                                  lambda p, n: _read_text(source, p, n), rules.weight_sources,
                                                  components, globs, max_bytes))
        return weights_read[0]

    statements, readme, readme_detection = readme_statements(
        paths, read_text, detections.__getitem__, rules.scoped_statements, rules.reference_keys,
        model_names=lambda: [r.id.rsplit("/", 1)[-1] for r in weights_found()
                             if r.url == f"{HUB_DEFAULT_ENDPOINT}/{r.id}"],
        linked=lambda p: attributor.own_expression(detections[p])[0], max_lines=rules.statement_max_lines)
    if readme is not None:
        detections[readme] = readme_detection
    for entry in entries:
        own[entry.path], own_source[entry.path] = attributor.own_expression(detections[entry.path])
    license_files = attributor.license_files(((e.path, labels[e.path].component) for e in entries), own)
    card_path, card, card_problem = _model_card(source, set(paths))
    attributor.card_path = card_path
    root_files = [lf for lf in license_files if lf.folder == "" and not lf.components]
    reader = DeclaredReader(knowledge, catalogue, _repo_urls(target_info))
    reader.card_problem(card_path, card_problem)
    extra = collect_declarations(paths, read_text, lambda p: detections[p].matches, own,
                                 rules.reference_keys, statements)
    declared, declared_expression = reader.read([(lf.path, lf.expression) for lf in root_files], card, card_path, own,
                                                extra=extra, companions=rules.companions)
    declared_paths = ", ".join(sorted({d.path for d in declared.licenses if d.expression}))

    files = []
    for entry in entries:
        label, detection = labels[entry.path], detections[entry.path]
        named: tuple[str, ...] = ()
        if attributor.third_party and label.component not in (Component.DOCUMENTATION, Component.LEGAL):
            text = _read_text(source, entry.path) if entry.lfs is None and detection.status is FileStatus.SCANNED else None
            named = attributor.named_third_party(text) if text is not None else ()
        attribution = attributor.attribute(entry.path, label.component, own[entry.path], own_source[entry.path],
                                           license_files, declared_expression, declared_paths,
                                           attributor.references(detection), named)
        files.append(FileResult(
            path=entry.path, size=entry.size, content_id=entry.content_id, lfs=entry.lfs,
            component=label.component, rule=label.rule, reason=label.reason,
            status=detection.status, status_reason=detection.status_reason,
            license=attribution.expression, license_spdx=attribution.expression_spdx, attribution=attribution,
            detected_expression=detection.expression, detection_mode=detection.mode,
            detections=detection.matches, header=detection.header,
            mentions=tuple(Mention(expression=m.expression, expression_spdx=m.expression_spdx, start_line=m.start_line,
                                   end_line=m.end_line, context=m.context, rule=m.role_rule or "")
                           for m in detection.matches if m.role in ("mention", "statement")),
        ))
    files_t = tuple(files)
    present = {f.component for f in files_t if f.component in AI_COMPONENTS}
    resolved = ReferenceResolver(source, knowledge, rules.frameworks).resolve(
        card=card, card_path=card_path if card is not None else None, declared=declared_expression,
        present=present, model_paths=[f.path for f in files_t if f.component is Component.MODEL])
    if resolved.card_items:
        declared = replace(declared, model_card=declared.model_card + resolved.card_items)
    declarations = component_declarations(license_files, statements, files_t)
    if not any(d.component is Component.MODEL for d in declarations):  # a model license file or sentence is nearer
        declarations += root_model_license_declarations(
            declared.licenses, lambda k: knowledge.curated[k].kind if k in knowledge.curated else None,
            rules.root_model_license_kinds, files_t)
    if lacks_files(Component.MODEL, files_t):
        declarations += weights_found()
    findings = (attributor.findings + reader.findings + attributor.late_findings()
                + _scan_findings(files_t, catalogue, options.timeout)
                + _folder_findings(license_files, declared_expression, catalogue)
                + [catalogue.regrade(f) for f in resolved.findings])
    if target_info.kind == "hub" and target_info.name.startswith("datasets/"):
        findings.append(catalogue.make(
            "scan.dataset-repository",
            f"'{target_info.name}' is a dataset repository: its {len(files_t)} file(s) were sorted into the "
            "dataset's components (" + ", ".join(f"{c.value} {n}" for c, n in sorted(
                Counter(f.component for f in files_t).items(), key=lambda kv: kv[0].value)) + ")."))
    if source.untracked:
        findings.append(catalogue.make(
            "scan.untracked-files",
            f"{len(source.untracked)} file(s) in the work tree are not tracked by git; they were scanned "
            "but are not part of the commit the report names.", paths=source.untracked))
    part = SourcePart(files=files_t, declared=declared, card_path=card_path if card is not None else None,
                      references=resolved.references + declarations, restrictions=resolved.restrictions,
                      findings=tuple(findings), declared_expression=declared_expression)
    stats.timed("report", start)
    complete = source.complete and resolved.complete and not any(f.status is FileStatus.ERROR for f in files_t)
    card_text = texts.get(card_path) if card_path else None
    if card_path and card_path not in texts and target_info.kind == "hub":
        card_text = read_text(card_path)
    return Scanned(part=part, target=target_info, complete=complete, transfer=source.transfer(), card_text=card_text)


def report_of(facts: ScanFacts, declared: Declared, findings: list[Finding], *, rules: RuleSet, profile: Profile,
              target: TargetInfo, complete: bool, transfer: Transfer | None, generated_at: str | None,
              sources: tuple[SourceInfo, ...] = ()) -> Report:
    """Evaluate every profile on ``facts`` and build the report; ``profile`` decides its verdict.

    Args:
        facts: the files, card, references and restrictions of the system (one source or several).
        declared: the declarations shown in the report.
        findings: the findings made before the profiles (the sources', the system's).
        rules: the rules in force.
        profile: the profile that decides the verdict.
        target: what was scanned (a source, or the system).
        complete: False when something could not be read.
        transfer: what Hub sources transferred.
        generated_at: the report's time (SOURCE_DATE_EPOCH), or None.
        sources: the sources of a multi-source system (empty for one source).
    """
    knowledge = LicenseKnowledge(rules)
    catalogue = FindingCatalogue(rules.findings)
    profiles = evaluate_profiles(rules, facts, knowledge, catalogue)
    chosen = dict(profiles)[profile.id]
    ordered = sort_findings(list(findings) + code_license_findings(facts, knowledge, catalogue) + list(chosen.findings))
    files_t = facts.files
    summary = Summary(
        files=len(files_t),
        by_component=tuple(sorted(Counter(f.component.value for f in files_t).items())),
        by_status=tuple(sorted(Counter(f.status.value for f in files_t).items())),
        findings_by_severity=severity_counts(ordered),
        header_files=sum(1 for f in files_t if f.header is not None),
        header_bytes_read=sum(f.header.bytes_read or 0 for f in files_t if f.header is not None),
    )
    return lossless_names(Report(  # names that are not UTF-8 or hold control characters: escaped, bytes kept
        schema_version=SCHEMA_VERSION, tool=tool_info(rules), target=target, profile=profile.id,
        verdict=chosen.verdict, components=chosen.components, declared=declared, findings=tuple(ordered),
        files=files_t, summary=summary, profiles=profiles, generated_at=generated_at,
        complete=complete, references=facts.references, transfer=transfer, sources=sources,
    ))


def _repo_urls(target: TargetInfo) -> tuple[str, ...]:
    """URL prefixes under which a Hub repository's own files are linked (``.../blob/<rev>/<path>``).

    Both the endpoint scanned and the public Hub count: cards link ``https://huggingface.co/...``.
    """
    if target.kind != "hub" or not target.url or "/tree/" not in target.url:
        return ()
    base = target.url.rsplit("/tree/", 1)[0]  # {endpoint}/[datasets/]ORG/NAME
    path = base.split("://", 1)[-1].partition("/")[2]
    bases = sorted({base, f"{HUB_DEFAULT_ENDPOINT}/{path}"})
    return tuple(f"{b}/{kind}/" for b in bases for kind in ("blob", "resolve", "raw"))


def _scan_findings(files: tuple[FileResult, ...], catalogue: FindingCatalogue, timeout: float) -> list[Finding]:
    found = [catalogue.make("scan.file-error", f"'{f.path}' could not be scanned: {f.status_reason}.",
                            paths=[f.path]) for f in files if f.status is FileStatus.ERROR]
    partial = [f.path for f in files if f.status is FileStatus.PARTIAL]
    if partial:
        found.append(catalogue.make(
            "scan.partial-detection", f"License matching of {len(partial)} file(s) reached the {timeout:g} s "
            "per-file budget; their detections may be incomplete.", paths=partial))
    return found


def _folder_findings(license_files: list[LicenseFile], declared: str | None,
                     catalogue: FindingCatalogue) -> list[Finding]:
    out = []
    for lf in license_files:
        if lf.folder and not lf.components and lf.expression and declared and \
                set(expression_keys(lf.expression)) != set(expression_keys(declared)):
            out.append(catalogue.make(
                "attribution.folder-license-differs",
                f"Folder '{lf.folder}/' is under {lf.expression} ({lf.path}), while the repository "
                f"declares {declared}.", paths=[lf.path]))
    return out
