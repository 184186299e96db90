"""Article extraction on real saved pages: `python -m benchmarks.input_pages DIR`.

For every .html/.htm/.mhtml file in DIR prints what the reader kept: size, paragraphs,
metadata, the first and last paragraph (to judge whether the article came out whole) and any
boilerplate-looking phrases left in the text. The pages themselves are not shipped (they are
other people's copyright); benchmarks/RESULTS.md says which ones were used and where from.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from annotator.core import DocumentLoadError
from annotator.core.inputs import read_source

BOILERPLATE = re.compile(
    r"(?i)\b(cookies?|newsletter|subscribe|sign up|related (articles|stories|content)|"
    r"advertisement|share (this|on)|comments?|read more|most read|all rights reserved|"
    r"follow us|privacy policy|permalink)\b")


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(".")
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".html", ".htm", ".mhtml")):
        try:
            found = read_source(path)
        except DocumentLoadError as exc:
            print(f"{path.name}: REFUSED: {exc}\n")
            continue
        meta, paragraphs = found.meta, found.text.split("\n\n")
        junk = sorted({m.group(0).lower() for m in BOILERPLATE.finditer(found.text)})
        print(f"{path.name}: {len(found.text)} chars, {len(paragraphs)} paragraphs")
        print(f"  title={meta.title!r} author={meta.author!r} date={meta.date!r} "
              f"site={meta.site!r}")
        print(f"  first: {paragraphs[min(1, len(paragraphs) - 1)][:110]!r}")
        print(f"  last:  {paragraphs[-1][-110:]!r}")
        print(f"  boilerplate words: {', '.join(junk) or 'none'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
