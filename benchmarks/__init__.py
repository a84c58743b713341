"""Performance benchmarks of Hamstring Coach (issue 8); run with `scripts/bench`."""
