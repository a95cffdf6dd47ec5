"""Collectors: fetch public sources and store them as normalised Documents.

Imports none of signals/, alerts/ or app/ (tests/test_layering.py enforces it).
"""
