"""annotator: align two articles, tag claims in both, link them, save everything as one XML file."""

__version__ = "0.1.0"
