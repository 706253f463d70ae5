"""One build at a time per site, and builds stopped half-way (real processes throughout).

Rows of issue 12: two builds into one site at once (both exited 0 with 2 pages of 24);
Ctrl-C or a kill mid-build (``.site.new-*`` folders left behind; after a kill, MkDocs
children kept writing and ``/dev/shm/pagefind-*`` stayed).

To stop a build at a known stage, its processes start with a ``sitecustomize`` module
(Python imports it on start) that makes one stage wait: MkDocs sleeps before it builds,
or Pagefind is a program that sleeps. Each leaves a file saying it started.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from generator.outputs.search import SCRATCH_IN_MEMORY, get_scratch_prefix
from generator.site_folder import get_build_dir, hold_lock
from tests.hostile.tools import (
    copy_bundled_content,
    fingerprint,
    generator_env,
    html_pages,
    run_generator,
    session_processes,
    start_generator,
    wait_for,
)

SITECUSTOMIZE = '''\
import os, sys
stage, started = os.environ.get("HOSTILE_STAGE"), os.environ.get("HOSTILE_STARTED", "")
seconds = float(os.environ.get("HOSTILE_SECONDS", "60"))
if stage == "mkdocs" and sys.orig_argv[1:3] == ["-m", "mkdocs"]:
    import time
    open(f"{started}.{os.getpid()}", "w").close()
    time.sleep(seconds)
if stage == "pagefind" and sys.orig_argv[1:3] == ["-m", "generator"]:
    import generator.outputs.search as search
    pause = f"import time; open({started!r} + '.' + str(__import__('os').getpid()), 'w').close(); time.sleep({seconds})"
    search.get_pagefind_command = lambda: [sys.executable, "-c", pause]
if stage == "starting" and sys.orig_argv[1:3] == ["-m", "generator"]:
    class CtrlC:  # Ctrl-C as it lands while Python still imports the command line
        @staticmethod
        def find_spec(name, path=None, target=None):
            if name == "generator.languages":
                raise KeyboardInterrupt
    sys.meta_path.insert(0, CtrlC)
'''


@pytest.fixture
def site_with_content(tmp_path):
    """The bundled content, built once: the previous site an interrupted build must keep."""
    content = copy_bundled_content(tmp_path / "content")
    site = tmp_path / "out" / "site"
    assert run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site)).returncode == 0
    return content, site


def edit_sample(content: Path) -> None:
    source = content / "resolutions" / "2012-03-07-kazakhstan" / "en.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("\nKazakhstan\n", "\nKazakhstan edited\n", 1), encoding="utf-8")


def slowed_env(tmp_path: Path, stage: str, seconds: float = 60) -> tuple[dict[str, str], Path]:
    """The environment of a build whose ``stage`` waits ``seconds``; and the prefix of
    the files each waiting process leaves."""
    hooks = tmp_path / "hooks"
    hooks.mkdir(exist_ok=True)
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    started = tmp_path / "started"
    env = generator_env(PYTHONPATH=str(hooks), HOSTILE_STAGE=stage, HOSTILE_STARTED=str(started), HOSTILE_SECONDS=str(seconds))
    return env, started


def started_processes(started: Path) -> list[Path]:
    return sorted(started.parent.glob(f"{started.name}.*"))


def scratch_dirs(site: Path) -> list[Path]:
    prefix = get_scratch_prefix(get_build_dir(site) / "search")
    return sorted(SCRATCH_IN_MEMORY.glob(f"{prefix}*")) + sorted(Path("/tmp").glob(f"{prefix}*"))


def leftovers(site: Path) -> list[str]:
    return sorted(name for name in os.listdir(site.parent) if name.startswith(f".{site.name}."))


def not_build_state(path: Path) -> bool:
    return path.name.endswith(".build")


@pytest.mark.parametrize(
    "stage, sent, status, message",
    [
        ("mkdocs", signal.SIGINT, 130, "interrupted (Ctrl-C)"),
        ("mkdocs", signal.SIGTERM, 143, "terminated (SIGTERM)"),
        ("pagefind", signal.SIGINT, 130, "interrupted (Ctrl-C)"),
        ("pagefind", signal.SIGTERM, 143, "terminated (SIGTERM)"),
    ],
)
def test_an_interrupted_build_stops_its_children_removes_its_scratch_and_keeps_the_site(
    tmp_path, site_with_content, stage, sent, status, message
):
    content, site = site_with_content
    edit_sample(content)
    before = fingerprint(tmp_path / "out", skip=not_build_state)
    env, started = slowed_env(tmp_path, stage)
    build = start_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site), env=env)
    try:
        wait_for(lambda: len(started_processes(started)) == (2 if stage == "mkdocs" else 1), 30, f"{stage} to start")
        # Mid-build: the new site, or the pages handed to Pagefind, are there.
        assert leftovers(site) if stage == "mkdocs" else scratch_dirs(site)
        if sent == signal.SIGINT:
            os.killpg(build.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to the whole group
        else:
            build.send_signal(signal.SIGTERM)  # as `kill`: to the build alone
        _, stderr = build.communicate(timeout=30)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert "Traceback" not in stderr, stderr
    assert (build.returncode, stderr.strip().splitlines()) == (status, [f"{message}: stopped, nothing half-made left"])
    assert session_processes(build.pid) == []  # MkDocs, Pagefind, forked workers: all gone
    assert leftovers(site) == [] and scratch_dirs(site) == []
    assert fingerprint(tmp_path / "out", skip=not_build_state) == before


@pytest.mark.parametrize("stage", ["mkdocs", "pagefind"])
def test_after_a_kill_the_next_build_waits_for_its_children_then_removes_what_it_left(tmp_path, site_with_content, stage):
    content, site = site_with_content
    edit_sample(content)  # so that search indexes again
    env, started = slowed_env(tmp_path, stage, seconds=2)
    build = start_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site), env=env)
    wait_for(lambda: len(started_processes(started)) == (2 if stage == "mkdocs" else 1), 30, f"{stage} to start")
    os.kill(build.pid, signal.SIGKILL)  # nothing can be cleaned up by the build itself
    # wait, not communicate: the build's forked worker (which runs Pagefind) holds its
    # pipes until it ends.
    build.wait(timeout=10)
    assert leftovers(site) if stage == "mkdocs" else scratch_dirs(site)
    children = session_processes(build.pid)
    assert children, "the killed build's children are still at work"

    result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site), timeout=60)
    assert result.returncode == 0, result.stderr
    # It waited for the children, which hold the lock, rather than cleaning up under them.
    assert "another build of this site is running" in result.stderr and "Traceback" not in result.stderr
    assert session_processes(build.pid) == []
    assert leftovers(site) == [] and scratch_dirs(site) == []
    assert "en/resolutions/2012-03-07-kazakhstan/index.html" in html_pages(site)


def test_ctrl_c_while_the_generator_is_still_starting_is_one_line_not_a_traceback(tmp_path):
    # serve's rebuild, stopped with serve by one Ctrl-C just after it started, printed
    # Python's KeyboardInterrupt traceback from inside its imports.
    env, _ = slowed_env(tmp_path, "starting")
    site = tmp_path / "site"
    result = run_generator("build", "--site-dir", str(site), env=env)
    assert result.returncode == 130 and result.stderr.startswith("interrupted (Ctrl-C)"), result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert not site.exists()


def test_a_second_build_waits_for_the_first_saying_so_in_one_line(tmp_path, site_with_content):
    content, site = site_with_content
    before = fingerprint(tmp_path / "out", skip=not_build_state)
    with hold_lock(get_build_dir(site) / "lock"):  # as a build running in this process would
        second = start_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site))
        try:
            line = second.stderr.readline()
            assert "another build of this site is running" in line and f"process {os.getpid()}" in line
            time.sleep(0.5)
            assert second.poll() is None  # still waiting, and the site as it was
            assert fingerprint(tmp_path / "out", skip=not_build_state) == before
        except BaseException:
            os.killpg(second.pid, signal.SIGKILL)
            raise
    _, rest = second.communicate(timeout=60)
    assert second.returncode == 0 and rest.strip() == "", rest


@pytest.mark.slow  # builds several sites
def test_builds_at_once_into_one_site_each_build_it_whole(tmp_path):
    content = copy_bundled_content(tmp_path / "content")
    site = tmp_path / "site"
    builds = [start_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site)) for _ in range(3)]
    results = [(build.wait(timeout=120), build.stderr.read()) for build in builds]
    assert [status for status, _ in results] == [0, 0, 0], results
    assert not any("Traceback" in stderr for _, stderr in results)
    assert sum("another build of this site is running" in stderr for _, stderr in results) >= 1
    reference = tmp_path / "reference"
    assert run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(reference)).returncode == 0
    assert html_pages(site) == html_pages(reference)
    assert leftovers(site) == []


@pytest.mark.slow  # builds several sites
def test_serve_rebuilds_under_the_lock_while_a_build_runs(tmp_path):
    content = copy_bundled_content(tmp_path / "content")
    site = tmp_path / "site"
    serve = start_generator("serve", "--content", str(content), "--site-dir", str(site), "--port", "0")
    try:
        wait_for(lambda: (site / "en" / "index.html").is_file(), 60, "the first build")
        edit_sample(content)
        result = run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(site))
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        page = site / "en" / "resolutions" / "2012-03-07-kazakhstan" / "index.html"
        wait_for(lambda: "Kazakhstan edited" in page.read_text(encoding="utf-8"), 30, "the edit")
    finally:
        os.killpg(serve.pid, signal.SIGINT)
        _, stderr = serve.communicate(timeout=30)
    assert serve.returncode == 0 and "Traceback" not in stderr, stderr
    reference = tmp_path / "reference"
    assert run_generator("build", "--quiet", "--content", str(content), "--site-dir", str(reference)).returncode == 0
    assert html_pages(site) == html_pages(reference)


def test_serve_stopped_by_sigterm_mid_rebuild_stops_the_build_too(tmp_path):
    content = copy_bundled_content(tmp_path / "content")
    site = tmp_path / "out" / "site"
    env, started = slowed_env(tmp_path, "none")
    serve = start_generator("serve", "--content", str(content), "--site-dir", str(site), "--port", "0", env=env)
    try:
        wait_for(lambda: (site / "en" / "index.html").is_file(), 60, "the first build")
        time.sleep(1.5)  # the watcher's first look
        before = fingerprint(tmp_path / "out", skip=not_build_state)
        # Python reads sitecustomize on every start: the rebuild's MkDocs waits.
        hooks = tmp_path / "hooks" / "sitecustomize.py"
        hooks.write_text(hooks.read_text(encoding="utf-8").replace('os.environ.get("HOSTILE_STAGE")', '"mkdocs"'), encoding="utf-8")
        (content / "meps.yml").write_text("[]\n", encoding="utf-8")
        wait_for(lambda: len(started_processes(started)) == 2, 30, "the rebuild's MkDocs")
        serve.send_signal(signal.SIGTERM)
        _, stderr = serve.communicate(timeout=30)
    finally:
        if serve.poll() is None:
            os.killpg(serve.pid, signal.SIGKILL)
    assert serve.returncode == 143 and "Traceback" not in stderr, stderr
    assert stderr.strip().splitlines()[-1] == "terminated (SIGTERM): stopped, nothing half-made left"
    assert session_processes(serve.pid) == []
    assert leftovers(site) == [] and scratch_dirs(site) == []
    assert fingerprint(tmp_path / "out", skip=not_build_state) == before
