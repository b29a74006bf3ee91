"""Pebble-1 Tiny: a two-layer byte-level language model (example for Aperture)."""
