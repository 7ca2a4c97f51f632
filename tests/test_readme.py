"""The README's pandas example runs as written, and every command has help text."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor.cli import main

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_pandas_example_runs(capsys):
    code = re.search(r"## In pandas\n\n```python\n(.*?)```", README, re.S).group(1)
    assert len(code.strip().splitlines()) <= 12
    exec(compile(code, "README.md", "exec"), {})
    assert "billion_parameter" in capsys.readouterr().out


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_and_is_in_the_readme(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and main.commands[command].help
    assert f"claims {command}" in README
