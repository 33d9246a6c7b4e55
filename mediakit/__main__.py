"""``python -m mediakit``: the same command line as the ``mediakit`` script."""

from .cli import run

if __name__ == "__main__":
    run()
