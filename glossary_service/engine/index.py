"""The matching engine: lookup, search-as-you-type and annotate, for one locale.

An ``Index`` is built once from the names of the terms (localized names and
aliases, English ones as a fallback for lookup, and generated plural forms)
and the language's rules, and is immutable afterwards, so it can be shared by
every request and thread.

Precision comes first: a wrong link tells a patient something false about
their own disease. So every name has a linking policy (``policies.py``),
phrases that hold a shorter name but mean something else block it, spans
never cross brackets, quotes or sentence punctuation, and misspellings never
change a number.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from . import fuzzy
from .affixes import plural, stemmer
from .languages import LanguageRules, rules_for
from .policies import ALWAYS, CONTEXT, LOOKUP, PATTERN, stricter
from .scripts import SENTENCE_END, SPAN_JOINERS
from .text import fold, fold_case, is_cjk, join_keys, numbers_in, plain, tokens

# How much each kind of name counts when it matches.
_WEIGHT = {"term": 1.0, "alias": 0.95, "inflection": 0.9, "english": 0.85, "block": 0.0}
_SENTENCE_END = re.compile(SENTENCE_END)
# "partial response (PR)": an abbreviation in brackets right after its own name.
_OPEN_BRACKET = re.compile(r"\s*[(\[（［]\s*$")
_CLOSE_BRACKET = re.compile(r"^\s*[)\]）］]")
# A text showing this many different signs of health (names linked "always",
# cue words) is medical throughout.
_MEDICAL_TEXT_SIGNS = 3
# Characters a pattern may look at on each side of a name.
_PATTERN_REACH = 80
_LETTER_HYPHEN = re.compile(r"\w-$")
_HYPHEN_LETTER = re.compile(r"^-\w")
# Characters read on each side of a name: for a compound hyphen, and for the
# brackets of "partial response (PR)" (before, after).
_HYPHEN_REACH = 2
_OWN_NAME_REACH = (4, 3)


def _is_abbreviation(surface: str) -> bool:
    """Short and in capitals, in any alphabet: NED, PD-L1, НМРЛ."""
    return len(surface) <= 5 and " " not in surface and surface.isupper()


@dataclass(frozen=True)
class Name:
    """One way a term can be written: its name, an alias, a form; or a
    blocking phrase (no term) that keeps a shorter name inside it unlinked."""

    key: str  # folded phrase key: what matching compares
    exact: str  # case-folded with accents kept: ranks an exact-accent match first
    term_id: str | None
    by: str  # term | alias | inflection | english | block
    # Short capital abbreviations ("PR", "CR") match free text only in capitals.
    case_sensitive: bool
    surface: str
    policy: str = ALWAYS
    # Punctuation the name itself holds between words ("Tumor, Node, Metastasis"):
    # the only characters besides spaces and hyphens a match may span.
    joiners: frozenset[str] = frozenset()
    # The key of its last word: where a Korean link ends before a particle.
    last_key: str = ""

    @property
    def weight(self) -> float:
        return _WEIGHT[self.by]


@dataclass(frozen=True)
class Match:
    term_id: str
    by: str  # term | alias | inflection | english | misspelling | contains
    score: float


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    term_id: str


@dataclass(frozen=True)
class NamedTerm:
    """What the index needs to know of a term in its locale."""

    id: str
    term: str
    aliases: tuple[str, ...]
    english_names: tuple[str, ...] = ()
    #: name -> policy, for names that are not "always" (see policies.py).
    policies: Mapping[str, str] = field(default_factory=dict)


class _Words(NamedTuple):
    """A text's tokens, their keys and stems, computed once per annotation."""

    toks: list
    keys: list[str]
    stems: list[str] | None


@dataclass(frozen=True)
class _Candidate:
    start: int  # token indices
    end: int
    name: Name
    # Where the span ends in the text, when not at the end of its last token:
    # a Korean particle stripped from the last word stays outside the link.
    stop: int | None = None


def _key(surface: str) -> str:
    return join_keys([t.key for t in tokens(surface)])


