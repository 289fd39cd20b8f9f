"""One locale's annotate, as data for the browser matcher (``static/matcher.js``).

The widget can mark terms without sending the page's text anywhere: it
downloads this data and runs ``matcher.js``, which interprets it. Everything
that decides a link is here, taken from the built ``Index`` (so from the same
content, catalogs and ``LanguageRules``): the names in the index's own
order with their policies, blocking phrases, cue words, the abbreviation
patterns, the language's affixes and flags, the engine's own boundary rules
(tokens, sentence ends, brackets, span joiners, hyphen compounds), and
Python's character classes and case folding (``charsets.py``). Regular
expressions are translated, not rewritten (``jsregex.py``). The JavaScript
holds the algorithm of ``Index.annotate`` and no rule of any language.

``tests/browser/test_matcher_conformance.py`` holds the two equal: the
evaluation corpus of every locale, plus adversarial strings, give the same
spans in Chromium as in Python.

``names`` are in the index's build order (lookup-only names left out) and
``weights`` holds one letter per name, its weight: the matcher groups them by
first token (and by first stem) and sorts each group as ``Index._phrase_table``
does, so both tables come out in the index's own order. ``weightValues`` maps
the letters to weights.

Layout of a name (``names``): ``[tokens, term, policy, joiners, letters,
length, marks, last, patterns]``, trailing defaults left out:

- ``tokens``: its token keys, space-separated; ``term``: index into
  ``terms``, -1 for a blocking phrase; ``policy``: 0 always, 1 context,
  2 pattern; ``joiners``: punctuation the name itself holds;
- ``letters``, ``length``: for a short capital abbreviation, its letters and
  digits and its length (it must be written so); "" and 0 otherwise;
- ``marks``: where marks matter, its words in canonical marks; 0 otherwise;
- ``last``: where particles stay outside a link, the key of its last word;
- ``patterns``: indices into ``patterns`` (a pattern name).
"""

from __future__ import annotations

import hashlib
import json

from . import charsets, index, scripts, text
from .jsregex import Translator
from .policies import ALWAYS, CONTEXT, LOOKUP, PATTERN

#: The data layout; a matcher.js reads only the format it knows.
FORMAT = 2
_POLICY = {ALWAYS: 0, CONTEXT: 1, PATTERN: 2}
#: A name's weight (``index._WEIGHT``), one letter per name in ``weights``.
_WEIGHT_LETTER = {by: chr(ord("a") + i) for i, by in enumerate(index._WEIGHT)}


def export(idx: index.Index) -> dict:
    """The matcher data of one locale's index, with its ``version``."""
    rules = idx.rules
    tr = Translator()

    def search(pattern: str) -> str:
        return tr.translate(pattern)

    def match(pattern: str) -> str:
        # Python's re.match is anchored at the start; a JavaScript test is not.
        return "^(?:" + tr.translate(pattern) + ")"

    # Names in the index's build order, with the weight that breaks ties: the
    # matcher rebuilds both phrase tables (by token and by stem) as the index
    # does, grouping by first token and sorting each group the same way.
    names: list[list] = []
    weights: list[str] = []
    terms: list[str] = []
    term_ids: dict[str, int] = {}
    patterns: list[list] = []
    pattern_ids: dict[tuple, int] = {}
    for name in idx._build_order:
        toks = tuple(t.key for t in text.tokens(name.surface))
        if name.policy == LOOKUP or not toks:
            continue  # in no phrase table
        names.append(_name(idx, toks, name, terms, term_ids, patterns, pattern_ids, search))
        weights.append(_WEIGHT_LETTER[name.by])
    cues = [" ".join(toks) for group in idx._cues.values() for toks, _ in group]
    cue_ids = {id(name): i for i, name in enumerate(n for g in idx._cues.values() for _, n in g)}
    stem_cue_order = [cue_ids[id(name)] for group in idx._stem_cues.values() for _, name in group]

    stem = None
    if idx._stem is not None:
        stem = {
            "prefixes": sorted({text.fold(p) for p in rules.prefixes}, key=len, reverse=True),
            "suffixes": sorted({text.fold(s) for s in rules.suffixes}, key=len, reverse=True),
            "min": rules.min_stem,
            "stack": rules.stack_suffixes,
            # Longer words are left whole (the stem cache's bound is a rule too).
            "max": text.CACHED_WORD_LENGTH,
        }
    data = {
        "format": FORMAT,
        "locale": idx.locale,
        "unicode": charsets.UNICODE_VERSION,
        "token": search(text._TOKEN.pattern),
        "word": search(index._WORD.pattern),
        "combining": tr._class(charsets.combining(), False),
        "casefold": charsets.casefold_table(),
        "extraFolds": {chr(k): v or "" for k, v in scripts.EXTRA_FOLDS.items()},
        "sentenceEnd": search(scripts.SENTENCE_END),
        "spanJoiners": "".join(sorted(scripts.SPAN_JOINERS)),
        "openBracket": search(index._OPEN_BRACKET.pattern),
        "closeBracket": match(index._CLOSE_BRACKET.pattern),
        "ownNameReach": list(index._OWN_NAME_REACH),
        "letterHyphen": search(index._LETTER_HYPHEN.pattern),
        "hyphenLetter": match(index._HYPHEN_LETTER.pattern),
        "hyphenReach": index._HYPHEN_REACH,
        "patternReach": index._PATTERN_REACH,
        "medicalTextSigns": index._MEDICAL_TEXT_SIGNS,
        "stem": stem,
        "particlesOutsideSpan": rules.particles_outside_span,
        "marksMatter": rules.marks_matter,
        "markVariants": [list(v) for v in rules.mark_variants],
        "hyphenCompounds": rules.hyphen_compounds,
        "terms": terms,
        "patterns": patterns,
        "names": names,
        "weights": "".join(weights),
        "weightValues": list(index._WEIGHT.values()),
        "cues": cues,
        "stemCueOrder": stem_cue_order if stem else [],
        "classes": tr.classes,
    }
    body = dumps(data)
    data["version"] = f"{FORMAT}-{hashlib.sha256(body.encode()).hexdigest()[:16]}"
    return data


def _name(idx, toks, name, terms, term_ids, patterns, pattern_ids, search) -> list:
    term = -1
    if name.term_id is not None:
        term = term_ids.get(name.term_id)
        if term is None:
            term = term_ids[name.term_id] = len(terms)
            terms.append(name.term_id)
    record: list = [
        " ".join(toks),
        term,
        _POLICY[name.policy],
        "".join(sorted(name.joiners)),
        "".join(c for c in name.surface if c.isalnum()) if name.case_sensitive else "",
        len(name.surface) if name.case_sensitive else 0,
        [idx._canonical_marks(w) for w in index._WORD.findall(name.surface)]
        if idx.rules.marks_matter
        else 0,
        name.last_key if idx.rules.particles_outside_span else "",
        0,
    ]
    if name.policy == PATTERN and name.term_id is not None:
        ids = []
        for before, after in idx._patterns.get(name.key, ()):
            pair = (before.pattern if before else None, after.pattern if after else None)
            n = pattern_ids.get(pair)
            if n is None:
                n = pattern_ids[pair] = len(patterns)
                patterns.append([search(p) if p else None for p in pair])
            ids.append(n)
        record[8] = ids
    while record and record[-1] in (0, "") and len(record) > 4:
        record.pop()
    return record


def dumps(data: dict) -> str:
    """Compact JSON, characters as written (UTF-8 on the wire)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Line and paragraph separators are not always safe inside JS strings.
    return body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
