"""CONTRIBUTING.md: its field reference is generated from the models and may never be stale, and an
editor who follows its steps gets a valid entry and line-accurate messages."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import wijzer_in_process
from wijzer.core.models import DATA_FILES
from wijzer.core.validation import _unwrap
from wijzer.editors.fieldref import BEGIN, END, with_reference
from wijzer.editors.scaffold import skeleton

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "CONTRIBUTING.md"


def wijzer(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return wijzer_in_process(*args, cwd=cwd, env={**os.environ, "CI": "1"})


def test_committed_field_reference_is_current():
    text = GUIDE.read_text(encoding="utf-8")
    assert with_reference(text) == text, "CONTRIBUTING.md is verouderd: draai 'wijzer docs' en commit het resultaat"
    result = wijzer("docs", "--check")
    assert result.returncode == 0, result.stderr


def test_check_fails_on_a_stale_copy_and_docs_repairs_it(tmp_path):
    original = GUIDE.read_text(encoding="utf-8")
    stale = tmp_path / "CONTRIBUTING.md"
    stale.write_text(re.sub(r"^\| `costs_note` \|.*\n", "", original, flags=re.MULTILINE), encoding="utf-8")
    result = wijzer("docs", "--check", "--file", str(stale))
    assert result.returncode == 1
    assert "verouderd" in result.stderr
    assert wijzer("docs", "--file", str(stale)).returncode == 0
    assert stale.read_text(encoding="utf-8") == original


def _paths(model, prefix=""):
    for name, info in model.model_fields.items():
        yield prefix + name, info
        inner = _unwrap(info.annotation)
        if inner is not None:
            yield from _paths(inner, prefix + name + ".")


def test_every_model_field_has_a_row_with_its_description():
    generated = GUIDE.read_text(encoding="utf-8").split(BEGIN, 1)[1].split(END, 1)[0]
    for data_file, model in DATA_FILES.items():
        section = generated.split(f" — `data/{data_file}`\n", 1)[1].split("\n### ", 1)[0]
        for path, info in _paths(model):
            top, _, name = path.partition(".")
            part = section.split(f"Onder `{top}:` staat ", 1)[1].split("\nOnder `", 1)[0]
            if not name:
                assert info.description in part.splitlines()[0], path  # the list itself, above its table
                continue
            row = next((line for line in part.splitlines() if line.startswith(f"| `{name}` |")), None)
            assert row is not None, f"{data_file}: {path}"
            assert info.description.replace("|", "\\|") in row, path


def sample_entry() -> str:
    text = GUIDE.read_text(encoding="utf-8")
    step = text.split("## 3. Aanbod toevoegen", 1)[1].split("## 4.", 1)[0]
    block = re.search(r"```yaml\n(.*?)\n\s*```", step, re.DOTALL)
    assert block
    return textwrap.dedent(block.group(1)).replace("- id:", "  - id:", 1).replace("\n  ", "\n    ").replace("\n    - id", "\n  - id") + "\n"


def test_the_sample_is_what_wijzer_new_writes():
    assert sample_entry() == skeleton("offer", "mijn-aanbod", dt.date(2026, 1, 15))


def test_an_editor_following_the_guide_gets_line_accurate_feedback(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    offers = tmp_path / "data" / "offers.yaml"
    before = offers.read_text(encoding="utf-8").rstrip("\n") + "\n"
    first = before.count("\n") + 1  # the line where the pasted entry starts
    offers.write_text(before + sample_entry(), encoding="utf-8")

    # step 1 and 2: pasted but not yet filled in -> valid, with a reminder on each TODO line
    result = wijzer("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    todo = [line for line in result.stderr.splitlines() if "nog niet ingevuld" in line or "nog niet bevestigd" in line]
    assert {line.split(":")[1] for line in todo} == {str(first + n) for n in (1, 2, 3, 10, 12, 13, 17, 19)}

    # a typo in a value: the check fails and names the exact line and column
    filled = before + sample_entry().replace("      - ouders\n", "      - ouderz\n")
    offers.write_text(filled, encoding="utf-8")
    result = wijzer("validate", cwd=tmp_path)
    assert result.returncode == 1
    # the new entry is named by its id, its first audience by its position counted from 1
    expected = f"data/offers.yaml:{first + 5}:9: offers[mijn-aanbod].audiences[item 1]: 'ouderz' is geen toegestane waarde"
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr


def test_links_to_files_in_the_repository_exist():
    text = GUIDE.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (ROOT / target).exists(), target


def test_editors_get_the_schema_for_every_data_file():
    """VS Code maps each data file to its JSON Schema, and each file names its schema on line 1
    (for any editor with the YAML language server)."""
    import json

    from wijzer.editors.schema import schemas

    mapping = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert mapping == {f"./schema/{name}": f"data/{name.replace('.schema.json', '.yaml')}" for name in schemas()}
    for schema_file, data_file in mapping.items():
        assert (ROOT / schema_file).is_file()
        first = (ROOT / data_file).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../{schema_file.removeprefix('./')}", data_file
    recommended = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended


def test_pre_commit_runs_yamllint_and_validate_from_the_project(tmp_path):
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert {repo["repo"] for repo in config["repos"]} == {"local"}  # nothing downloaded
    # the Python of the active environment, not a path that exists only on Linux and macOS (.venv/bin)
    assert hooks["yamllint"]["entry"] == "python -m yamllint -c .yamllint.yml"
    assert hooks["wijzer-validate"]["entry"] == "python -m wijzer.cli validate"
    assert hooks["wijzer-docs"]["entry"] == "python -m wijzer.cli docs --check"
    assert hooks["wijzer-fmt"]["entry"] == "python -m wijzer.cli fmt"
    assert not [h for h in hooks.values() if ".venv" in h["entry"]]
    # the hooks' commands catch a broken file (run from a copy, as pre-commit runs them from the checkout)
    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", tmp_path / "data")
    shutil.copyfile(ROOT / ".yamllint.yml", tmp_path / ".yamllint.yml")

    def command(hook: str) -> list[str]:  # as pre-commit runs it in an activated environment
        return [sys.executable, *hooks[hook]["entry"].split()[1:]]
    broken = tmp_path / "data" / "offers.yaml"
    for hook in ("yamllint", "wijzer-validate"):
        files = ["data/offers.yaml"] if hook == "yamllint" else []
        ok = subprocess.run([*command(hook), *files], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert ok.returncode == 0, ok.stdout + ok.stderr
    broken.write_text(broken.read_text(encoding="utf-8").replace("audiences: [kinderen]", "audiences: [kinderen]\n    audiences: [ouders]"), encoding="utf-8")
    for hook in ("yamllint", "wijzer-validate"):
        files = ["data/offers.yaml"] if hook == "yamllint" else []
        failed = subprocess.run([*command(hook), *files], cwd=tmp_path, capture_output=True, text=True, timeout=300)
        assert failed.returncode == 1, hook
        output = failed.stdout + failed.stderr
        assert ("  8:5 " in output) if hook == "yamllint" else ("data/offers.yaml:8:5: " in output), output


def test_workflows_keep_pull_requests_without_secrets_and_read_only():
    import yaml

    workflows = ROOT / ".github" / "workflows"
    pr = yaml.safe_load((workflows / "pull-request.yml").read_text(encoding="utf-8"))
    on = pr.get("on", pr.get(True))  # PyYAML reads the key 'on' as True
    assert set(on) == {"pull_request"}
    assert pr["permissions"] == {"contents": "read"}
    code = [line for line in (workflows / "pull-request.yml").read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in code if "secrets." in line or "pull_request_target" in line]
    steps = pr["jobs"]["check"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert any("wijzer validate --github" in r for r in runs)
    assert any("wijzer build --strict" in r for r in runs)
    assert any(r.strip() == "make test" for r in runs)
    assert any("lychee" in s.get("uses", "") and "--offline" in s["with"]["args"] for s in steps)
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["name"] == "voorbeeldsite"  # the name CONTRIBUTING.md tells editors to download
    # the preview is the offline build: folder links of the normal site break when opened from disk
    preview = next(s for s in steps if s.get("id") == "preview")
    assert "wijzer.site.offline" in preview["run"] and upload["with"]["path"] == "preview/"
    assert "`wijzer/index.html`" in GUIDE.read_text(encoding="utf-8")
    assert "**voorbeeldsite**" in GUIDE.read_text(encoding="utf-8")
    assert all(s["with"].get("persist-credentials") is False for s in steps if s.get("uses", "").startswith("actions/checkout@"))

    deploy = yaml.safe_load((workflows / "deploy.yml").read_text(encoding="utf-8"))
    assert deploy["permissions"] == {"contents": "read"}
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in deploy["jobs"]["build"]
    uses = [s.get("uses", "") for job in deploy["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert deploy.get("on", deploy.get(True))["push"]["branches"] == ["main"]


def test_the_devcontainer_installs_with_the_makefile_and_serves_on_the_documented_port():
    config = json.loads((ROOT / ".devcontainer" / "devcontainer.json").read_text(encoding="utf-8"))
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in re.findall(r"make ([\w./-]+(?: [\w./-]+)*)", config["postCreateCommand"])[0].split():
        assert f"{target}:" in makefile.replace("$(VENV)", ".venv").replace("$(RUNTIME)", ".venv/.runtime-installed").replace(
            "$(NODE_DEPS)", "node_modules/.installed"), target
    assert config["forwardPorts"] == [8000] and "127.0.0.1:8000" in GUIDE.read_text(encoding="utf-8")
    assert "redhat.vscode-yaml" in config["customizations"]["vscode"]["extensions"]


def test_the_field_reference_names_kinds_and_conditions_correctly():
    text = GUIDE.read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(" `"): line for line in text.splitlines() if line.startswith("| `")}
    assert "postcode" not in rows["variants"] and "postcode" not in rows["word"]  # search words are no postcodes
    assert "tekst in een vaste vorm" in rows["word"]
    assert "postcode, bijvoorbeeld 8011 PK" in rows["contact.address.postcode"]
    assert "| ja, als er `contact.address` staat |" in rows["contact.address.street"]


def test_a_clone_needs_nothing_outside_the_repository():
    """Issue 19, item 1: a test read gemeenten.csv from a folder next to the repository, so every fresh clone was red. The
    reference lists live in tests/reference with their source and date, and no code, test, build file
    or workflow names a folder next to the repository."""
    outside = "../" + "shared"  # spelled in two parts so this test does not find itself
    places = [ROOT / "Makefile", ROOT / "pyproject.toml", *ROOT.glob("mkdocs*.yml")]
    for folder in ("src", "tests", "macros", "tools", "benchmarks", ".github", ".devcontainer"):
        places += [p for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix in {".py", ".yml", ".yaml", ".json", ".toml", ".cfg", ".sh", ".md", ".js"}]
    assert [str(p.relative_to(ROOT)) for p in places if outside in p.read_text(encoding="utf-8", errors="replace")] == []
    provenance = (ROOT / "tests" / "reference" / "README.md").read_text(encoding="utf-8")
    assert "CBS" in provenance and "gemeenten.csv" in provenance and re.search(r"\b20\d\d-\d\d-\d\d\b", provenance)


def test_python_311_or_newer_and_every_platform_has_instructions():
    """Issue 19, item 10: Python had to be exactly 3.11 and there was nothing for a gemeente's Windows laptop."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    assert "sys.version_info[:2] >= (3, 11)" in (ROOT / "Makefile").read_text(encoding="utf-8")
    guide = GUIDE.read_text(encoding="utf-8")
    for heading in ("**Linux en macOS**", "**Windows met WSL**", "**Windows zonder WSL**", "**In de browser (GitHub Codespaces)**"):
        assert heading in guide, heading
    # the PowerShell steps install from files that exist
    assert "pip install -r requirements.lock" in guide and (ROOT / "requirements.lock").is_file()


def test_the_guide_lists_the_rules_that_used_to_live_only_in_pytest():
    """Issue 19, item 2: phone numbers in prose, plain language and stale reviews were only pytest
    assertions, and CONTRIBUTING named none of them. Now `wijzer validate` says them; the guide must too."""
    rules = GUIDE.read_text(encoding="utf-8").split("### Alle regels van `wijzer validate`", 1)[1].split("\n## ", 1)[0]
    assert "**Telefoonnummers in lopende tekst** (fout)" in rules
    assert "**Gewone taal** (fout): teksten voor ouders en kinderen halen Flesch-Douma 60 of meer (B1)" in rules
    assert "**Verlopen controle** (waarschuwing)" in rules


def test_the_test_files_scheduled_first_exist():
    """conftest.LONGEST_FIRST names the slowest test files so that `make test` starts them first; a
    renamed file would quietly fall to the end of the run and make it longer."""
    from conftest import LONGEST_FIRST

    assert [name for name in LONGEST_FIRST if not (ROOT / "tests" / name).is_file()] == []
    assert len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)
