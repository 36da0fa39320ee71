"""setuptools hook (everything else is in pyproject.toml): the wheel carries the theme.

``wijzer init`` copies the theme (the repository's ``overrides/``) into a new platform; a wheel
has no repository, so the theme goes into the package as ``wijzer/editors/starter/overrides``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTheme(build_py):
    def run(self) -> None:
        super().run()
        theme = Path(__file__).resolve().parent / "overrides"
        if not self.editable_mode and theme.is_dir():  # editable installs find overrides/ in the checkout
            target = Path(self.build_lib) / "wijzer" / "editors" / "starter" / "overrides"
            shutil.copytree(theme, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))


setup(cmdclass={"build_py": BuildWithTheme})
