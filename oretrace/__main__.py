"""`python -m oretrace` is the `oretrace` command."""

from oretrace.cli.main import main

# Guarded: worker processes (pipeline.workers) import the main module again, and must not run the command.
if __name__ == "__main__":
    main()
