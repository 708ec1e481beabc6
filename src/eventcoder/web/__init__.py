"""HTTP API and dashboard (FastAPI): code, store, browse and explain events in the browser.

``create_app(db_path, coder=None, ...)`` builds the app (see :mod:`.app` for the routes, limits and
errors); ``eventcoder serve`` runs it with uvicorn. The dashboard is plain HTML, JavaScript and CSS in
``static/`` (no build step, no CDN), served by the same process.
"""

from .app import create_app

__all__ = ["create_app"]
