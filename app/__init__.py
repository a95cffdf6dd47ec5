"""Radar's service layer: settings, database, CLI, API and scheduler wiring the three stages."""
