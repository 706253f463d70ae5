"""``serve`` as a careless user runs it: a busy or invalid port, and bad edits.

Rows of issue 12: a busy or invalid ``--port`` (tracebacks); ``serve`` after a bad edit
(its watcher died, later edits were never rebuilt).
"""

from __future__ import annotations

import os
import signal
import socket
import time
import urllib.request

import pytest

from tests.hostile.tools import assert_one_line_error, copy_bundled_content, run_generator, start_generator, wait_for

PAGE = "en/resolutions/2012-03-07-kazakhstan/"


@pytest.mark.parametrize(
    "port, message",
    [
        ("-1", "not a port number (0 to 65535): -1"),
        ("65536", "not a port number (0 to 65535): 65536"),
        ("http", "not a port number: 'http'"),
    ],
)
def test_an_invalid_port_is_one_line(tmp_path, port, message):
    result = run_generator("serve", "--content", str(tmp_path / "content"), "--site-dir", str(tmp_path / "site"), "--port", port)
    assert_one_line_error(result, "argument --port", message)
    assert os.listdir(tmp_path) == []


def test_a_busy_port_is_one_line_before_any_build(tmp_path):
    content = copy_bundled_content(tmp_path / "content")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_generator("serve", "--content", str(content), "--site-dir", str(tmp_path / "site"), "--port", str(port))
    assert_one_line_error(result, f"cannot serve on 127.0.0.1:{port}: Address already in use")
    assert not (tmp_path / "site").exists()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


@pytest.mark.slow  # builds several sites
def test_serve_survives_bad_edits_reports_them_and_rebuilds_when_fixed(tmp_path):
    content = copy_bundled_content(tmp_path / "content")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    serve = start_generator("serve", "--content", str(content), "--site-dir", str(tmp_path / "site"), "--port", str(port))
    base = f"http://127.0.0.1:{port}/"
    source = content / "resolutions" / "2012-03-07-kazakhstan" / "en.txt"
    good = source.read_text(encoding="utf-8")
    try:
        wait_for(lambda: "Kazakhstan" in fetch(base + PAGE), 60, "the first build")
        time.sleep(1.2)  # the watcher's first look
        # A text that is no text; then the text back, but meps.yml a folder.
        source.write_bytes(b"\x00\x01 binary")
        time.sleep(2.5)
        meps = (content / "meps.yml").read_bytes()
        (content / "meps.yml").unlink()
        (content / "meps.yml").mkdir()
        source.write_text(good, encoding="utf-8")
        time.sleep(2.5)
        assert "Kazakhstan" in fetch(base + PAGE)  # the last good site, still served
        (content / "meps.yml").rmdir()
        (content / "meps.yml").write_bytes(meps)
        source.write_text(good.replace("\nKazakhstan\n", "\nKazakhstan fixed\n", 1), encoding="utf-8")
        wait_for(lambda: "Kazakhstan fixed" in fetch(base + PAGE), 30, "the rebuild after the fix")
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        _, stderr = serve.communicate(timeout=30)
    assert serve.returncode == 0 and "Traceback" not in stderr, stderr
    assert "en.txt: binary file" in stderr and "meps.yml: a folder, not a file" in stderr
    assert stderr.count("still serving the last good site") >= 2
    assert stderr.rstrip().endswith("Stopped")
