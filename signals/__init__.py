"""Signals: link documents to portfolio companies, classify, score.

May import collectors/; never alerts/ or app/ (tests/test_layering.py enforces it).
"""
