"""oretrace: reads trade documents for critical-mineral shipments and finds contradictions in their origin."""

__version__ = "0.1.0"
