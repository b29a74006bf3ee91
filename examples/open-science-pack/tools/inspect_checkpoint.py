"""Lists the tensors of a safetensors file (name, dtype, shape) and the total parameter count.

Reads the header directly, so it needs nothing beyond the Python standard library.

Usage:
    python tools/inspect_checkpoint.py weights/pebble-1-tiny.safetensors
"""

from __future__ import annotations

import json
import math
import struct
import sys
from pathlib import Path


def read_header(path: Path) -> dict:
    with path.open("rb") as handle:
        (length,) = struct.unpack("<Q", handle.read(8))
        return json.loads(handle.read(length))


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    header = read_header(Path(argv[0]))
    metadata = header.pop("__metadata__", {})
    total = 0
    for name, info in sorted(header.items()):
        count = math.prod(info["shape"])
        total += count
        print(f"{name:42s} {info['dtype']:4s} {str(info['shape']):12s} {count:8d}")
    print(f"{len(header)} tensors, {total:,} parameters; metadata: {json.dumps(metadata)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
