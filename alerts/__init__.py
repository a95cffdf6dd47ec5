"""Alerts: route scored signals to people and machines, and take outcomes back.

May import collectors/ and signals/; never app/.
"""
