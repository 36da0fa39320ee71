"""Jinja's compiled theme templates, kept in memory between the rebuilds of `wijzer serve`."""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecode(BytecodeCache):
    """Jinja's compiled theme templates, kept between `wijzer serve` rebuilds (MkDocs makes a new
    environment for every rebuild; Jinja checks each template's source checksum)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
