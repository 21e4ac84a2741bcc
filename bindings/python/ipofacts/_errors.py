"""Exceptions: one base class, one subclass per C status.

Every failing C call becomes an :class:`IpofactsError` subclass chosen by its
``ipofacts_status``. The message is the C library's: the ``message`` of the
``ipofacts_error`` the function filled, or ``ipofacts_status_str()`` for
functions that give no details. Each subclass also derives from the closest
built-in exception, so ``except KeyError`` or ``except ValueError`` work as
Python users expect.
"""

from __future__ import annotations

import ctypes
from typing import Dict, Optional, Type

from . import _native

# Status numbers, from include/ipofacts/common.h (part of the ABI).
OK = 0
E_NOMEM = 1
E_INVALID = 2
E_IO = 3
E_SYNTAX = 4
E_SCHEMA = 5
E_VERSION = 6
E_UTF8 = 7
E_DUPLICATE = 8
E_DATE = 9
E_UNIT = 10
E_OVERFLOW = 11
E_NOT_FOUND = 12
E_NO_AMOUNT = 13
E_TOO_LARGE = 14
E_RANGE = 15
E_BUFFER = 16
E_REFERENCE = 17


class IpofactsError(Exception):
    """Base class of every error the package raises.

    Attributes:
        status: the C ``ipofacts_status`` number (0 for errors that do not
            come from a C status, such as a closed dataset).
        status_name: the C library's name of the status (``ipofacts_status_str()``).
        message: the one-line message the C library gave.
        file: file name of the problem, or ``""``.
        line: 1-based line of the problem, 0 when unknown.
        column: 1-based column, in characters, 0 when unknown.
        offset: 0-based byte offset of the problem (0 when unknown).
        path: JSON path of the offending value (``$.companies[0].facts[3].unit``), or ``""``.
        context: what the package was doing, when the C side gave no details.
    """

    status: int = 0

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        status_name: str = "",
        file: str = "",
        line: int = 0,
        column: int = 0,
        offset: int = 0,
        path: str = "",
        context: str = "",
        formatted: str = "",
    ) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        self.status_name = status_name
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
        self.path = path
        self.context = context
        self._formatted = formatted

    def __str__(self) -> str:
        if self._formatted:
            return self._formatted
        if self.context:
            return f"{self.context}: {self.message}"
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class OutOfMemoryError(IpofactsError, MemoryError):
    """``IPOFACTS_E_NOMEM``: the library ran out of memory."""

    status = E_NOMEM


class InvalidArgumentError(IpofactsError, ValueError):
    """``IPOFACTS_E_INVALID``: an argument the C function refuses."""

    status = E_INVALID


class FileAccessError(IpofactsError, OSError):
    """``IPOFACTS_E_IO``: a file could not be opened, read, written or renamed."""

    status = E_IO


class InputSyntaxError(IpofactsError, ValueError):
    """``IPOFACTS_E_SYNTAX``: malformed input (not JSON, not a number, not a date)."""

    status = E_SYNTAX


class SchemaError(IpofactsError, ValueError):
    """``IPOFACTS_E_SCHEMA``: well-formed input of the wrong shape."""

    status = E_SCHEMA


class FormatVersionError(IpofactsError, ValueError):
    """``IPOFACTS_E_VERSION``: a data format version the library does not read."""

    status = E_VERSION


class Utf8Error(IpofactsError, UnicodeError):
    """``IPOFACTS_E_UTF8``: text that is not valid UTF-8."""

    status = E_UTF8


class DuplicateIdError(IpofactsError, ValueError):
    """``IPOFACTS_E_DUPLICATE``: two items with the same id."""

    status = E_DUPLICATE


class DateError(IpofactsError, ValueError):
    """``IPOFACTS_E_DATE``: an impossible date, or a period ending before it starts."""

    status = E_DATE


class UnitError(IpofactsError, ValueError):
    """``IPOFACTS_E_UNIT``: a unit the library does not know."""

    status = E_UNIT


class DecimalOverflowError(IpofactsError, OverflowError):
    """``IPOFACTS_E_OVERFLOW``: a result beyond the range of an exact decimal."""

    status = E_OVERFLOW


class NotFoundError(IpofactsError, KeyError):
    """``IPOFACTS_E_NOT_FOUND``: no such company, period, fact or member."""

    status = E_NOT_FOUND


