"""Start Curator: no command starts the desk app; `python main.py COMMAND ...` runs the command line."""

import sys

from ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
