"""The Pages workflow deploys only content that ``check`` passes, built as the README says."""

import yaml

from tests.paths import ROOT
from tests.test_readme import readme_commands


def test_pages_checks_the_content_before_it_builds_and_deploys():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for step in workflow["jobs"]["build"]["steps"] if "run" in step]
    install, build = readme_commands()[0].split(" && ")
    assert runs == [install, ".venv/bin/python -m generator check", build]
    assert workflow["jobs"]["deploy"]["needs"] == "build"  # no deployment after a failed check


def test_pages_keeps_the_build_folder_between_runs():
    """The build folder is a cache (a full build renders only what changed since it)."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    caches = [step for step in workflow["jobs"]["build"]["steps"] if step.get("uses", "").startswith("actions/cache@")]
    assert [step["with"]["path"] for step in caches] == ["site.build"]
    assert caches[0]["with"]["restore-keys"] == "site-build-"
