"""The loaded libipofacts, checked and declared once, when the package is imported.

``lib`` is the ``ctypes.CDLL`` every other module calls through;
``library_path`` is where it was loaded from.
"""

from __future__ import annotations

import ctypes
from typing import Tuple

from . import _native
from ._errors import AbiVersionError, LibraryNotFoundError

#: ABI generations this package was written for (compared with ``ipofacts_abi_version()``).
SUPPORTED_ABI_VERSIONS: Tuple[int, ...] = (1,)
#: Oldest library version (``ipofacts_version_number()``, major * 10000 + minor * 100 + patch) the package needs.
MINIMUM_VERSION_NUMBER: int = 10000


def check_abi(library: ctypes.CDLL, where: str = "") -> Tuple[int, int, str]:
    """Checks that a loaded library is one this package can call.

    Reads ``ipofacts_abi_version()`` and ``ipofacts_version_number()`` and
    compares them with :data:`SUPPORTED_ABI_VERSIONS` and
    :data:`MINIMUM_VERSION_NUMBER` (read when called, so they may be changed
    to test this check).

    Args:
        library: the loaded shared library
        where: the name or path it was loaded from, for the message

    Returns:
        The ABI generation, the version number and the version string.

    Raises:
        AbiVersionError: when the generation is not supported or the library
            is older than the package needs; the message names both versions.
    """
    abi, number, text = _native.read_versions(library)
    origin = f" ({where})" if where else ""
    if abi not in SUPPORTED_ABI_VERSIONS:
        supported = ", ".join(str(v) for v in SUPPORTED_ABI_VERSIONS)
        raise AbiVersionError(
            f"libipofacts{origin} has ABI version {abi} (library {text}); "
            f"this ipofacts package supports ABI version {supported}"
        )
    if number < MINIMUM_VERSION_NUMBER:
        need = f"{MINIMUM_VERSION_NUMBER // 10000}.{MINIMUM_VERSION_NUMBER // 100 % 100}.{MINIMUM_VERSION_NUMBER % 100}"
        raise AbiVersionError(f"libipofacts{origin} is version {text}; this ipofacts package needs {need} or later")
    return abi, number, text


def _load() -> Tuple[ctypes.CDLL, str]:
    try:
        library, where = _native.find_and_load()
    except _native.LibraryLoadError as exc:
        raise LibraryNotFoundError(str(exc)) from exc
    check_abi(library, where)
    try:
        _native.declare(library)
    except _native.LibraryLoadError as exc:
        raise AbiVersionError(f"{where}: {exc}") from exc
    return library, where


lib, library_path = _load()
