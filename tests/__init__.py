"""Tests of the Hamstring Coach integration."""
