"""JSON in and out for every record: ``to_dict`` (the one serializer) and ``from_dict``.

Enums become their values, tuples become lists, and the tuples of pairs listed in
``_PAIR_FIELDS`` become objects. ``from_dict`` rebuilds a record from the type hints.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from enum import Enum
from typing import Any, TypeVar

_T = TypeVar("_T")


#: Fields stored as tuples of pairs that the JSON shows as objects.
_PAIR_FIELDS = {"components", "by_component", "by_status", "findings_by_severity", "profiles"}


def to_dict(value: Any, *, _key: str | None = None) -> Any:
    """Turn a record (or a tuple of records) into JSON-ready data.

    Enums become their values, tuples become lists, tuples of pairs in ``components`` and the
    summary counts become objects. ``None`` values are kept so the shape is stable, except in
    fields marked ``OMIT_EMPTY`` (those of multi-source scans), left out while None or empty.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.metadata.get("omit_empty") and (item is None or item == ()):
                continue  # a field of multi-source scans: absent from one-source reports
            out[f.name] = to_dict(item, _key=f.name)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        if _key in _PAIR_FIELDS and all(isinstance(item, tuple) for item in value):
            return {to_dict(k): to_dict(v) for k, v in value}
        return [to_dict(v) for v in value]
    return value


def from_dict(cls: type[_T], data: dict[str, Any]) -> _T:
    """Rebuild a record written by :func:`to_dict` (records, Enums, tuples, optionals).

    Raises:
        TypeError: ``cls`` is not a record class or a field has an unsupported type.
        ValueError, KeyError: ``data`` does not fit ``cls``.
    """
    hints = _field_types(cls)
    return cls(**{name: _from_value(hints[name], _pairs(name, value)) for name, value in data.items()})


def _pairs(name: str, value: Any) -> Any:
    """Undo ``to_dict``'s object form of a tuple-of-pairs field (``components``, the summary counts)."""
    if name in _PAIR_FIELDS and isinstance(value, dict):
        return [[k, v] for k, v in value.items()]
    return value


@functools.lru_cache(maxsize=None)
def _field_types(cls: type) -> dict[str, Any]:
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls!r} is not a record class")
    return typing.get_type_hints(cls)


def _from_value(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _from_value(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_from_value(args[0], v) for v in value)
        if len(args) != len(value):
            raise ValueError(f"expected {len(args)} items, got {len(value)}")
        return tuple(_from_value(a, v) for a, v in zip(args, value))
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    return value


__all__ = ["from_dict", "to_dict"]
