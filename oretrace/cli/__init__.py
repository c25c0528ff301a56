"""The `oretrace` command (`main.app`) and its command groups, one module per area, each with `register(app)`.

A module imports its heavy dependencies inside its commands, so `oretrace --help` stays quick.
"""
