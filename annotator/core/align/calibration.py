"""Fitted weights of the two-stage pair model (see scoring.py), written by
`python benchmarks/quality_calibrate.py --write --semantic`; do not edit by hand."""

# (similarity weights over scoring.SIMILARITY, link weights over LINK_FEATURES)
DEFAULT: tuple[tuple[float, ...], tuple[float, ...]] = (
(
    -5.5895, 1.3606, 2.1268, 3.5394, 1.7472, 2.4621, 0.3024, -0.1373, -0.0005, -2.2015,
    -0.4214,
), (
    1.6721, 0.6646, -1.2961, 1.3154, 0.2067, 1.0230, -0.3581, 0.6550, 1.0399, 0.0000, 0.0350,
    -1.6260, -0.3286, -3.8958,
))
SEMANTIC: tuple[tuple[float, ...], tuple[float, ...]] = (
(
    -5.5885, 1.8646, 1.4913, 2.9191, -1.0835, 2.0881, 0.2656, 0.2002, -0.2332, -1.5428, 0.3381,
    3.3880,
), (
    -2.5891, 0.4145, -1.8955, 1.5856, 1.1541, 1.6839, 0.0988, -0.0652, 0.0651, 0.0000, 0.0000,
    0.0000, 0.0000, 0.0000,
))
# the threshold that maximised the mean of held-out news F1s and PAN13 plagdet
DEFAULT_THRESHOLD = 0.3
