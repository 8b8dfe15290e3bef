"""Benchmarks and Europe-scale data generators. Never run in CI; figures go to docs/performance.md."""
