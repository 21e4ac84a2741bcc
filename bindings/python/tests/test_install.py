"""pip installs the package offline (no index, no setuptools needed), and the
installed copy works from outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest

from _support import PACKAGE_ROOT, child_env


def pip_available() -> bool:
    try:
        return subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True,
                              timeout=60).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


@unittest.skipUnless(pip_available(), "pip is not available for this Python")
class InstallTest(unittest.TestCase):
    def test_pip_install_offline(self):
        with tempfile.TemporaryDirectory() as target:
            env = child_env({"PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
                             "PYTHONDONTWRITEBYTECODE": "1"})
            env.pop("PYTHONPATH", None)
            result = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--no-index", "--target", target, str(PACKAGE_ROOT)],
                env=env, capture_output=True, text=True, timeout=240)
            self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
            self.assertTrue(os.path.isfile(os.path.join(target, "ipofacts", "__init__.py")))
            self.assertTrue(os.path.isfile(os.path.join(target, "ipofacts", "py.typed")))
            self.assertTrue(any(name.startswith("ipofacts-1.1.0.dist-info") for name in os.listdir(target)))
            env["PYTHONPATH"] = target
            code = ("import ipofacts; "
                    "print(ipofacts.__file__); "
                    "print(ipofacts.Dataset.builtin()['minimax'].fact('revenue', 'FY2024').value)")
            result = subprocess.run([sys.executable, "-c", code], env=env, cwd=target, capture_output=True,
                                    text=True, timeout=120)
            self.assertEqual(result.returncode, 0, result.stderr)
            where, value = result.stdout.split()
            self.assertTrue(where.startswith(target), where)
            self.assertEqual(value, "30523000")


if __name__ == "__main__":
    unittest.main()