class Index:
    """Lookup, search and annotate over one locale's names, built once."""

    def __init__(self, locale: str, terms: Iterable[NamedTerm], rules: LanguageRules | None = None):
        self.locale = locale
        self.rules = rules = rules if rules is not None else rules_for(locale)
        self._stem = stemmer(rules)
        self._numbers = frozenset(fold(w) for w in rules.number_words)
        names = list(self._names(terms))
        # The build order: the browser matcher rebuilds its phrase tables from it.
        self._build_order = tuple(names)
        by_key: dict[str, list[Name]] = {}
        for name in names:
            if name.term_id is not None:
                by_key.setdefault(name.key, []).append(name)
        for group in by_key.values():
            group.sort(key=lambda n: -n.weight)
        self._by_key = by_key
        self._blocked = {n.key for n in names if n.term_id is None} - by_key.keys()
        # Keys without their spaces: "pdl1" is PD-L1, "PD1" is PD-1.
        self._compact: dict[str, str] = {}
        for key in by_key:
            self._compact.setdefault(key.replace(" ", ""), key)

        # Search scans one string holding every key, so a query is a handful of
        # C-speed ``str.find`` calls rather than a Python loop over names.
        self._keys = sorted(by_key)
        self._haystack = "\n".join(self._keys) + "\n"
        # Per key, each term it names once, with its best weight.
        self._key_terms = []
        for key in self._keys:
            seen_terms: dict[str, tuple[str, float, str]] = {}
            for name in by_key[key]:
                seen_terms.setdefault(name.term_id, (name.term_id, name.weight, name.by))
            self._key_terms.append(tuple(seen_terms.values()))
        self._key_numbers = [numbers_in(key.split(), self._numbers) for key in self._keys]
        # Numbers each term's names state: a term named "stage 4" is no
        # suggestion for "stage 2".
        self._term_numbers: dict[str, set[tuple[str, ...]]] = {}
        for i in range(len(self._keys)):
            for term_id, _, _ in self._key_terms[i]:
                self._term_numbers.setdefault(term_id, set()).add(self._key_numbers[i])
        self._offsets = []
        pos = 0
        for key in self._keys:
            self._offsets.append(pos)
            pos += len(key) + 1

        # Trigrams -> keys holding them, for queries of three letters or more.
        grams: dict[str, list[int]] = {}
        for i, key in enumerate(self._keys):
            for gram in {key[j : j + 3] for j in range(len(key) - 2)}:
                grams.setdefault(gram, []).append(i)
        self._grams = grams

        # Annotate: names that may appear in running text (and blocking
        # phrases), by first token, longest first, blockers before names.
        self._phrases = self._phrase_table(names, lambda n: tuple(t.key for t in tokens(n.surface)))
        self._stem_phrases: dict[str, list[tuple[tuple[str, ...], Name]]] = {}
        self._stem_keys: dict[str, Name] = {}
        self._blocked_stems: set[str] = set()
        if self._stem is not None:
            stem = self._stem
            self._stem_phrases = self._phrase_table(
                names, lambda n: tuple(stem(t.key) for t in tokens(n.surface))
            )
            for name in names:
                stems = " ".join(stem(t.key) for t in tokens(name.surface))
                if name.term_id is not None:
                    self._stem_keys.setdefault(stems, name)
                else:
                    self._blocked_stems.add(stems)

        # Patterns, by the key of each name they govern.
        self._patterns: dict[str, list[tuple[re.Pattern | None, re.Pattern | None]]] = {}
        for pattern in rules.patterns:
            compiled = (
                re.compile(pattern.before) if pattern.before else None,
                re.compile(pattern.after) if pattern.after else None,
            )
            for surface in pattern.names:
                self._patterns.setdefault(_key(surface), []).append(compiled)

        # Context cues, as token tuples (and stems), by first token.
        cue_names = [
            Name(_key(c), fold_case(c), None, "block", False, c) for c in rules.context_cues
        ]
        self._cues = self._phrase_table(
            cue_names, lambda n: tuple(t.key for t in tokens(n.surface))
        )
        self._stem_cues = (
            self._phrase_table(
                cue_names, lambda n: tuple(self._stem(t.key) for t in tokens(n.surface))
            )
            if self._stem is not None
            else {}
        )

    # Misspelling tables, built on the first miss, once per index (most
    # requests never misspell; cached_property locks, so two threads do not
    # build one twice). Lookup: the keys misspelling may reach, by first
    # letter and length, each with its set of two-letter runs (interned, so
    # the sets share their strings).
    @cached_property
    def _fuzzy_keys(self) -> dict[tuple[str, int], list[tuple[str, frozenset[str]]]]:
        table: dict[tuple[str, int], list[tuple[str, frozenset[str]]]] = {}
        interned: dict[str, str] = {}
        for key in self._keys:
            if fuzzy.budget(len(key), self.rules.fuzzy_lengths):
                grams = frozenset(interned.setdefault(g, g) for g in fuzzy.bigrams(key))
                table.setdefault((key[0], len(key)), []).append((key, grams))
        return table

    @cached_property
    def _prefix_deletes(self) -> dict[str, set[str]]:
        table: dict[str, set[str]] = {}
        lengths = self.rules.fuzzy_lengths
        if lengths is None:
            return table
        for key in self._keys:
            for word in set(key.split()):
                for n in range(max(4, lengths[0] - 1), len(word) + 1):
                    for d in fuzzy.deletes(word[:n]):
                        table.setdefault(d, set()).add(key)
        return table

    def build_all(self) -> Index:
        """Build what is otherwise built on first use (servers that preload)."""
        self._fuzzy_keys  # noqa: B018
        self._prefix_deletes  # noqa: B018
        return self

    @staticmethod
    def _phrase_table(names, to_tokens) -> dict[str, list[tuple[tuple[str, ...], Name]]]:
        table: dict[str, list[tuple[tuple[str, ...], Name]]] = {}
        for name in names:
            if name.policy == LOOKUP:
                continue
            toks = to_tokens(name)
            if toks:
                table.setdefault(toks[0], []).append((toks, name))
        for group in table.values():
            group.sort(key=lambda p: (-len(p[0]), p[1].term_id is not None, -p[1].weight))
        return table

    def _names(self, terms: Iterable[NamedTerm]) -> Iterable[Name]:
        rules = self.rules
        pattern_keys = {_key(s) for p in rules.patterns for s in p.names}
        # One entry per name as written: two spellings with one key ("PET/CT",
        # "PET-CT") keep their own punctuation for the span check.
        seen: set[tuple[str, str, str]] = set()
        generated = []
        for t in terms:
            # The strictest policy given for a key holds for every name with it.
            policy_of: dict[str, str] = {}
            for surface, policy in t.policies.items():
                key = _key(surface)
                policy_of[key] = stricter(policy, policy_of.get(key, ALWAYS))
            for by, surfaces in (
                ("term", (t.term,)),
                ("alias", t.aliases),
                ("english", t.english_names),
            ):
                for surface in surfaces:
                    key = _key(surface)
                    if not key or (key, t.id, fold_case(surface)) in seen:
                        continue
                    seen.add((key, t.id, fold_case(surface)))
                    policy = policy_of.get(key, ALWAYS)
                    if key in pattern_keys:
                        policy = stricter(policy, PATTERN)
                    if by == "english":
                        # English names would mark English words inside, say,
                        # Spanish prose: lookup only.
                        policy = LOOKUP
                    yield self._name(surface, key, t.id, by, policy)
                    if by != "english" and not _is_abbreviation(surface):
                        generated.append((surface, t.id, policy))
        # Generated plurals only fill gaps: a name some term really has wins.
        taken = {key for key, _, _ in seen}
        for surface, term_id, policy in generated:
            form = plural(rules, surface)
            if form is None:
                continue
            key = _key(form)
            if key and key not in taken:
                taken.add(key)
                yield self._name(form, key, term_id, "inflection", policy)
        for phrase in rules.blocking:
            yield self._name(phrase, _key(phrase), None, "block", ALWAYS)

    @staticmethod
    def _name(surface: str, key: str, term_id: str | None, by: str, policy: str) -> Name:
        inner = surface.strip()
        return Name(
            key=key,
            exact=fold_case(inner),
            term_id=term_id,
            by=by,
            case_sensitive=by != "block" and _is_abbreviation(inner),
            surface=inner,
            policy=policy,
            joiners=frozenset(c for c in inner if not c.isalnum() and not c.isspace()),
            last_key=key.rsplit(" ", 1)[-1],
        )

    # -- lookup -----------------------------------------------------------

    def blocks(self, query: str) -> bool:
        """Whether the query is one of the language's blocking phrases: it
        names no term, in this language or through another."""
        return join_keys([t.key for t in tokens(query)]) in self._blocked

    def lookup(self, query: str, contains: bool = True) -> Match | None:
        """The term a reader means: by name or alias, any case or accents, an
        inflected form, a small misspelling, or (``contains``) the best name a
        longer phrase holds. None when nothing is close enough."""
        toks = tokens(query)
        key = join_keys([t.key for t in toks])
        if not key:
            return None
        written = self._by_key.get(key)
        group = self._lookup_group(query, written)
        if written and not group:
            return None  # the same letters, but as typed another word ("Cr", "tiền lương")
        if group:
            exact = fold_case(query.strip())
            # A name of this language first, then the one written with these accents.
            best = max(group, key=lambda n: (n.by != "english", n.exact == exact, n.weight))
            accent_factor = 1.0 if best.exact == exact else 0.97
            return Match(best.term_id, best.by, round(best.weight * accent_factor, 3))
        if key in self._blocked:
            return None  # "locally advanced" is not "advanced (cancer)"
        joined = self._compact.get(key.replace(" ", ""))
        group = self._lookup_group(query, self._by_key.get(joined)) if joined else []
        if group:
            best = group[0]
            return Match(best.term_id, best.by, round(best.weight * 0.95, 3))
        if self._stem is not None:
            stem = self._stem
            stems = " ".join(stem(t.key) for t in toks)
            if stems in self._blocked_stems:
                return None  # "хирурги" (surgeons) is not surgery
            name = self._stem_keys.get(stems)
            if name is not None:
                return Match(name.term_id, "inflection", round(name.weight * 0.9, 3))
        found = self._fuzzy_lookup(key)
        if found is None and contains:
            found = self._contained(query, key)
        return found

    def _lookup_group(self, query: str, group: list[Name] | None) -> list[Name]:
        """The names a query may mean among those with its key. A short capital
        abbreviation of up to three letters is found in capitals or in lower
        case, not in mixed case ("Cr" is creatinine, "Ned" a name); where marks tell words apart, a
        query written with marks must have the same ones ("tiền lương", salary,
        is not "tiên lượng")."""
        if not group:
            return []
        typed = query.strip()
        mixed = not (typed.isupper() or typed.islower())
        # Only the shortest ones are words of their own in mixed case ("Cr",
        # "Ned"); "Hipec" or "Nsclc" is a reader capitalizing.
        names = [n for n in group if not (n.case_sensitive and mixed and len(n.surface) <= 3)]
        if self.rules.marks_matter:
            names = [n for n in names if self._marks_agree(typed, n.surface)]
        return names

    def _fuzzy_lookup(self, key: str) -> Match | None:
        budget = fuzzy.budget(len(key), self.rules.fuzzy_lengths)
        if not budget:
            return None
        best: tuple[float, str, Name] | None = None
        for cand in self._near(key, budget):
            if not fuzzy.same_meaning_shape(key, cand, self._numbers):
                continue
            dist = fuzzy.edit_distance(key, cand, budget)
            if dist > budget:
                continue
            name = self._by_key[cand][0]
            score = round(name.weight * (1 - dist / max(len(cand), len(key))) * 0.9, 3)
            if best is None or (score, cand) > (best[0], best[1]):
                best = (score, cand, name)
        if best is None:
            return None
        return Match(best[2].term_id, "misspelling", best[0])

    def _near(self, key: str, budget: int) -> Iterable[str]:
        """Every key that may be ``budget`` edits from ``key`` or fewer: the
        same first letter (a misspelling keeps it), a length at most
        ``budget`` apart, and enough two-letter runs in common (an edit
        breaks at most three: a swap of two letters), checked at C speed
        before the edit distance is computed in Python."""
        table = self._fuzzy_keys
        grams = frozenset(fuzzy.bigrams(key))
        first, n = key[0], len(key)
        size, slack = len(grams), 3 * budget
        for length in range(n - budget, n + budget + 1):
            for cand, cand_grams in table.get((first, length), ()):
                if len(grams & cand_grams) >= max(size, len(cand_grams)) - slack:
                    yield cand

    def _contained(self, query: str, key: str) -> Match | None:
        """The longest name in a longer query ("stage 4 lung cancer"), exactly
        as annotate would link it in running text: "Stage 4 water restrictions"
        holds no name, since "stage 4" needs a medical context there."""
        words = self._words(query)
        candidates = self._candidates(query, words)
        # Two different glossary names in one short query are a medical
        # context of their own ("side effects of chemo"); one is not
        # ("Stage 4 water restrictions").
        spans = self._link(query, words, candidates, medical=False)
        if not spans and len({c.name.term_id for c in candidates} - {None}) >= 2:
            spans = self._link(query, words, candidates, medical=True)
        if not spans:
            return None
        best = max(spans, key=lambda s: (s.end - s.start, -s.start))
        covered = len(_key(query[best.start : best.end])) / len(key)
        return Match(best.term_id, "contains", round(0.8 * min(covered, 1.0), 3))

    # -- search -----------------------------------------------------------

    def search(self, query: str, limit: int = 10) -> list[Match]:
        """Ranked suggestions for a search box: names that start with the
        query, then names with a later word that does, then names containing
        it, then close misspellings. One result per term, best score. A name
        stating a number the query does not state is left out ("stage 2"
        never suggests "stage 4")."""
        key = join_keys([t.key for t in tokens(query)])
        if not key or limit <= 0:
            return []
        return self._search(key, limit, numbers_in(key.split(), self._numbers))

    def suggest(self, query: str, limit: int = 5) -> list[Match]:
        """What to offer when lookup finds nothing: search results, or, for a
        query with a number no name states ("stage 2"), the names without it."""
        key = join_keys([t.key for t in tokens(query)])
        if not key:
            return []
        numbers = numbers_in(key.split(), self._numbers)
        found = self._search(key, limit, numbers)
        if found or not numbers:
            return found
        words = [w for w in key.split() if not numbers_in([w], self._numbers)]
        if not words:
            return []
        found = self._search(" ".join(words), limit * 4, numbers)
        other = [m for m in found if self._term_numbers.get(m.term_id, set()) - {(), numbers}]
        return [m for m in found if m not in other][:limit]

    def _search(self, key: str, limit: int, numbers: tuple[str, ...]) -> list[Match]:
        # Hot path: plain dicts, tuples and locals. term id -> score, and -> by.
        scores: dict[str, float] = {}
        kinds: dict[str, str] = {}
        keys, key_terms, key_numbers = self._keys, self._key_terms, self._key_numbers
        klen = len(key)
        for i, at in self._occurrences(key):
            if numbers and key_numbers[i] and key_numbers[i] != numbers:
                continue
            cand = keys[i]
            if at == 0:
                tier = 0.7  # prefix
            else:
                before = cand[at - 1]
                # A later word starts with it (in Chinese, any character may).
                tier = 0.4 if before == " " or (before > "\u2e7f" and is_cjk(before)) else 0.2
            gain = 0.2 * klen / len(cand) + 0.1
            for term_id, weight, by in key_terms[i]:
                score = tier + gain * weight
                if score > scores.get(term_id, 0.0):
                    scores[term_id] = score
                    kinds[term_id] = by
        best = {term_id: (score, kinds[term_id]) for term_id, score in scores.items()}

        last = key.split()[-1]
        budget = min(fuzzy.budget(len(last), self.rules.fuzzy_lengths), 1)
        if len(best) < limit and budget and not numbers:
            head = key[: len(key) - len(last)]
            candidates: set[str] = set()
            for d in fuzzy.deletes(last):
                candidates |= self._prefix_deletes.get(d, set())
            for cand in candidates:
                if head and head.strip() not in cand:
                    continue
                # A dropped or extra letter shifts the prefix by one; the first
                # letter is taken as typed.
                n = len(last)
                dist = (
                    min(
                        fuzzy.edit_distance(last, w[:k], 1)
                        for w in cand.split()
                        if w[:1] == last[:1]
                        for k in (n - 1, n, n + 1)
                    )
                    if any(w[:1] == last[:1] for w in cand.split())
                    else 2
                )
                if dist <= 1:
                    for name in self._by_key[cand]:
                        if name.term_id not in best:
                            closeness = 1 - dist / len(last)
                            score = (0.2 * closeness + 0.1) * name.weight
                            best[name.term_id] = (score, "misspelling")
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        return [Match(term_id, by, round(score, 4)) for term_id, (score, by) in ranked[:limit]]

    def _occurrences(self, key: str) -> Iterable[tuple[int, int]]:
        """(key index, first position of ``key`` in it) for every key holding it."""
        if len(key) >= 3:
            # The rarest of the query's trigrams narrows the keys to check.
            grams = self._grams
            postings = min((grams.get(key[j : j + 3], ()) for j in range(len(key) - 2)), key=len)
            keys = self._keys
            for i in postings:
                at = keys[i].find(key)
                if at != -1:
                    yield i, at
            return
        # One or two letters: one pass over all keys at C speed.
        hay, offsets, n_keys = self._haystack, self._offsets, len(self._keys)
        pos = hay.find(key)
        while pos != -1:
            i = bisect.bisect_right(offsets, pos) - 1
            yield i, pos - offsets[i]
            # The first place a key holds the query ranks it best: go to the next key.
            pos = hay.find(key, offsets[i + 1]) if i + 1 < n_keys else -1

    # -- annotate ---------------------------------------------------------

    def annotate(self, text: str, medical: bool = False) -> list[Span]:
        """Every term in free text, where it means the glossary's term:
        leftmost, longest, never overlapping, whole words (single characters
        in Chinese), offsets in code points. ``medical``: the text is known to
        be about health (a lookup query), so names linked "in context" need
        no cue."""
        words = self._words(text)
        return self._link(text, words, self._candidates(text, words), medical)

    def _words(self, text: str) -> _Words:
        """Tokens, their keys and (once, for every later step) their stems."""
        toks = tokens(text)
        keys = [t.key for t in toks]
        stems = [self._stem(k) for k in keys] if self._stem is not None else None
        return _Words(toks, keys, stems)

    def _link(self, text: str, words: _Words, candidates, medical: bool) -> list[Span]:
        """The candidates that pass their policies, as spans."""
        if not candidates:
            return []
        toks = words.toks
        # Sentences matter only to names not linked "always".
        if not any(c.name.term_id is not None and c.name.policy != ALWAYS for c in candidates):
            return [
                Span(toks[c.start].start, c.stop or toks[c.end - 1].end, c.name.term_id)
                for c in candidates
                if c.name.term_id is not None
            ]
        sentences = _Sentences(text)
        context = None if medical else self._medical_sentences(words, candidates, sentences)
        spans: list[Span] = []
        previous: _Candidate | None = None
        # Sentences where each term is named by a name linked "always": there a
        # pattern name of the same term is that term ("The T category runs from
        # T1 to T4").
        named: dict[str, set[int]] = {}
        if any(c.name.policy == PATTERN for c in candidates):
            for cand in candidates:
                if cand.name.term_id is not None and cand.name.policy == ALWAYS:
                    named.setdefault(cand.name.term_id, set()).add(
                        sentences.index(toks[cand.start].start)
                    )
        for cand in candidates:
            name = cand.name
            start = toks[cand.start].start
            end = cand.stop if cand.stop is not None else toks[cand.end - 1].end
            keep = False
            if name.term_id is None:
                keep = False  # a blocking phrase: recognised, never linked
            elif name.policy == ALWAYS or _after_own_name(text, start, end, previous, name):
                keep = True
            elif name.policy == PATTERN:
                s = sentences.index(start)
                keep = bool(named.get(name.term_id, set()) & {s, s - 1}) or self._pattern_fits(
                    text, start, end, name, sentences
                )
            elif name.policy == CONTEXT:
                keep = context is None or sentences.index(start) in context
            if keep:
                spans.append(Span(start, end, name.term_id))
            previous = cand if keep else None
        return spans

    def _candidates(self, text: str, words: _Words) -> list[_Candidate]:
        """Leftmost-longest names and blocking phrases, before policies.
        Forms meet through stems too; the longer match wins, so a blocking
        phrase written in another case ("метастазы бюрократии") still covers
        "метастазами бюрократии"."""
        toks, keys, stems = words
        phrases, stem_phrases = self._phrases, self._stem_phrases
        found = []
        i, n = 0, len(toks)
        while i < n:
            # Most words start no name: a dict test, not a call, decides that.
            hit = self._match_at(text, toks, keys, i, phrases) if keys[i] in phrases else None
            hit_by_stem = False
            if stems is not None and stems[i] in stem_phrases:
                inflected = self._match_at(text, toks, stems, i, stem_phrases, True)
                if inflected is not None and (hit is None or inflected[0] > hit[0]):
                    hit, hit_by_stem = inflected, True
            if hit is None:
                i += 1
                continue
            end, name = hit
            stop = None
            if self.rules.particles_outside_span and stems is not None and hit_by_stem:
                last = toks[end - 1]
                # Only where folding kept the word's length (Hangul does), so
                # the stem's length is a length in the original text.
                if last.end - last.start == len(keys[end - 1]):
                    # The name's own last word when the text's word starts with
                    # it ("간전이가" -> "간전이"), else the stem.
                    own = name.last_key
                    kept = len(own) if keys[end - 1].startswith(own) else len(stems[end - 1])
                    stop = last.start + kept
            found.append(_Candidate(i, end, name, stop))
            i = end
        return found

    def _match_at(self, text, toks, keys, i, phrases, inflected=False):
        """The longest phrase starting at token i that fits the text as
        written: (end token, name), or None."""
        group = phrases.get(keys[i])
        if not group:
            return None
        n = len(keys)
        rules = self.rules
        for phrase, name in group:
            size = len(phrase)
            end = i + size
            # The first word matched already (the group's key): compare the
            # last one before the whole run.
            if end > n or (
                size > 1 and (keys[end - 1] != phrase[-1] or tuple(keys[i:end]) != phrase)
            ):
                continue
            start, stop = toks[i].start, toks[end - 1].end
            marks = rules.marks_matter and not inflected
            if name.case_sensitive or marks:
                found = text[start:stop]
                # Inflected text ends in a stripped particle ("CT를"): the
                # letters to compare are those of the name's length.
                written = found[: len(name.surface)] if inflected else found
                if name.case_sensitive and not _same_letters(written, name.surface):
                    continue
                if (
                    not inflected
                    and rules.marks_matter
                    and not self._marks_agree(found, name.surface)
                ):
                    continue
            if size > 1 and not _joined(text, toks, i, end, name.joiners):
                continue
            if rules.hyphen_compounds and (
                _LETTER_HYPHEN.search(text, max(0, start - _HYPHEN_REACH), start)
                or _HYPHEN_LETTER.match(text[stop : stop + _HYPHEN_REACH])
            ):
                continue
            return end, name
        return None

    def _marks_agree(self, found: str, surface: str) -> bool:
        """Text without marks agrees with any name; text with marks, only
        with the same marks (in either spelling the language allows)."""
        found_words = [self._canonical_marks(w) for w in _WORD.findall(found)]
        if all(fold(w) == w for w in found_words):
            return True
        return found_words == [self._canonical_marks(w) for w in _WORD.findall(surface)]

    def _canonical_marks(self, word: str) -> str:
        word = fold_case(word)
        for variant, canonical in self.rules.mark_variants:
            if variant in word:
                word = word.replace(variant, canonical)
        return word

    def _pattern_fits(self, text, start, end, name: Name, sentences: _Sentences) -> bool:
        lo, hi = sentences.bounds(start)
        # A pattern reads the words next to the name, never the whole
        # sentence: a 64 KiB "sentence" of "N3 N3 ..." stays linear.
        before = text[max(lo, start - _PATTERN_REACH) : start]
        after = text[end : min(hi, end + _PATTERN_REACH)]
        for before_re, after_re in self._patterns.get(name.key, ()):
            if before_re is not None and before_re.search(before):
                return True
            if after_re is not None and after_re.search(after):
                return True
        return False

    def _medical_sentences(self, words: _Words, candidates, sentences) -> set[int] | None:
        """Where names linked "in context" may be linked: sentences next to a
        sign that the text is about health (a name linked "always", or a cue
        word), or, when the text shows several different signs, all of it
        (None): a clinic note is medical from end to end. Computed only when
        a name needs it. A name is never its own sign ("maintenance
        treatment" does not make itself medical through "treatment")."""
        if not any(c.name.policy == CONTEXT and c.name.term_id for c in candidates):
            return set()
        toks, keys, stems = words
        signs: list[tuple[int, str]] = [
            (toks[c.start].start, c.name.term_id)
            for c in candidates
            if c.name.term_id is not None and c.name.policy == ALWAYS
        ]
        if len({kind for _, kind in signs}) >= _MEDICAL_TEXT_SIGNS:
            return None
        # Words that belong to a candidate name or a blocking phrase are not cues.
        inside = set()
        for c in candidates:
            if c.name.term_id is None or c.name.policy != ALWAYS:
                inside.update(range(c.start, c.end))
        tables = [(keys, self._cues)]
        if stems is not None:
            tables.append((stems, self._stem_cues))
        for words, table in tables:
            for i, word in enumerate(words):
                if i in inside:
                    continue
                for phrase, _ in table.get(word, ()):
                    if tuple(words[i : i + len(phrase)]) == phrase:
                        # Cue words together count as one sign for the whole
                        # text: "doctor" and "doctors" in a news digest do not
                        # make it a clinic note.
                        signs.append((toks[i].start, ""))
                        break
        if len({kind for _, kind in signs}) >= _MEDICAL_TEXT_SIGNS:
            return None
        near: set[int] = set()
        for pos, _ in signs:
            s = sentences.index(pos)
            near.update((s - 1, s, s + 1))
        return near

    # -- for callers ------------------------------------------------------

    @property
    def name_count(self) -> int:
        return sum(len(g) for g in self._by_key.values())


