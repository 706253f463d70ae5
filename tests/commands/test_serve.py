"""``python -m generator serve``: serves the site, rebuilds on change, stops on Ctrl-C."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.paths import ROOT

PAGE = "en/resolutions/2012-03-07-kazakhstan/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_serve_rebuilds_on_change_and_stops_on_ctrl_c(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", str(content), "--site-dir", str(tmp_path / "site"), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A shell without job control starts background commands with SIGINT ignored, and
        # Python then installs no KeyboardInterrupt handler: give the server the default,
        # as a terminal would, whatever way this test run was started.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: "Kazakhstan" in fetch(base + PAGE))
        source = content / "resolutions" / "2012-03-07-kazakhstan" / "en.txt"
        source.write_text(source.read_text(encoding="utf-8").replace("\nKazakhstan\n", "\nKazakhstan renamed\n", 1), encoding="utf-8")
        assert wait_for(lambda: "Kazakhstan renamed" in fetch(base + PAGE))
    finally:
        server.send_signal(signal.SIGINT)
        _, stderr = server.communicate(timeout=20)
    assert server.returncode == 0, stderr
    assert "Traceback" not in stderr
    # An edit of a text alone is rebuilt incrementally.
    assert "rebuilding (incremental)" in stderr
