"""The MkDocs hooks file (mkdocs.yml `hooks:`): the event handlers of ``wijzer.site.hooks``.

MkDocs loads this file anew for every build. Importing the package module instead of pointing
MkDocs at it keeps one module, and so its state, across the rebuilds of ``wijzer serve``: that
is what lets a rebuild skip every page that did not change.
"""

from wijzer.site.hooks import *  # noqa: F403
