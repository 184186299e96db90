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
    -5.6140, 1.9480, 1.8230, 2.8500, -1.2820, 2.1630, 0.3790, 0.2380, -0.2400, -1.4300, 0.4190,
    3.3310,
), (
    1.0010, 0.7230, -1.1610, 1.0600, 0.3090, 1.3520, -0.1370, -0.0060, 0.9850, 0.0000, -0.0540,
    -1.5720, -0.7340, -3.0400,
))
# the threshold that maximised the mean of held-out news F1s and PAN13 plagdet
DEFAULT_THRESHOLD = 0.3
