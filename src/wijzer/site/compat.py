"""The one place where Wijzer relies on details of MkDocs or Material beyond their documented APIs.

tests/site/test_compat.py fails loudly when the installed versions differ from the ones pinned in
requirements.lock: then check each item below against the new version.

- ``faster_server``: MkDocs' ``serve`` gives plugins its ``LiveReloadServer`` in ``on_serve``
  (documented) but has no setting for how often it polls the watched folders (0.5 s). We return a
  new server with the same builder, address, root and mount path (the attributes ``root`` and
  ``mount_path`` are not documented) that polls every 0.1 s, and watch what ``serve`` had watched
  before it called ``on_serve`` (the docs folder and the config file).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.livereload import LiveReloadServer

PINNED = {"mkdocs": "1.6.1", "mkdocs-material": "9.8.1"}
WATCH_INTERVAL_S = 0.1  # a save shows up sooner than with MkDocs' 0.5 s


def faster_server(server: LiveReloadServer, config: Any, builder: Callable[..., Any]) -> LiveReloadServer:
    host, port = server.server_address[:2]
    faster = LiveReloadServer(builder=builder, host=str(host), port=int(port), root=server.root,
                              mount_path=server.mount_path, polling_interval=WATCH_INTERVAL_S)
    faster.error_handler = server.error_handler
    faster.watch(config.docs_dir)
    if config.config_file_path:
        faster.watch(config.config_file_path)
    return faster
