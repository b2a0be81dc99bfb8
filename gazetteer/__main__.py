"""Entry point for ``python -m gazetteer`` (see gazetteer/cli.py)."""
from gazetteer.cli import main

main()
