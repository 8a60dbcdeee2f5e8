"""Ship the repository's top-level ``levels/`` and ``assets/`` folders inside the packages, and
compile the message catalogs into the build.

The repository keeps them at the top (the required layout); a wheel, an sdist and the editable
install all map them to ``sim.levels.shipped`` and ``game.assets``, which the code finds with
``importlib.resources``. Only this mapping and the catalog step live here: everything else is in
pyproject.toml. Packages are found, not listed, so that a new sub-package ships without editing
this file; folders of data (``sim/data``, ``game/locale/…``, ``levels/campaign``, …) are listed as
packages too, because setuptools ships files only from packages it was told of and warns
("Package would be ignored") about the others.
"""

import importlib.util
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py

SHIPPED = {"sim.levels.shipped": "levels", "game.assets": "assets"}
NOT_PACKAGES = ["*__pycache__*"]


def packages() -> list[str]:
    found = find_namespace_packages(include=["sim", "sim.*", "game", "game.*"], exclude=NOT_PACKAGES)
    for package, folder in SHIPPED.items():
        found += [package, *(f"{package}.{sub}" for sub in find_namespace_packages(folder, exclude=NOT_PACKAGES))]
    return found


class BuildWithCatalogs(build_py):
    """Compile ``game/locale/*/LC_MESSAGES/*.po`` to ``.mo`` in the build, so a wheel never ships a
    catalog older than its translations. Without Babel (a build offline, say) the committed
    ``.mo`` files ship as they are; `make catalogs` refreshes those in the checkout."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # an editable install reads the checkout's catalogs (`make catalogs`)
        tool = Path(__file__).resolve().parent / "game" / "tools" / "make_catalogs.py"
        spec = importlib.util.spec_from_file_location("make_catalogs", tool)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except ImportError:
            return
        for line in module.compile_catalogs(Path(self.build_lib) / "game" / "locale"):
            print(line)


setup(packages=packages(), package_dir=SHIPPED, cmdclass={"build_py": BuildWithCatalogs})
