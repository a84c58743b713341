"""Performance benchmarks of Hamstring Coach; run with `scripts/bench`."""
