"""The ``claims`` command: each subcommand parses its options, calls one
library function and formats the result."""

from __future__ import annotations

import functools
import sys

import click
import pandas as pd

from .errors import ClaimsError
from .readers import FORMAT_NAMES


def input_options(command):
    """Options shared by every command that reads a corpus."""
    command = click.argument("inputs", nargs=-1, type=click.Path(exists=True, dir_okay=True))(command)
    command = click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default=None,
                           help="Read every input as this format instead of detecting it.")(command)
    command = click.option("--strict", is_flag=True, help="Stop at the first bad record instead of skipping it.")(command)
    return command


def reports_errors(command):
    """Turn the library's own errors into a clean CLI error."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except ClaimsError as err:
            raise click.ClickException(str(err)) from err
    return wrapper


@click.group()
@click.version_option(package_name="ml-claims")
def main():
    """Turn machine-learning paper abstracts into claims tables and leaderboards.

    With no INPUT, every command reads the bundled demo corpus.
    """


def load_papers(inputs, fmt, strict):
    """Read the corpus, print the summary to stderr, and stop when nothing could be read."""
    from .papers import read_corpus
    papers, problems, n_records = read_corpus(list(inputs) or None, fmt, strict=strict)
    echo = functools.partial(click.echo, err=True)
    echo(f"records read: {n_records}")
    echo(f"unique papers: {len(papers)}")
    skipped = problems[problems.severity == "skipped"]
    echo(f"skipped: {len(skipped)}")
    for p in problems.itertuples():
        where = p.file if pd.isna(p.line) else f"{p.file}:{p.line}"
        echo(f"  {where}: {p.severity}: {p.reason}")
    if papers.empty:
        raise click.ClickException("nothing could be read from the input")
    return papers


@main.command()
@input_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the papers table (.csv, .jsonl, .parquet, or - for stdout).")
@reports_errors
def papers(inputs, fmt, strict, output):
    """Read the corpus into the papers table, each paper once."""
    from .output import write_table
    table = load_papers(inputs, fmt, strict)
    if output:
        write_table(table, output)


@main.command()
@input_options
@click.option("-o", "--output", required=True, help="Claims table: .parquet, .csv, .jsonl, or - for JSON Lines on stdout.")
@reports_errors
def extract(inputs, fmt, strict, output):
    """Extract every claim of every paper into a claims table."""
    from .output import write_table
    from .table import claims_frame, claims_rows
    claims = claims_frame(claims_rows(load_papers(inputs, fmt, strict), progress=True))
    click.echo(f"claims: {len(claims)}", err=True)
    write_table(claims, output)


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--misses", is_flag=True, help="List every missed and every spurious claim.")
@reports_errors
def eval_command(gold, as_json, misses):
    """Score the extractor on a gold file (precision, recall, F1, field accuracy)."""
    import json

    from .evaluate import evaluate, format_report, read_gold
    result = evaluate(read_gold(gold))
    if not misses:
        result.pop("misses")
    click.echo(json.dumps(result, indent=2) if as_json else format_report(result, misses))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
