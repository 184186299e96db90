"""What makes the aligner fast without changing a link: a forked second core for one long
pair (`twocore`, used through `annotator.core.pair` only), the collector paused during
allocation bursts (`gcpause`), the last pair's scores kept for re-aligning it (`memo`, an
object its owner passes in), and sequences made on first use (`lazy`)."""
