"""End-to-end tests against a real Home Assistant process on 127.0.0.1."""
