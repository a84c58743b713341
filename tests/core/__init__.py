"""Plain pytest tests of the pure core."""
