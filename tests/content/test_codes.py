"""content/codes.toml: every ICD-10-CM code is real and carries its official
description, checked against the CMS code set (simple-icd-10-cm, a test
dependency); the service's prefix walk agrees with the real hierarchy."""

from __future__ import annotations

import pytest
import simple_icd_10_cm as cm

from glossary_service.content import CONTENT_DIR, ContentError, load_content
from glossary_service.ehr.icd10cm import CodeIndex, normalize

BLOCK = "C76-C80"  # malignant neoplasms of ill-defined, other secondary and unspecified sites


@pytest.fixture(scope="module")
def content():
    return load_content()


@pytest.fixture(scope="module")
def mappings(content):
    return list(content.codes.icd10cm.values())


@pytest.fixture(scope="module")
def index(content):
    return CodeIndex(content.codes.icd10cm)


def test_every_code_is_icd_10_cm_with_its_official_description(mappings):
    assert len(mappings) >= 60
    for m in mappings:
        assert cm.is_valid_item(m.code), m.code
        assert cm.is_category_or_subcategory(m.code), m.code  # not a block or chapter
        assert cm.get_description(m.code) == m.description, m.code


def test_every_term_id_exists_and_each_is_listed_once(content, mappings):
    for m in mappings:
        assert m.terms and len(set(m.terms)) == len(m.terms), m.code
        assert set(m.terms) <= content.terms.keys(), m.code


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        # the examples the issue names
        ("C79.51", "bone-metastasis"),
        ("C78.7", "liver-metastasis"),
        ("C79.31", "brain-metastasis"),
        ("C79.32", "metastasis"),
        ("C34.90", "lung-cancer"),
        ("C50.911", "breast-cancer"),
        ("D05.10", "stage-0"),
        ("R04.2", "coughing-up-blood"),
        ("R64", "weight-loss"),
        ("C78.6", "peritoneum"),
        ("C77.9", "lymph-node"),
        ("C78.2", "metastasis"),
        ("C78.00", "metastasis"),
        ("C80.0", "stage-4-cancer"),
        ("J91.0", "malignancy"),
        ("R18.0", "ascites"),
        ("Z51.11", "chemotherapy"),
        ("Z51.12", "immunotherapy"),
        ("Z51.5", "palliative-care"),
        ("Z85.3", "no-evidence-of-disease"),
    ],
)
def test_the_named_codes_resolve_to_their_entry_first(index, code, expected):
    assert cm.is_valid_item(code)
    assert index.resolve(normalize(code))[0].term_id == expected


def test_prefix_walk_is_the_icd_10_cm_hierarchy(index, mappings):
    """For every descendant of every mapped code, the service's answer (a walk
    over prefixes, no code data) is the one the real hierarchy gives: the
    terms of the nearest mapped ancestor-or-self first."""
    checked = 0
    for m in mappings:
        for code in [m.code, *cm.get_descendants(m.code)]:
            lineage = [code, *cm.get_ancestors(code)]
            mapped = [c for c in lineage if normalize(c) and index.mapping(normalize(c))]
            expected = []
            for c in mapped:
                expected += [t for t in index.mapping(normalize(c)).terms if t not in expected]
            assert [h.term_id for h in index.resolve(normalize(code))] == expected, code
            checked += 1
    assert checked > 900


def test_the_c76_c80_block_is_covered(index):
    categories = cm.get_children(BLOCK)
    codes = cm.get_descendants(BLOCK)
    assert categories == ["C76", "C77", "C78", "C79", "C80"]
    unmapped = [c for c in codes if not index.resolve(normalize(c))]
    assert not unmapped
    # The site-specific entries, before the general ones.
    assert [h.term_id for h in index.resolve(normalize("C79.51"))] == [
        "bone-metastasis",
        "metastasis",
        "stage-4-cancer",
        "distant-stage",
    ]


def test_no_code_of_another_system(content):
    # Only ICD-10-CM has data here to check against: SNOMED CT and NCIt codes
    # (digits only, or C followed by digits) are never written.
    text = (CONTENT_DIR / "codes.toml").read_text(encoding="utf-8")
    assert "snomed" not in text.lower().replace("no snomed ct", "")
    for m in content.codes.icd10cm.values():
        assert not m.code.isdigit()


# -- a broken codes file stops start-up, naming the line -----------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('terms = ["bone-metastasis"]', 'terms = ["bone-mets"]', "term id 'bone-mets' is unknown"),
        ('code = "C79.51"', 'code = "C7951"', "written with its dot"),
        ('code = "C79.51"', 'code = "C79.5"', "mapped twice"),
        ('terms = ["bone-metastasis"]', "terms = []", "non-empty list"),
        ('updated = "', 'updated = "yesterday', "updated must be"),
        ('description = "Secondary malignant neoplasm of bone"', 'descr = "x"', "exactly code"),
    ],
)
def test_broken_codes_file_names_the_problem(broken, old, new, message):
    with pytest.raises(ContentError) as exc:
        load_content(broken("codes.toml", old, new))
    assert message in str(exc.value)
    assert "codes.toml" in str(exc.value)
