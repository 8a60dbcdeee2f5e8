"""Entry point of the standalone build (PyInstaller runs a script, not a console-script entry)."""

from game.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
