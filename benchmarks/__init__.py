"""Benchmarks: scripts that print figures side by side with their baselines."""
