"""Prefect flows and tasks: they put the plain functions of `oretrace.pipeline` in order."""
