"""Context of a match: negation scope, resolved past, and who a clause is about.

Works on the comparison forms (NORM) of a text's tokens, so it needs no spaCy
and can be tested with plain word lists. There is no parser in the pipeline:
clauses are cut at punctuation and at the linking words of
``taal.yml: grenzen.deelzin`` ("maar", "en", "want", "omdat" ...), sentences at
``. ! ? ;`` and line breaks. The approach follows NegEx (cue + reach within a
clause, pseudo-negations that are not cues), adapted to Dutch word order:
'geen' and 'niet' before the match, and for verbs also 'niet' right after it
("ik schaam me niet").
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from bot.triage.language import Language, Words

NAASTE, INWONER, PRONOUN = "naaste", "inwoner", "pronoun"


class Context:
    """Clause and sentence structure of one tokenised text."""

    def __init__(self, norms: Sequence[str], language: Language, spaces: Sequence[bool] = ()):
        self.norms = list(norms)
        self.language = language
        n = len(self.norms)
        spaces = list(spaces) or [False] * n
        self.clause: List[int] = [0] * n
        self.sentence: List[int] = [0] * n
        self.boundary: List[bool] = [False] * n
        clause = sentence = 0
        for i, word in enumerate(self.norms):
            ends_sentence = spaces[i] or word in language.sentence_marks
            ends_clause = ends_sentence or word in language.clause_marks
            if ends_clause:
                self.boundary[i] = True
                clause += 1
                if ends_sentence:
                    sentence += 1
            self.clause[i] = clause
            self.sentence[i] = sentence
            if ends_clause:  # the boundary token itself belongs to neither side
                clause += 1

    # -- helpers ---------------------------------------------------------
    def _occurs_at(self, words: Words, i: int) -> bool:
        return self.norms[i:i + len(words)] == list(words)

    def _find(self, sequences: Sequence[Words], lo: int, hi: int) -> Optional[Tuple[int, Words]]:
        for i in range(max(lo, 0), min(hi, len(self.norms))):
            for words in sequences:
                if self._occurs_at(words, i) and i + len(words) <= hi:
                    return i, words
        return None

    def _clause_range(self, i: int) -> Tuple[int, int]:
        lo = i
        while lo > 0 and self.clause[lo - 1] == self.clause[i]:
            lo -= 1
        hi = i + 1
        while hi < len(self.norms) and self.clause[hi] == self.clause[i]:
            hi += 1
        return lo, hi

    def _sentence_range(self, i: int) -> Tuple[int, int]:
        lo = i
        while lo > 0 and self.sentence[lo - 1] == self.sentence[i]:
            lo -= 1
        hi = i + 1
        while hi < len(self.norms) and self.sentence[hi] == self.sentence[i]:
            hi += 1
        return lo, hi

    def _pseudo(self, i: int) -> bool:
        """Is the cue word at ``i`` part of a pseudo-negation ("weet niet")?"""
        for words in self.language.pseudo_negation:
            for start in range(i - len(words) + 1, i + 1):
                if start >= 0 and self._occurs_at(words, start):
                    return True
        return False

    # -- questions the engine asks ----------------------------------------
    def negation_before(self, start: int) -> Optional[str]:
        """The cue that negates a match starting at ``start``, if any."""
        if start >= len(self.norms):
            return None
        lo, _ = self._clause_range(start)
        for cue in self.language.negation_before:
            first = max(lo, start - len(cue.words) - cue.reach)
            for i in range(first, start - len(cue.words) + 1):
                if self._occurs_at(cue.words, i) and not self._pseudo(i):
                    return " ".join(cue.words)
        return None

    def negation_after(self, end: int) -> Optional[str]:
        """The cue right after a match ending before ``end`` ("ik schaam me niet")."""
        if end <= 0 or end >= len(self.norms):
            return None
        _, hi = self._clause_range(end - 1)
        for cue in self.language.negation_after:
            for i in range(end, min(hi, end + cue.reach + 1)):
                if self._occurs_at(cue.words, i) and i + len(cue.words) <= hi and not self._pseudo(i):
                    return " ".join(cue.words)
        return None

    def resolved_past(self, start: int, end: int) -> Optional[str]:
        """The cue that places a match in a resolved past, unless it is back now."""
        s_lo, _ = self._sentence_range(start)
        _, s_hi = self._sentence_range(end - 1)
        if self._find(self.language.reactivation, s_lo, s_hi):
            return None
        c_lo, _ = self._clause_range(start)
        _, c_hi = self._clause_range(end - 1)
        found = self._find(self.language.past_in_clause, c_lo, c_hi)
        if found is None:
            found = self._find(self.language.resolved_in_sentence, s_lo, s_hi)
        return " ".join(found[1]) if found else None

    def explicitly_over(self, start: int, end: int) -> Optional[str]:
        """The cue of an explicitly finished past, for rules that favour recall.

        Stricter than ``resolved_past``: the match's sentence needs a past cue
        ("vroeger", "jaren geleden") AND this sentence or the next one an
        explicit 'it is over' cue (``verleden.voorbij``: "dat is al jaren
        voorbij", "nu gaat het goed", "heb ik niet meer"), and it may not be
        back: no ``weer_actief`` cue in the sentence, no
        ``terug_volgende_zin`` cue ("soms nog", "denk er weer aan") in the next.
        """
        s_lo, _ = self._sentence_range(start)
        _, s_hi = self._sentence_range(end - 1)
        next_hi = self._sentence_range(s_hi)[1] if s_hi < len(self.norms) else s_hi
        if self._find(self.language.reactivation, s_lo, s_hi):
            return None
        # In the next sentence only explicit relapse cues count ("Nu denk ik er
        # weer aan"), not every 'weer' ("Nu wil ik weer aan het werk").
        if self._find(self.language.back_next_sentence, s_hi, next_hi):
            return None
        if self._find(self.language.past_in_clause, s_lo, s_hi) is None:
            return None
        found = self._find(self.language.over, s_lo, next_hi)
        return " ".join(found[1]) if found else None

    def ends_clause(self, end: int) -> bool:
        return end >= len(self.norms) or self.boundary[end]

    def _person_at(self, i: int, child_is_inwoner: bool = False) -> Optional[str]:
        word = self.norms[i]
        lang = self.language
        before = self.norms[i - 1] if i > 0 else None
        before2 = self.norms[i - 2] if i > 1 else None
        # "partners van iemand met ...", "ouders van (een) kind(eren) met ...":
        # someone else's problem, also when a child is named.
        of_someone = before in lang.of_someone or (before in lang.possessives and before2 in lang.of_someone)
        if word in lang.someone and before in lang.of_someone:
            return NAASTE
        if word in lang.naasten and (before in lang.possessives or of_someone):
            if child_is_inwoner and word in lang.own_children and before in lang.own_possessives \
                    and not of_someone:
                return INWONER  # "mijn zoon heeft autisme": the parent asks for the child
            return NAASTE
        if word in lang.inwoner:
            return INWONER
        if word in lang.pronouns:
            return PRONOUN
        return None

    def about_naaste(self, start: int, end: int, child_is_inwoner: bool = False) -> bool:
        """Is the clause of this match about someone else than the inwoner?

        The inwoner named inside the match decides; otherwise the
        nearest person before the match in its clause decides, else the
        nearest after it ("drinkt mijn broer"); a pronoun (hij/zij/ze) looks back
        to the nearest person in this and the previous sentence. KCC phrasing
        ("meneer", "beller", "hij" after "meneer") is about the inwoner.
        With ``child_is_inwoner`` the inwoner's own child ("mijn zoon", "haar
        dochter") counts as the inwoner: a parent asking on a child's behalf.
        """
        # The inwoner named inside the match decides first: inverted word order
        # after a subordinate clause ("Sinds mijn vrouw overleden is, zie ik het
        # nut niet"). A naaste inside the match may be its object ("voel niks
        # voor mijn kindje"), so that is left to the search below.
        if any(self._person_at(i, child_is_inwoner) == INWONER for i in range(start, end)):
            return False
        lo, hi = self._clause_range(start)
        person, at = None, start
        for i in range(start - 1, lo - 1, -1):
            person = self._person_at(i, child_is_inwoner)
            if person:
                at = i
                break
        if person is None:
            for i in range(end, hi):
                person = self._person_at(i, child_is_inwoner)
                if person:
                    at = i
                    break
        if person == PRONOUN:
            prev_sentence_lo, _ = self._sentence_range(max(self._sentence_range(at)[0] - 1, 0))
            person = None
            for i in range(at - 1, prev_sentence_lo - 1, -1):
                candidate = self._person_at(i, child_is_inwoner)
                if candidate in (NAASTE, INWONER):
                    person = candidate
                    break
        return person == NAASTE