class _Sentences:
    """Sentence boundaries of a text, found once."""

    def __init__(self, text: str):
        self._ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self._len = len(text)

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self._ends, pos)

    def bounds(self, pos: int) -> tuple[int, int]:
        i = self.index(pos)
        lo = self._ends[i - 1] if i else 0
        hi = self._ends[i] if i < len(self._ends) else self._len
        return lo, hi


def _after_own_name(text: str, start: int, end: int, previous, name: Name) -> bool:
    """In brackets right after a linked name of the same term:
    "partial response (PR)"."""
    if previous is None or previous.name.term_id != name.term_id:
        return False
    before, after = _OWN_NAME_REACH
    return bool(_OPEN_BRACKET.search(text[max(0, start - before) : start])) and bool(
        _CLOSE_BRACKET.match(text[end : end + after])
    )


def _joined(text: str, toks, i: int, end: int, own: frozenset[str]) -> bool:
    """The words of a match are joined only by spaces, hyphens and apostrophes
    (or punctuation the name itself holds): a name never spans a bracket,
    quote or sentence punctuation."""
    for k in range(i, end - 1):
        gap = text[toks[k].end : toks[k + 1].start]
        if gap and not all(c in SPAN_JOINERS or c in own for c in gap):
            return False
    return True


_WORD = re.compile(r"[^\W_]+")


def _same_letters(found: str, surface: str) -> bool:
    return "".join(c for c in plain(found) if c.isalnum()) == "".join(
        c for c in surface if c.isalnum()
    )
