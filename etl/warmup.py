"""Imported by the worker pool's fork server: the extractor loaded and warmed there once, so that every worker
forked from it starts ready instead of loading the catalogue and registry itself.

A failure here must not take the server down (it only catches ImportError): the workers then warm
themselves in their initializer, where an error is raised where it can be seen.
"""

from __future__ import annotations

import contextlib

from etl.work import warm

with contextlib.suppress(Exception):
    warm()
