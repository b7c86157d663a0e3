"""Deterministic demo data for the results site: real French geography, invented results.

`generate_demo_data.py` is the command line; this package holds the pieces it assembles:
reference geography (`geography`), what the networks publish (`catalog`), the structures that
publish it (`structures`), the results themselves (`results`), the human stories around them
(`stories`) and the CSV writer (`writer`). Everything is a pure function of a seed and a scale.
"""