class NoAmountError(IpofactsError, ValueError):
    """``IPOFACTS_E_NO_AMOUNT``: text that holds no amount."""

    status = E_NO_AMOUNT


class TooLargeError(IpofactsError, ValueError):
    """``IPOFACTS_E_TOO_LARGE``: input beyond a documented limit."""

    status = E_TOO_LARGE


class RangeError(IpofactsError, ValueError):
    """``IPOFACTS_E_RANGE``: a number the input format cannot carry exactly."""

    status = E_RANGE


class BufferTooSmallError(IpofactsError):
    """``IPOFACTS_E_BUFFER``: a buffer too small for the result."""

    status = E_BUFFER


class UndefinedReferenceError(IpofactsError, ValueError):
    """``IPOFACTS_E_REFERENCE``: a reference to an id that is not defined."""

    status = E_REFERENCE


class DatasetClosedError(IpofactsError, ValueError):
    """The dataset was closed with :meth:`ipofacts.Dataset.close` and cannot be read through it."""


class LibraryNotFoundError(IpofactsError, _native.LibraryLoadError):
    """``import ipofacts`` found no loadable libipofacts."""


class AbiVersionError(IpofactsError, _native.LibraryLoadError):
    """The loaded libipofacts has an ABI generation this package does not support."""


#: The exception class of each C status.
STATUS_EXCEPTIONS: Dict[int, Type[IpofactsError]] = {
    E_NOMEM: OutOfMemoryError,
    E_INVALID: InvalidArgumentError,
    E_IO: FileAccessError,
    E_SYNTAX: InputSyntaxError,
    E_SCHEMA: SchemaError,
    E_VERSION: FormatVersionError,
    E_UTF8: Utf8Error,
    E_DUPLICATE: DuplicateIdError,
    E_DATE: DateError,
    E_UNIT: UnitError,
    E_OVERFLOW: DecimalOverflowError,
    E_NOT_FOUND: NotFoundError,
    E_NO_AMOUNT: NoAmountError,
    E_TOO_LARGE: TooLargeError,
    E_RANGE: RangeError,
    E_BUFFER: BufferTooSmallError,
    E_REFERENCE: UndefinedReferenceError,
}


def exception_class(status: int) -> Type[IpofactsError]:
    """The exception class for a C status; :class:`IpofactsError` for a status this package does not know."""
    return STATUS_EXCEPTIONS.get(status, IpofactsError)


def _text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def status_name(status: int) -> str:
    """The C library's name of a status (``ipofacts_status_str()``)."""
    from ._lib import lib

    return _text(lib.ipofacts_status_str(status) or b"")


def make_error(status: int, error: Optional[_native.CError] = None, context: str = "") -> IpofactsError:
    """Builds the exception for a failed C call.

    Args:
        status: the status the C function returned (not ``IPOFACTS_OK``)
        error: the ``ipofacts_error`` the function filled, if it takes one
        context: what was being done, used when the C side gives no message
            of its own (for example ``"company 'acme'"``)

    Returns:
        An instance of the class :func:`exception_class` picks, carrying the
        C message and, when given, the place (file, line, column, offset, path).
    """
    from ._lib import lib

    cls = exception_class(status)
    name = status_name(status)
    if error is not None and error.message:
        buf = ctypes.create_string_buffer(_native.ERROR_MESSAGE_SIZE + _native.ERROR_PATH_SIZE
                                          + _native.ERROR_FILE_SIZE + 64)
        lib.ipofacts_error_format(ctypes.byref(error), buf, ctypes.sizeof(buf))
        formatted = _text(buf.value)
        if context and not error.file:
            formatted = f"{context}: {formatted}"
        exc = cls(
            _text(error.message),
            status=status,
            status_name=name,
            file=_text(error.file),
            line=int(error.line),
            column=int(error.column),
            offset=int(error.offset),
            path=_text(error.path),
            context=context,
            formatted=formatted,
        )
    else:
        exc = cls(name, status=status, status_name=name, context=context)
    return exc


def check(status: int, error: Optional[_native.CError] = None, context: str = "") -> None:
    """Raises the exception of @p status unless it is ``IPOFACTS_OK``.

    Args:
        status: what the C function returned
        error: the ``ipofacts_error`` it filled, if any
        context: what was being done (see :func:`make_error`)

    Raises:
        IpofactsError: the subclass for the status, with the C message.
    """
    if status != OK:
        raise make_error(status, error, context)
