"""Ownership of C objects: each is freed exactly once, after everything that borrows from it."""

from __future__ import annotations

import weakref
from typing import Any, Callable, Optional


class Resource:
    """Owns one C object and frees it once, when no Python object refers to it.

    @p parent is what the C object borrows from (a ratio set borrows from its
    dataset): holding it here keeps the parent alive until this object's
    own free has run, so the C frees always happen child first.
    """

    __slots__ = ("ptr", "parent", "_finalizer", "__weakref__")

    def __init__(self, ptr: int, free: Callable[[Any], None], parent: Optional["Resource"] = None) -> None:
        self.ptr = ptr
        self.parent = parent
        self._finalizer = weakref.finalize(self, free, ptr)
        # At interpreter exit the process releases the memory anyway; freeing
        # then could race with a daemon thread still reading the object.
        self._finalizer.atexit = False

    @property
    def alive(self) -> bool:
        """True until the C object has been freed."""
        return self._finalizer.alive

    def root(self) -> "Resource":
        """The outermost owner: the dataset's, for anything borrowed from a dataset."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node
