"""Compare two built sites: which files differ, byte for byte and after normalising white space
and HTML entities. Usage: python benchmarks/site_diff.py BEFORE AFTER [--show N]"""

from __future__ import annotations

import difflib
import html
import re
import sys
from pathlib import Path

_SPACE = re.compile(r"\s+")


def normalised(data: bytes) -> str:
    return _SPACE.sub(" ", html.unescape(data.decode("utf-8", errors="replace"))).strip()


def compare(before: Path, after: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """(only before, only after, differ in bytes, differ after normalising)."""
    a = {str(p.relative_to(before)) for p in before.rglob("*") if p.is_file()}
    b = {str(p.relative_to(after)) for p in after.rglob("*") if p.is_file()}
    bytes_differ, text_differ = [], []
    for name in sorted(a & b):
        x, y = (before / name).read_bytes(), (after / name).read_bytes()
        if x != y:
            bytes_differ.append(name)
            if normalised(x) != normalised(y):
                text_differ.append(name)
    return sorted(a - b), sorted(b - a), bytes_differ, text_differ


def main(argv: list[str]) -> int:
    before, after = Path(argv[0]), Path(argv[1])
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 3
    only_a, only_b, bytes_differ, text_differ = compare(before, after)
    print(f"only in {before}: {len(only_a)} {only_a[:10]}")
    print(f"only in {after}: {len(only_b)} {only_b[:10]}")
    print(f"differ in bytes: {len(bytes_differ)}; after normalising white space and entities: {len(text_differ)}")
    for name in text_differ[:show]:
        x = normalised((before / name).read_bytes()).replace("><", ">\n<").splitlines()
        y = normalised((after / name).read_bytes()).replace("><", ">\n<").splitlines()
        print(f"--- {name}")
        print("\n".join(list(difflib.unified_diff(x, y, lineterm="", n=0))[:20]))
    return 1 if only_a or only_b or text_differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
