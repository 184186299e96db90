"""Fitted weights of the two-stage pair model (see scoring.py), written by
`python benchmarks/quality_calibrate.py --write`; do not edit by hand."""

# (similarity weights over scoring.SIMILARITY, link weights over scoring.LINK_FEATURES)
DEFAULT: tuple[tuple[float, ...], tuple[float, ...]] = (
    (-4.0, 4.0, 1.0, 1.0, 1.0, 1.0, 0.5, -0.5, 0.5, 1.0, -0.3),
    (-3.0, 4.0, 1.0, 0.5, -1.0, 1.0, 0.5, 0.5, 1.0, 1.0),
)
SEMANTIC: tuple[tuple[float, ...], tuple[float, ...]] = (
    (*DEFAULT[0], 4.0),
    DEFAULT[1],
)
DEFAULT_THRESHOLD = 0.35
