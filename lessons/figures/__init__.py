"""Plotly figure builders, one module per topic. Every figure uses ``palette``."""
