"""Frozen records without :mod:`dataclasses` (speed only: a start of ``mediakit analyze`` built each
dataclass by generating and compiling its methods, about half a millisecond a class).

A subclass annotates its fields in order (they become ``_fields``) and writes its own ``__init__``
(through ``self.__dict__``).
It behaves as a ``@dataclass(frozen=True)`` of those fields would: the same ``repr``, equality (same
class, equal fields), hash (of the fields), ``__match_args__``, and no assignment after ``__init__``
(:class:`FrozenInstanceError`, an ``AttributeError``). Pickling and ``copy`` work as for any object
with a ``__dict__``.

>>> class P(FrozenRecord):
...     x: int
...     y: int = 0
...     def __init__(self, x, y=0):
...         self.__dict__.update(x=x, y=y)
>>> p = P(1)
>>> p, p == P(1, 0), p == P(1, 2), hash(p) == hash(P(1)), P._fields
(P(x=1, y=0), True, False, True, ('x', 'y'))
>>> p.x = 2  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
FrozenInstanceError: cannot assign to field 'x'
>>> import copy
>>> copy.copy(p) == p
True
"""

from __future__ import annotations

from typing import Any


class FrozenInstanceError(AttributeError):
    """An attempt to change a field of a frozen record (as :class:`dataclasses.FrozenInstanceError`)."""


class FrozenRecord:
    """The base of a frozen record: see the module's docstring."""

    _fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # the fields are the class's own annotations, in order (as a dataclass reads them)
        cls._fields = tuple(cls.__dict__.get("__annotations__", {}))
        cls.__match_args__ = cls._fields  # type: ignore[attr-defined,misc]

    def _key(self) -> tuple:
        d = self.__dict__
        return tuple([d[f] for f in self._fields])

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __repr__(self) -> str:
        d = self.__dict__
        return f"{type(self).__qualname__}(" + ", ".join(f"{f}={d[f]!r}" for f in self._fields) + ")"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())
