"""The bundle's build files stay valid: the CI workflow parses and has its jobs, and the spec, the
Inno Setup script, the .desktop file and the workflow name only files and commands that exist."""

from __future__ import annotations

import configparser
import re
import shlex
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _workflow() -> dict:
    return yaml.safe_load((PACKAGING / "ci" / "bundles.yml").read_text(encoding="utf-8"))


def test_workflow_has_a_job_per_system_that_builds_and_smokes() -> None:
    flow = _workflow()
    assert True in flow or "on" in flow  # YAML 1.1 reads the key `on` as True
    jobs = flow["jobs"]
    assert {job["runs-on"] for job in jobs.values()} == {"ubuntu-latest", "windows-latest", "macos-latest"}
    for name, job in jobs.items():
        script = "\n".join(step.get("run", "") for step in job["steps"])
        assert "smoke.py" in script or "dist-test" in script, name
        assert "build_bundle.py" in script or "dist-test" in script or "python -m build" in script, name
    windows = "\n".join(s.get("run", "") for s in jobs["windows"]["steps"])
    assert "guiji.iss" in windows and "guiji-cli.exe" in windows
    macos = "\n".join(s.get("run", "") for s in jobs["macos"]["steps"])
    assert "make_dmg.sh" in macos and "Guiji.app/Contents/MacOS/guiji" in macos


def test_workflow_names_files_that_exist() -> None:
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            for word in shlex.split(step.get("run", "").replace("\\", "/"), comments=True):
                if word.startswith("packaging/") and "*" not in word:
                    assert (ROOT / word).exists(), word


def test_spec_names_files_that_exist() -> None:
    spec = (PACKAGING / "guiji.spec").read_text(encoding="utf-8")
    compile(spec, "guiji.spec", "exec")
    for folder, name in re.findall(r'(ROOT|PACKAGING) / "([^"]+)"', spec):
        base = ROOT if folder == "ROOT" else PACKAGING
        assert (base / name).exists(), name
    for name in re.findall(r'"(guiji\.(?:ico|icns|png))"', spec):
        assert (PACKAGING / "icons" / name).is_file(), name
    for hook in ("hook-spacy.py", "hook-jieba.py"):
        assert (PACKAGING / "hooks" / hook).is_file()
    for folder in ("sample", "templates", "icons"):
        assert f'"{folder}"' in spec and (ROOT / "resources" / folder).is_dir()


def test_inno_setup_script_names_files_that_exist() -> None:
    iss = (PACKAGING / "windows" / "guiji.iss").read_text(encoding="utf-8")
    here = PACKAGING / "windows"
    icon = re.search(r"^SetupIconFile=(.+)$", iss, re.M)
    assert icon and (here / icon.group(1).replace("\\", "/")).resolve().is_file()
    source = re.search(r'^Source: "([^"]+)"', iss, re.M)
    assert source and source.group(1).replace("\\", "/") == "../../dist/guiji/*"  # what the spec builds
    out = re.search(r"^OutputDir=(.+)$", iss, re.M)
    assert out and (here / out.group(1).replace("\\", "/")).resolve() == ROOT / "dist"
    assert "{app}\\guiji.exe" in iss  # the spec's window program on Windows
    assert 'name="guiji"' in (PACKAGING / "guiji.spec").read_text(encoding="utf-8")


def test_desktop_file_is_valid() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "guiji.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Exec"].split()[0] == "guiji"
    assert section["Icon"] == "guiji" and (PACKAGING / "icons" / "guiji.png").is_file()
    assert section["StartupWMClass"] == "guiji"
    assert 'setDesktopFileName("guiji")' in (ROOT / "app" / "ui" / "app.py").read_text(encoding="utf-8")
