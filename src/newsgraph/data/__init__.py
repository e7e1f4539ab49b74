"""Packaged data: the default configuration and reference tables."""
