"""Stage 1, sources: turn a target into files and a way to read their bytes.

``local`` walks a plain folder safely (never following symlinks out of the root), ``git`` lists
a work tree with ``git ls-files`` (commit, dirty flag, blob ids, LFS pointers), ``hub`` lists
a Hugging Face Hub repository with ``huggingface_hub`` and reads files or bounded byte ranges
(``hub_http``: retries, caps, error translation); ``interface`` is the ``Source`` every one of
them implements. ``open_source`` picks the source from the target.

Takes in: a target (a path, ``hf:ORG/NAME[@REV]`` or a Hub URL) and Hub options. Hands on: a
``Source`` (its ``FileEntry`` records, ``read``/``head``/range reads, ``describe``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import TargetNotFoundError, UsageError
from .git import GitSource, is_git_work_tree
from .hub_options import HubOptions, hub_endpoint, with_endpoint
from .interface import RemoteCard, Source
from .local import LocalSource, check_folder

#: Host names of the public Hub (a URL on one of them uses HF_ENDPOINT or the public Hub).
HUB_HOSTS = frozenset({"huggingface.co", "www.huggingface.co", "hf.co"})
_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")


def parse_hub_target(target: str) -> tuple[str, str | None, str | None] | None:
    """Read a Hub target as (repo_id, revision or None, endpoint or None); None for other targets.

    Accepted: ``hf:ORG/NAME``, ``hf:ORG/NAME@REV``, ``https://huggingface.co/ORG/NAME`` and
    ``.../ORG/NAME/tree/REV`` (also on the host of HF_ENDPOINT, whose URL then is the endpoint).
    A dataset repository keeps its ``datasets/`` prefix in the id (``datasets/ORG/NAME``); see
    ``split_repo_type``.

    Raises:
        UsageError: a Hub target that names no model or dataset repository (a Space, no id).
    """
    if target.startswith("hf:"):
        rest = target[3:].strip()
        repo_id, at, revision = rest.partition("@")
        repo_id = repo_id.strip("/")
        if repo_id.startswith("spaces/"):
            raise UsageError(f"'{target}' is a Space: osai-scan scans Hub models and datasets.",
                             hint="Give a model id, hf:ORG/NAME, or a dataset id, hf:datasets/ORG/NAME.")
        if not split_repo_type(repo_id)[1] or (at and not revision):
            raise UsageError(f"'{target}' names no Hub repository.", hint="Write hf:ORG/NAME or hf:ORG/NAME@REVISION.")
        return repo_id, revision or None, None
    split = urlsplit(target)
    if split.scheme not in ("http", "https") or not split.netloc:
        return None
    configured = urlsplit(hub_endpoint())
    on_public = split.hostname in HUB_HOSTS
    on_configured = (split.scheme, split.netloc) == (configured.scheme, configured.netloc)
    if not (on_public or on_configured):
        raise UsageError(f"'{target}' is not a Hugging Face Hub URL.",
                         hint="Give https://huggingface.co/ORG/NAME, or set HF_ENDPOINT to your Hub's address.")
    parts = [unquote(p) for p in split.path.strip("/").split("/") if p]
    if parts and parts[0] == "spaces":
        raise UsageError(f"'{target}' is a Space: osai-scan scans Hub models and datasets.",
                         hint="Give the URL of a model or a dataset, https://huggingface.co/[datasets/]ORG/NAME.")
    prefix = ""
    if parts and parts[0] == "datasets":
        prefix, parts = "datasets/", parts[1:]
    if len(parts) < 2:
        raise UsageError(f"'{target}' names no Hub repository.", hint="Give https://huggingface.co/ORG/NAME.")
    revision = None
    if len(parts) >= 4 and parts[2] in ("tree", "blob", "resolve"):
        revision = "/".join(parts[3:]) if parts[3] == "refs" else parts[3]
    endpoint = None if on_public else f"{split.scheme}://{split.netloc}"
    return f"{prefix}{parts[0]}/{parts[1]}", revision, endpoint


def split_repo_type(repo_id: str) -> tuple[str, str]:
    """(repo type, id): ``datasets/ORG/NAME`` is ("dataset", "ORG/NAME"), anything else a model."""
    if repo_id.startswith("datasets/"):
        return "dataset", repo_id[len("datasets/"):]
    return "model", repo_id


def open_source(target: str, revision: str | None = None, hub: HubOptions | None = None,
                hash_weights: bool = False) -> Source:
    """Return the source for ``target``: a Hub model or dataset, a git work tree, or a plain folder.

    Args:
        target: a folder path, ``hf:ORG/NAME[@REV]`` or a Hub URL.
        revision: the Hub revision (``--revision``); must agree with one given in the target.
        hub: token, endpoint and download caps for Hub targets.
        hash_weights: local targets: give files over 16 MiB (weights, archives) a sha256 content
            id, which reads them whole; by default they get none and cost a header read at most.
            Hub files always have the Hub's ids and are never downloaded for it.

    Raises:
        UsageError: two different revisions, or ``--revision`` with a local target.
        TargetNotFoundError: the path does not exist or is not a folder.
    """
    parsed = parse_hub_target(target)
    if parsed is not None:
        repo_id, in_target, endpoint = parsed
        if in_target and revision and in_target != revision:
            raise UsageError(f"The target asks for revision '{in_target}' and --revision for '{revision}'.",
                             hint="Give the revision once.")
        from .hub import HubSource  # imports the Hub client: only for Hub targets

        repo_type, repo_id = split_repo_type(repo_id)
        return HubSource(repo_id, revision=in_target or revision, options=with_endpoint(hub, endpoint),
                         repo_type=repo_type)
    if revision:
        raise UsageError("--revision applies to Hub targets (hf:ORG/NAME).",
                         hint="For a local repository, check out that revision and scan the folder.")
    try:
        root = check_folder(Path(target))
    except TargetNotFoundError as exc:
        if _HUB_ID.fullmatch(target) and not os.path.lexists(target):
            raise TargetNotFoundError(exc.message, hint=f"To scan the Hub model, write hf:{target}.") from None
        raise
    if is_git_work_tree(root):
        return GitSource(root, given=target, hash_large=hash_weights)
    return LocalSource(root, given=target, hash_large=hash_weights)


def __getattr__(name: str) -> object:
    """``HubSource`` on first use, so that local scans never import the Hub client."""
    if name == "HubSource":
        from .hub import HubSource

        return HubSource
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["GitSource", "HubOptions", "HubSource", "LocalSource", "RemoteCard", "Source", "open_source",
           "parse_hub_target", "split_repo_type"]
