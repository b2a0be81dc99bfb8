"""``python -m mapview`` → the snapshot/export CLI (mapview.cli)."""
from mapview.cli import cli

if __name__ == "__main__":
    cli(prog_name="python -m mapview")
