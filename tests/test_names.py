"""Names taken from LaTeX abstracts carry no LaTeX debris."""

import pytest

from extractor import extract
from extractor.link import is_method_macro, plain_name


@pytest.mark.parametrize("written, name", [
    ("\\emph{PyramidBox", "PyramidBox"),
    ("\\textsc{CoType", "CoType"),
    ("Magna\\-Tag\\-A\\-Tune", "MagnaTagATune"),
    ("SiamVGG\\footnote{https", "SiamVGG"),
    ("CrowdHuman~\\cite{shao", "CrowdHuman"),
    ("\\acl{2E-VRP", "2E-VRP"),
    ("\\ColNet", None),
    ("\\ours", None),
    ("ResNet-50", "ResNet-50"),
    (None, None),
])
def test_plain_name(written, name):
    assert plain_name(written) == name


@pytest.mark.parametrize("written, macro", [("\\ours", True), ("\\name{}", True), ("\\modelname", True),
                                            ("\\emph", False), ("ResNet", False), ("\\emph{X", False)])
def test_method_macros(written, macro):
    assert is_method_macro(written) is macro


@pytest.mark.parametrize("text", [
    "\\emph{PyramidBox} achieves 95.6\\% AP on the WIDER FACE benchmark.",
    "Our detector reaches 90.1\\% AP on CrowdHuman~\\cite{shao2018} with a single model.",
    "We obtain 56.2\\% precision on Magna\\-Tag\\-A\\-Tune for music tagging.",
])
def test_no_claim_field_holds_latex(text):
    for claim in extract(text):
        for value in (claim.subject, claim.baseline, claim.benchmark, claim.metric):
            assert value is None or not any(c in value for c in "\\{}$~"), (claim.surface, value)
