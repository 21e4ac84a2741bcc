"""Shared helpers of the Python tests: paths and running scripts in a child Python."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
from typing import Dict, List, Optional

#: bindings/python
PACKAGE_ROOT = pathlib.Path(__file__).resolve().parent.parent
#: The project's source tree.
PROJECT_ROOT = PACKAGE_ROOT.parent.parent
#: examples/python
EXAMPLES = PROJECT_ROOT / "examples" / "python"
#: bindings/python/README.md
README = PACKAGE_ROOT / "README.md"


def child_env(extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """The environment for a child Python: this one's, with the package on PYTHONPATH
    and IPOFACTS_LIBRARY naming the library this process loaded."""
    import ipofacts

    env = dict(os.environ)
    path = [str(PACKAGE_ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    env["PYTHONPATH"] = os.pathsep.join(path)
    env["IPOFACTS_LIBRARY"] = ipofacts.library_path
    env["PYTHONIOENCODING"] = "utf-8"
    if extra:
        env.update(extra)
    return env


def run_python(args: List[str], env: Optional[Dict[str, str]] = None,
               cwd: Optional[str] = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Runs ``sys.executable`` with @p args, capturing text output."""
    return subprocess.run([sys.executable] + args, env=env if env is not None else child_env(),
                          cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=timeout)
