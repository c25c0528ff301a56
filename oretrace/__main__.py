"""`python -m oretrace` is the `oretrace` command."""

from oretrace.cli.main import main

main()
