"""Running the app on uvicorn inside this process, on a background thread (tests, benchmarks, notebooks).

``eventcoder serve`` runs uvicorn in the foreground instead; this is for callers that need the server and
the caller's own code at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from ..article import EventcoderError


@contextmanager
def serve_in_thread(app, host: str = "127.0.0.1", port: int = 0,
                    start_timeout_s: float = 30.0) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a daemon thread; yield its base URL (``"http://127.0.0.1:PORT"``).

    ``port=0`` takes a free ephemeral port. On exit the server is asked to stop and the thread joined
    (the app's shutdown closes its store).

    Raises:
        EventcoderError: the server did not start within ``start_timeout_s`` seconds.
    """
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="eventcoder-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout_s
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise EventcoderError(f"server on {host}:{port} did not start within {start_timeout_s:g} s")
        time.sleep(0.02)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=start_timeout_s)
