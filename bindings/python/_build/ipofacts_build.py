"""A small PEP 517 build backend for the ipofacts package, on the standard library only.

The package is pure Python (it reaches libipofacts through ctypes), so
building it is zipping files: this backend needs no setuptools or wheel
package and no network, so ``pip install bindings/python`` works offline,
with or without build isolation. It builds wheels, editable wheels (PEP 660)
and source archives.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import pathlib
import re
import tarfile
import time
import zipfile
from typing import Dict, List, Optional, Tuple

ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = "ipofacts"
TAG = "py3-none-any"


def _project() -> Dict[str, str]:
    """The [project] table's string members of pyproject.toml."""
    source = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib  # Python 3.11+

        table = tomllib.loads(source).get("project", {})
        return {k: v for k, v in table.items() if isinstance(v, str)}
    except ImportError:
        pass
    values: Dict[str, str] = {}
    in_project = False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            in_project = stripped == "[project]"
            continue
        match = re.match(r'^([A-Za-z0-9_-]+)\s*=\s*"(.*)"\s*$', stripped)
        if in_project and match:
            values[match.group(1)] = match.group(2)
    return values


def _metadata() -> str:
    project = _project()
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
    ]
    if "description" in project:
        lines.append(f"Summary: {project['description']}")
    if "requires-python" in project:
        lines.append(f"Requires-Python: {project['requires-python']}")
    readme = ROOT / "README.md"
    if readme.is_file():
        lines.append("Description-Content-Type: text/markdown")
        return "\n".join(lines) + "\n\n" + readme.read_text(encoding="utf-8")
    return "\n".join(lines) + "\n"


def _dist_name() -> Tuple[str, str]:
    project = _project()
    return re.sub(r"[-_.]+", "_", project["name"]), project["version"]


def _package_files() -> List[pathlib.Path]:
    files = []
    for path in sorted((ROOT / PACKAGE).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in (".py", ".typed"):
            files.append(path)
    return files


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode("ascii")
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(directory: str, entries: List[Tuple[str, bytes]]) -> str:
    name, version = _dist_name()
    dist_info = f"{name}-{version}.dist-info"
    wheel_meta = f"Wheel-Version: 1.0\nGenerator: ipofacts_build\nRoot-Is-Purelib: true\nTag: {TAG}\n"
    all_entries = list(entries) + [
        (f"{dist_info}/METADATA", _metadata().encode("utf-8")),
        (f"{dist_info}/WHEEL", wheel_meta.encode("utf-8")),
        (f"{dist_info}/top_level.txt", f"{PACKAGE}\n".encode("utf-8")),
    ]
    record = [_record_line(n, d) for n, d in all_entries] + [f"{dist_info}/RECORD,,"]
    all_entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode("utf-8")))
    filename = f"{name}-{version}-{TAG}.whl"
    stamp = time.localtime(max(time.time(), 315532800))[:6]
    with zipfile.ZipFile(os.path.join(directory, filename), "w", zipfile.ZIP_DEFLATED) as archive:
        for entry_name, data in all_entries:
            info = zipfile.ZipInfo(entry_name, date_time=stamp)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return filename


# ---------------------------------------------------------------------------
# PEP 517 / PEP 660 hooks
# ---------------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings: Optional[dict] = None) -> List[str]:
    """Nothing beyond the standard library is needed."""
    return []


def get_requires_for_build_sdist(config_settings: Optional[dict] = None) -> List[str]:
    """Nothing beyond the standard library is needed."""
    return []


def get_requires_for_build_editable(config_settings: Optional[dict] = None) -> List[str]:
    """Nothing beyond the standard library is needed."""
    return []


def build_wheel(wheel_directory: str, config_settings: Optional[dict] = None,
                metadata_directory: Optional[str] = None) -> str:
    """Builds ``ipofacts-<version>-py3-none-any.whl`` in @p wheel_directory."""
    entries = [(path.relative_to(ROOT).as_posix(), path.read_bytes()) for path in _package_files()]
    return _write_wheel(wheel_directory, entries)


def build_editable(wheel_directory: str, config_settings: Optional[dict] = None,
                   metadata_directory: Optional[str] = None) -> str:
    """Builds an editable wheel: a ``.pth`` file that puts this folder on ``sys.path``."""
    entries = [(f"_{PACKAGE}_editable.pth", (str(ROOT) + "\n").encode("utf-8"))]
    return _write_wheel(wheel_directory, entries)


def build_sdist(sdist_directory: str, config_settings: Optional[dict] = None) -> str:
    """Builds ``ipofacts-<version>.tar.gz``: the package, the backend, pyproject.toml, README.md."""
    name, version = _dist_name()
    base = f"{name}-{version}"
    files = _package_files() + sorted((ROOT / "_build").glob("*.py"))
    files += [p for p in (ROOT / "pyproject.toml", ROOT / "README.md") if p.is_file()]
    filename = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, filename), "w:gz", format=tarfile.PAX_FORMAT) as archive:
        pkg_info = _metadata().encode("utf-8")
        info = tarfile.TarInfo(f"{base}/PKG-INFO")
        info.size = len(pkg_info)
        info.mtime = int(time.time())
        archive.addfile(info, io.BytesIO(pkg_info))
        for path in files:
            archive.add(str(path), arcname=f"{base}/{path.relative_to(ROOT).as_posix()}", recursive=False)
    return filename
