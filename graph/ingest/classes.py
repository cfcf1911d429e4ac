"""Classes of actors named as the subject of a position ("Governors, mayors, and state and local
law enforcement officials have objected to ...", "some jurisdictions declined to participate").

No proper name names them, so the finder of names never proposes them; a stance the text gives
them then has no actor. A class is proposed as a new entity of type `collective` only where it
is the subject of a clause whose verb group holds a position cue within a few words: one entity
for each class of a coordination (the coding rule of bench/ingest-eval/README.md: "coded once
for each class"), a level word before a shared head giving its own class ("city, county and state
governments": city governments, county governments, state governments), a quantifier kept as an
alias ("some jurisdictions"). A class the register knows ("state and local law enforcement") is
already a mention and is not proposed again. The words are data (cues.yaml `classes`).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from graph.ingest import lexicon
from graph.ingest.mentions import JURISDICTION_TYPES, Known, Mention, NewEntity, _new_id
from graph.ingest.passages import TARGET_TYPES, sentences

# Words that may stand between a class and the cue of its verb group ("have repeatedly objected",
# "have expressed concerns about", "declined to participate").
# A short place or scope after the class may come first ("officials around the country have ...",
# "sheriffs in several states"); the cue may be in a participle after the verb's object ("groups
# staged protests, calling for ..."). Not across examples of it ("three states, including X,
# withdrew"): the members named carry the stance (README, rounds 9-10 rules).
_VERB_GROUP = re.compile(r"\s*,?\s*(?:(?:in|across|around|throughout|from|of|nationwide|statewide)\b(?:\s+(?:the|this|that|many|several|some|other|[A-Z][\w.'-]*|[a-z]+)){0,3}\s*)?"
                         r"(?:,\s*(?:too|however|meanwhile|in turn)\s*,\s*)?"
                         r"(?:(?:[a-z]+\s+){0,3}[a-z]+\s*,\s*(?=[a-z]+ing\s|$))?(?:[a-z]+(?:\s+|$)){0,4}$")


# "governments enacted laws and directives that limit ...": a class acts through the measures it enacts.
_ENACTED = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:(?:have|has|had)\s+)?(?:enacted|passed|adopted|approved|issued)\s+"
                      r"(?:[a-z]+\s+){1,4}?(?:that|which|to)\s+(?:[a-z]+\s+){0,2}$")


# "activists and elected officials have called upon President Obama to place a moratorium on ...": a class that asks
# another to act takes the position of what it asks (README: the one who asks, not the one addressed); the
# addressee may be named in capitals.
_ASKS = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:(?:have|has|had|also)\s+)*(?:(?:call|calls|called|calling)\s+(?:on|upon)|urge|urges|urged|urging|"
                   r"ask|asks|asked|asking|press|pressed|pressing|petition|petitioned|implore|implored|lobby|lobbied|appeal|appealed)\s+"
                   r"(?:[\w.’'-]+\s+){1,5}?to\s+(?:[a-z]+\s+){0,3}$")


# The scope a class is named with ("communities around the country", "cities across the nation"): kept as an
# alias, the way a reader names the class. Not a scope of named places ("jurisdictions in California and
# Virginia"): as a form of the class it would hide the places' own mentions.
_SCOPED = re.compile(r"\s+(?:in|across|around|throughout)\s+(?:the\s+)?(?:country|nation|states)(?![\w-])")


# A scope of named places a class is named with ("jurisdictions in California and Virginia", "officials in Illinois
# and other states"): part of the class's name (the readers name it so); the places keep their own mentions
# (mentions.places_inside).
_NAMED_SCOPE = re.compile(r"\s+(?:in|from)\s+(?P<places>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
                          r"(?:(?:,\s*|,?\s+(?:and|or)\s+)(?:other\s+states|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*))*)")


def _named_scope(text: str, head_end: int, offset: int, places: set[tuple[int, int]]) -> re.Match[str] | None:
    """The scope after a class whose every name is a place the text names (`places`: spans of known jurisdictions)
    or a US state."""
    found = _NAMED_SCOPE.match(text, head_end)
    if found is None:
        return None
    names = [n for n in re.split(r",\s*|,?\s+(?:and|or)\s+", found.group("places")) if n and n != "other states"]
    at = found.start("places")
    for name in names:
        at = text.index(name, at)
        if (offset + at, offset + at + len(name)) not in places and name not in (lexicon.data().get("states") or []):
            return None
        at += len(name)
    return found


# What a class is of or for, in plain words ("advocates for illegal immigrants", "critics of the program",
# "activists for the immigrant community"): the class as the text names it; the bare class stays an alias.
# Not a name ("critics of Secure Communities": a program's name in a class's name would hide its mention).
_COMPLEMENT = re.compile(r"\s+(?:of|for)\s+(?:(?:the|this|that|its|their|our)\s+)?((?:[a-z][\w’'-]*)(?:\s+[a-z][\w’'-]*){0,2})")
# Words that end what a class is of: the verb of its clause ("critics of the program argue that").
_COMPLEMENT_ENDS = frozenset("""say says said argue argues argued claim claims claimed contend contends contended allege alleges
alleged believe believes believed fear fears feared worry worry worried warn warns warned see sees saw insist insists insisted
point points pointed note notes noted""".split())


# "concern has led lawmakers to end it": the one a cause moves to act is the subject of the act.
_CAUSED = re.compile(r"\b(?:led|leads|lead|leading|prompted|prompts|prompting|caused|causes|pushed|pushes|spurred|spurs|"
                     r"moved|persuaded|persuades|convinced|convinces|inspired|inspires)\s+$")


# "The more officials learn about X, the more they have opposed it": "they", the subject of the cue in a
# later clause of the sentence, is the class that begins it.
_THEY = re.compile(r"\s+[^;:.\"“”]{0,80}?,\s*(?:(?:the\s+more|and|but|so|yet)\s+)?they\s+(?:[a-z]+\s+){0,3}")


# "criticism from X", "opposition to the program from X", "criticized by X": the source of a position.
_FROM = re.compile(r"\s+(?:(?:to|of|against|over|about)\s+(?:[\w’'.-]+\s+){1,5}?)?(?:from|by|among)\s+")
# "many sheriffs say that the program ...": the class says what the clause after it judges.
_SAYS = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:say|says|said|argue|argues|argued|claim|claims|claimed|contend|contends|"
                   r"contended|believe|believes|believed|warn|warns|warned|complain|complains|complained)\s+(?:that\s+)?[^;]*$")


# "Critics say", "critics of the program argue", "Backers of it have said": a class named by the position it
# holds (cues.yaml `clauses.agent_nouns`, its plurals) is a clause's subject where a verb of saying follows it
# (README, round-17 rule: a text's own unnamed critics or opponents are a collective of that text).
_HOLDER_SAYS = re.compile(r"(?:\s+(?:of|for)\s+(?:[\w’'-]+\s+){0,5}?)?\s*(?:[a-z]+ly\s+)?(?:have\s+|had\s+|also\s+)?"
                          r"(?:say|says|said|argue|argues|argued|contend|contends|contended|claim|claims|claimed|allege|alleges|"
                          r"alleged|complain|complains|complained|insist|insists|insisted|warn|warns|warned|charge|charges|"
                          r"charged|maintain|maintains|maintained)\b")


# "advocates say the program ...", "groups said Secure Communities ...", "advocates saying that it ...": a class
# whose words the text gives on a program speaks on it, as a holder noun does (_HOLDER_SAYS).
_SAYS_ON = re.compile(r",?(?:\s+(?:who|have|had|also|long|often|repeatedly))*\s+(?:say|says|said|saying|argue|argues|argued|arguing|"
                      r"contend|contends|contended|claim|claims|claimed|warn|warns|warned|warning|complain|complains|"
                      r"complained|insist|insists|insisted)\s+(?:that\s+)?(?P<what>(?:the|this|that)\s+(?=program\b|initiative\b)|it\b|)")


# "immigrant advocates say that while ...", "activists say they're “skeptical” of the program", "jurisdictions are
# increasingly saying 'no thanks'", "critics point to ...": a class that is the subject of a verb of saying speaks,
# whatever its words are about (attribution: the class is the one the text reports); a definite class ("the
# lawmakers said") refers back to those named before and begins no clause (_phrase_start).
_SPEAKS = re.compile(r"(?:\s+(?:who|have|had|has|also|are|were|long|often|repeatedly|[a-z]+ly))*\s+(?:say|says|said|saying|argue|argues|"
                     r"argued|arguing|contend|contends|contended|claim|claims|claimed|warn|warns|warned|warning|complain|"
                     r"complains|complained|insist|insists|insisted|point\s+to|points\s+to|pointed\s+to)\b")


# "dozens of other cities that refused to participate", "civil rights groups who have objected to it": a class that a
# relative pronoun follows is the subject of the relative clause (English: the head noun of a relative clause whose
# subject is the gap); not where a subject of its own follows the pronoun ("told officials that the state would
# ...": a complement clause of the verb before the class).
_RELATIVE = re.compile(r"\s+(?i:that|who|which)\s+(?!(?i:the|a|an|this|these|those|that|its|their|his|her|our|it|they|he|she|we|you|i|"
                       r"there)\b|[A-Z])")


# Where the phrase of a relative clause's head may begin: after a preposition ("for ... dozens of other cities that",
# "one of several groups that") or at a clause's start. The phrase is found by walking back over lowercase words,
# which may hold a verb when the class is an object ("The group met advocates who"): so not after a determiner.
_GOVERNS = re.compile(r"(?<![\w’'-])(?:of|for|from|among|with|by|to|on|against|like|between)$", re.IGNORECASE)
_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "there"})


def _relative_head(text: str, phrase_at: int, head_end: int, clause_start: bool) -> bool:
    """Whether the class text[phrase_at:head_end] can be the head of the relative clause after it: a preposition
    governs it, or it begins a clause in at most three words and on no pronoun ("We met advocates who")."""
    before = _without_amount(text[:phrase_at].rstrip())
    before = re.sub(r"(?:(?<=\s)|^)(?:[A-Z][\w.’'-]*,?\s+)+(?:and|or)$", "", before).rstrip()  # "for Philadelphia and dozens of"
    if _GOVERNS.search(before):
        return True
    words = text[phrase_at:head_end].split()
    return clause_start and len(words) <= 3 and words[0].lower() not in _PRONOUNS


_OF_A_MATTER = re.compile(r"(?<![\w-])(?:program|programme|initiative|policy|policies|law|bill|detainers?)(?![\w-])", re.IGNORECASE)


def _speaks_of(text: str, head_end: int, offset: int, starts: list[int]) -> bool:
    """Whether the class ending at `head_end` is the subject of a verb of saying (`_SPEAKS`) whose words name
    something the text is about: an entity the register knows (`starts`: where mentions begin) or a program,
    policy, law or bill in common words ("skeptical of the program"), before the sentence ends."""
    found = _SPEAKS.match(text, head_end)
    if found is None:
        return False
    end = offset + len(text)
    return any(offset + found.end() <= at < end for at in starts) or bool(_OF_A_MATTER.search(text, found.end()))


_DEFINITE = re.compile(r"(?:(?<![\w’'-])(?i:the|these|those|this|that|their|its|his|her|our|such)|(?<=[\w,’'-]\s)[A-Z][\w.’'-]*)\s*$")


def _says_on(text: str, head_end: int, offset: int, programs: set[int]) -> bool:
    """Whether the class ending at `head_end` says something of a program: the clause after its verb of
    saying begins on a program the text names (`programs`: where their mentions begin), "the program" or "it"."""
    found = _SAYS_ON.match(text, head_end)
    if found is None:
        return False
    article = re.match(r"(?:the|its|this)\s+", text[found.end() :])
    return bool(found.group("what")) or offset + found.end() + (article.end() if article else 0) in programs


# A class named by the position it holds is proposed for the reviewer, who codes its stances: the rules propose
# none for it (measured: rounds 9-15 one right stance more, rounds 16-19 none right and two wrong; docs/ingest.md,
# session 12, 17g).
HOLDER_WHY = "a class of actors named by the position it holds (critics, opponents, backers), the subject of a clause"


def holder_nouns() -> frozenset[str]:
    """The plural nouns of one who holds a position ("critics", "opponents", "backers"): cues.yaml
    `clauses.agent_nouns`, those ending in "s"."""
    nouns = (lexicon.data().get("clauses") or {}).get("agent_nouns") or {}
    return frozenset(str(w).lower() for words in nouns.values() for w in words or [] if str(w).endswith("s"))


# "counties, and then states, attempted to": a word of sequence after the conjunction is no modifier.
_THEN = frozenset({"then", "later", "eventually", "even"})


def _sources(words: dict[str, Any]) -> re.Pattern[str] | None:
    """The words before a class that make it the source of an objection ("has come under fire from",
    "the criticisms of", "pushback from law enforcement and": cues.yaml `classes.source_nouns`), ending
    where the class begins; a few names coordinated before the class are part of the source."""
    nouns = [str(w) for w in words.get("source_nouns") or []]
    if not nouns:
        return None
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, nouns)) + r")\s+(?:from|by|of|among)\s+(?:the\s+)?"
                      r"(?:(?:[A-Z][\w.’'-]*\s+){1,4}and\s+)?$")


def _words() -> dict[str, Any]:
    return lexicon.data().get("classes") or {}


def class_actors(text: str, known: Iterable[Known], mentions: list[Mention], cue_patterns: Iterable[re.Pattern[str]]
                 ) -> tuple[list[NewEntity], list[Mention]]:
    """Classes of actors that are the subject of a position cue: new `collective` entities, and
    mentions of a known collective whose form the class holds ("some law enforcement agencies":
    the register's local law enforcement agencies)."""
    known = list(known)
    collectives = sorted(((f.lower(), k.id) for k in known if k.type == "collective" for f in k.forms),
                         key=lambda f: -len(f[0]))
    held: list[Mention] = []
    words = _words()
    heads = sorted({str(h) for h in words.get("heads") or []}, key=lambda h: (-len(h), h))
    if not heads:
        return [], []
    head = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in heads) + r")(?![\w-])", re.IGNORECASE)
    levels = {str(w).lower() for w in words.get("levels") or []}
    quantifiers = {str(w).lower() for w in words.get("quantifiers") or []}
    stops = {str(w).lower() for w in words.get("not_modifiers") or []}
    loaded = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(str(w)) for w in words.get("loaded") or ["(?!x)x"]) + r")(?![\w-])",
                        re.IGNORECASE)
    taken = {k.id for k in known}
    kinds = {k.id: k.type for k in known}
    forms = {f.lower() for k in known for f in k.forms}
    patterns = list(cue_patterns)
    holders = holder_nouns()
    sources = _sources(words)
    programs = {m.start for m in mentions if kinds.get(m.entity) in TARGET_TYPES}
    places = {(m.start, m.end) for m in mentions if kinds.get(m.entity) in JURISDICTION_TYPES}
    mention_starts = sorted(m.start for m in mentions)
    proposals: dict[str, NewEntity] = {}
    for span in sentences(text):
        hits = [m.span() for p in patterns for m in p.finditer(span.text)]
        clause_cues = sorted({start for start, _ in hits})
        cue_ends = {end for _, end in hits}
        says = [h for h in head.finditer(span.text) if h.group(0).lower() in holders and _HOLDER_SAYS.match(span.text, h.end())]
        says += [h for h in head.finditer(span.text) if _says_on(span.text, h.end(), span.start, programs)]
        speaks = {h.start() for h in head.finditer(span.text) if _speaks_of(span.text, h.end(), span.start, mention_starts)}
        if not clause_cues and not says and not speaks and not (sources is not None and re.search(sources.pattern.rstrip("$"), span.text)):
            continue
        for found in head.finditer(span.text):
            if found.group(0)[0].isupper() and found.start() > 0:
                continue  # "United States", "Sheriffs' Association": part of a name
            phrase_at, clause_start = _phrase_start(span.text, found.start(), levels, quantifiers, stops)
            cue_at = next((c for c in clause_cues if c >= found.end()), None)
            caused = bool(_CAUSED.search(span.text[:phrase_at]) and re.match(r"\s+to\s", span.text[found.end() :]))
            subject = (clause_start or caused) and cue_at is not None and bool(
                _VERB_GROUP.fullmatch(span.text[found.end() : cue_at]) or _SAYS.match(span.text[found.end() : cue_at])
                or _ENACTED.fullmatch(span.text[found.end() : cue_at]) or _ASKS.fullmatch(span.text[found.end() : cue_at])
                or _THEY.fullmatch(span.text[found.end() : cue_at]))
            subject = subject or (clause_start and any(h.start() == found.start() for h in says))
            relative = _RELATIVE.match(span.text, found.end())
            subject = subject or (relative is not None and cue_at is not None and relative.end() <= cue_at
                                  and _relative_head(span.text, phrase_at, found.end(), clause_start)
                                  and bool(_VERB_GROUP.fullmatch(span.text[relative.end() : cue_at])))
            # the noun just before a verb of saying is its subject, at a clause's start or after other words
            # ("..., and jurisdictions are increasingly saying"), unless a determiner makes it a reference back or
            # a name before it makes it the named body's members ("Obama Administration officials claim")
            subject = subject or (found.start() in speaks and not _DEFINITE.search(span.text[:phrase_at]))
            agent = any(_FROM.fullmatch(span.text[e:phrase_at]) for e in cue_ends if e <= phrase_at) or \
                bool(sources is not None and sources.search(span.text[:phrase_at]))
            if not (subject or agent) or loaded.search(span.text[phrase_at : found.end()]):
                continue  # a class acts where it is the subject of the cue's verb, or its source ("criticism from X")
            start = span.start + phrase_at
            end = span.start + found.end()
            scoped = _SCOPED.match(span.text, found.end()) or _named_scope(span.text, found.end(), span.start, places)
            for name, alias, piece_at, piece_end in _classes(text, start, end, head, levels, quantifiers):
                inside = [m for m in mentions if m.start < piece_end and piece_at < m.end
                          and kinds.get(m.entity) not in TARGET_TYPES]  # "pro-immigration reform advocates": a modifier
                joined = re.match(r"\s+(?:and|or)\s+", text[inside[-1].end : piece_end]) if inside else None
                if joined is not None and inside[-1].end + joined.end() < piece_end:
                    # "local law enforcement and elected officials": the register's class, then one of its own
                    # (no alias holding the register's words: as a form it would hide their mention)
                    alias = ""
                    piece_at = inside[-1].end + joined.end()
                    name = text[piece_at:piece_end]
                elif inside:
                    continue  # a class the register knows ("state and local law enforcement officials")
                owner = next((ident for form, ident in collectives
                              if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text[piece_at:piece_end].lower())), None)
                if owner is not None:
                    held.append(Mention(owner, piece_at, piece_end, text[piece_at:piece_end], "alias"))
                    continue
                key = name.lower()
                if key in forms or alias.lower() in forms:
                    continue
                if key in proposals:
                    proposals[key].count += 1
                    continue
                with_scope = f"{name}{scoped.group(0)}" if scoped and piece_end == end else ""
                if with_scope and scoped is not None and scoped.re is _NAMED_SCOPE:  # "jurisdictions in California and Virginia": the class as named
                    name, with_scope = with_scope, name
                of = _complement(span.text, found.end(), stops, cue_at) if piece_end == end else ""
                named = f"{name}{of}" if of else name
                amount = _amount_of(text, start, piece_at, piece_end, quantifiers) if text[piece_at:piece_end] == name else ""
                aliases = sorted({a for a in (alias, name, name.lower(), with_scope, amount) if a and a != named})
                why = HOLDER_WHY if text[piece_at:piece_end].split()[-1].lower() in holders else \
                    "a class of actors, the subject of a position cue"
                proposals[key] = NewEntity(_new_id(named, taken | {p.id for p in proposals.values()}), "collective", named,
                                           piece_at, piece_end, why, aliases)
    return sorted(proposals.values(), key=lambda e: (e.start, e.id)), held


def _complement(text: str, head_end: int, stops: set[str], cue_at: int | None) -> str:
    """What the class ending at `head_end` is of or for, as the text words it (" for illegal immigrants",
    " of the program"), up to the verb of its clause or a cue; "" where there is none."""
    found = _COMPLEMENT.match(text, head_end)
    if found is None or (cue_at is not None and found.start(1) >= cue_at):
        return ""
    words = []
    for word in re.finditer(r"[\w’'-]+", found.group(1)):
        lower = word.group(0).lower()
        if lower in stops or lower in _COMPLEMENT_ENDS or lower.endswith("ly") \
                or (cue_at is not None and found.start(1) + word.start() >= cue_at):
            break
        words.append(word)
    while words and words[-1].group(0).lower().endswith("ed"):
        words.pop()  # "advocates for local immigrants expressed concerns": a noun phrase ends on its noun; the verb follows
    if not words:
        return ""
    return text[head_end : found.start(1) + words[-1].end()]


def _phrase_start(text: str, head_at: int, levels: set[str], quantifiers: set[str], stops: set[str]) -> tuple[int, bool]:
    """Where the noun phrase of the class that ends at `head_at` begins, walking back over its
    modifiers, commas and "and"/"or", and whether it begins a clause."""
    at = head_at
    tokens = list(re.finditer(r"[\w’'-]+|,", text[:head_at]))
    for token in reversed(tokens):
        word = token.group(0)
        lower = word.lower()
        if word == "," or lower in ("and", "or") or lower in _THEN and re.search(r"\b(?:and|or)\s+$", text[: token.start()]):
            at = token.start()
            continue
        first = not text[: token.start()].strip()
        if lower in quantifiers:
            at = token.start()
            if not re.search(r"(?<![\w’'-])[a-z][\w’'-]*,?\s+(?:and|or)\s*$", text[: token.start()]):
                break  # "advocacy groups, and other opponents of it": a coordination of classes goes on before "other"
        if lower in stops or not word[0].isalpha():
            break
        if word[0].isupper() and not first and lower not in levels:
            break
        if word.isupper() and len(word) > 1:
            break
        at = token.start()
    before = _names_before(text[:at].rstrip())
    before = _without_amount(before)
    at = at + len(text[at:]) - len(text[at:].lstrip(", "))
    while True:
        lead = re.match(r"(?:and|or)\s+|,\s*", text[at:head_at])
        if not lead:
            break
        at += lead.end()
    return at, (not before or before[-1] in ";:,(\"“—" or bool(re.search(
        r"\b(?:that|while|but|when|as|because|although|since|where)$", before, re.IGNORECASE)))


def _amount_of(text: str, start: int, piece_at: int, piece_end: int, quantifiers: set[str]) -> str:
    """The class text[piece_at:piece_end], whose phrase begins at `start`, with the amount the phrase follows, the
    way a reader names it ("dozens of other cities", "hundreds of local governments"); "" where no amount
    (cues.yaml `classes.amounts`) comes just before it or another class of the coordination comes between."""
    between = text[start:piece_at].strip().lower()
    amounts = [str(w) for w in _words().get("amounts") or []]
    if (between and between not in quantifiers) or not amounts:
        return ""
    found = re.search(r"(?<![\w’'-])(?:" + "|".join(map(re.escape, amounts)) + r")\s+of\s+$", text[max(0, start - 40) : start], re.IGNORECASE)
    return text[start - (len(text[max(0, start - 40) : start]) - found.start()) : piece_end] if found else ""


def _without_amount(before: str) -> str:
    """`before` without an amount of the class it ends on ("a growing number of", "dozens of", "hundreds
    of": cues.yaml `classes.amounts`): the amount is part of the subject, so the clause begins before it."""
    amounts = [str(w) for w in _words().get("amounts") or []]
    if not amounts:
        return before
    found = re.search(r"(?<![\w’'-])(?:(?:a|an|the)\s+)?(?:(?:[a-z]+ly\s+)?(?:[a-z]+ing|large|small|great|good|long)\s+)?(?:" + "|".join(map(re.escape, amounts))
                      + r")\s+of$", before, re.IGNORECASE)
    return before[: found.start()].rstrip() if found else before


# "The ACLU and other groups", "states like A, B and C and other localities": the names a class is
# coordinated with, before "and" (or "as well as"), and a class they are examples of ("states like").
# Each name is matched whole (a word is never split between two repetitions): a run of capitals
# such as a roll call's "ALQUIST, ANDERSON, ..." took exponential time when a word could be split.
_NAMES_AND = re.compile(r"(?:(?:[A-Z][\w.’'&-]*(?![\w.’'&-])(?:['’]s)?|(?:of|for|the|and)(?!\w)|&|,)\s*)+?\s*"
                        r"(?:\band|,?\s*as\s+well\s+as)$")
_EXAMPLES = re.compile(r"(?:\b[a-z]+\s+){0,2}[a-z]+s\s*,?\s*(?:like|such\s+as|including)\s*$")


def _names_before(before: str) -> str:
    """`before` without the proper names (and a class they are examples of) that the class after
    it is coordinated with: the subject they share begins where those names begin."""
    names = _NAMES_AND.search(before)
    if names is None or not re.match(r"(?:[Tt]he\s+)?[A-Z]", names.group(0)):
        return before
    rest = before[: names.start()].rstrip()
    examples = _EXAMPLES.search(rest)
    return rest[: examples.start()].rstrip() if examples else rest


def _ends_on_head(piece: str, head: re.Pattern[str]) -> bool:
    found = list(head.finditer(piece))
    return bool(found) and found[-1].end() == len(piece)


def _classes(text: str, start: int, end: int, head: re.Pattern[str], levels: set[str], quantifiers: set[str]
             ) -> list[tuple[str, str, int, int]]:
    """The classes of the coordination text[start:end], each (name, alias with its quantifier,
    start and end of its own words in the text)."""
    quantifier = ""
    first = re.match(r"\s*([\w’'-]+)\s+", text[start:end])
    if first and first.group(1).lower() in quantifiers:
        quantifier = first.group(1)
        start += first.end()
    pieces = [(p.start() + start, p.end() + start) for p in re.finditer(r"[^,]+", text[start:end]) if p.group(0).strip()]
    split: list[tuple[int, int]] = []
    kinds_of: set[tuple[int, int]] = set()  # words naming a kind before a head they share ("civil rights" and ...)
    for at, to in pieces:
        lead = re.match(rf"\s*(?:(?:and|or)\s+(?:(?:{'|'.join(sorted(_THEN))})\s+)?)?", text[at:to])
        at += lead.end() if lead else 0
        inner, prev = [], at
        for sep in re.finditer(r"\s+(?:and|or)\s+", text[at:to]):
            inner.append((prev, at + sep.start()))
            prev = at + sep.end()
        inner.append((prev, to))
        while len(inner) > 2 and _ends_on_head(text[inner[0][0] : inner[0][1]].strip(), head) \
                and not _ends_on_head(text[inner[1][0] : inner[1][1]].strip(), head):
            split.append(inner[0])  # "mayors and state and local officials": mayors, then the levels' classes
            inner = inner[1:]
        if len(inner) > 1 and all(text[a:b].strip().lower() in levels for a, b in inner[:-1]):
            split += inner
        elif len(inner) > 1 and all(_ends_on_head(text[a:b].strip(), head) for a, b in inner):
            split += inner  # "states and localities": two classes, each on its own head
        elif len(inner) == 2 and _modifier(text[inner[0][0] : inner[0][1]].strip(), head) \
                and _ends_on_head(text[inner[1][0] : inner[1][1]].strip(), head) \
                and 2 <= len(text[inner[1][0] : inner[1][1]].split()) <= 3:
            # "civil rights and immigration advocates": two classes sharing the head; not "families and
            # communities" (no kind named after "and"), nor "civil liberties advocacy groups" (which words
            # the two share is not plain)
            split += inner
            kinds_of.add(inner[0])
        else:
            split.append((inner[0][0], to))
    result: list[tuple[str, str, int, int]] = []
    pending: list[tuple[str, int, int]] = []
    for at, to in split:
        kind_of = (at, to) in kinds_of
        piece = text[at:to].strip()
        at += len(text[at:to]) - len(text[at:to].lstrip())
        to = at + len(piece)
        found = list(head.finditer(piece))
        if not found or found[-1].end() != len(piece):
            if piece.lower() in levels or kind_of:
                pending.append((piece, at, to))  # "city, county and state governments": the head comes after
            continue
        words = piece.split()
        rest = " ".join(words[1:]) if len(words) > 1 and words[0].lower() in levels else words[-1]
        for level, level_at, level_to in pending:
            named = f"{level} {rest}"
            result.append((named, f"{quantifier} {named}" if quantifier else "", level_at, level_to))
        pending = []
        result.append((piece, f"{quantifier} {piece}" if quantifier else "", at, to))
    return result


def _modifier(piece: str, head: re.Pattern[str]) -> bool:
    """Words that name a kind of a class before a head they share with the class after "and" ("civil
    rights" of "civil rights and immigration advocates", "immigration" of "immigration and civil rights
    groups"): one to three plain words, no head among them, not one plural that is a class of its own
    ("immigrants and civil rights groups")."""
    words = piece.split()
    if not 1 <= len(words) <= 3 or head.search(piece):
        return False
    if not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in [words[0][:1].lower() + words[0][1:], *words[1:]]):
        return False
    return not (len(words) == 1 and words[0].endswith("s"))


def body_members(text: str, known: Iterable[Known], taken: set[str]) -> list[NewEntity]:
    """The members of a named body acting as one: "Senate Judiciary Committee members are pressing
    ...", "the Caucus's Democrats wrote": a new `collective` entity, named as the text names it, where the phrase is a clause's
    subject (not after a preposition, and a verb follows). Its bare head ("the members", "the
    Democrats") is an alias when the document names no other such collective, so that what "the
    members wrote" is theirs. Words: cues.yaml `classes` `bodies` and `members`."""
    words = _words()
    bodies = [str(b) for b in words.get("bodies") or []]
    members = [str(m) for m in words.get("members") or []]
    if not bodies or not members:
        return []
    names = sorted({f for k in known for f in k.forms if f.split() and f.split()[-1] in bodies}, key=lambda f: (-len(f), f))
    if not names:
        return []
    body = "|".join(re.escape(n) for n in names)
    plural = "|".join(re.escape(m) for m in members)
    phrase = re.compile(rf"(?:{body})(?:['’]s)?\s+(?:(?:Republican|Democratic)\s+)?(?:{plural})(?![\w-])")
    proposals: dict[str, NewEntity] = {}
    for found in phrase.finditer(text):
        before = text[: found.start()]
        if re.search(r"\b(?:of|to|for|with|by|from|on|in|at|among|and|thank|thanked)\s+(?:the\s+)?$", before, re.IGNORECASE):
            continue  # not the clause's subject ("a letter to Committee members")
        if not re.match(r"\s+(?:(?:also|have|has|had|are|were|will|would|all|both|then)\s+)*[a-z]+(?:ed|s|ing)?\b(?<!\bof)",
                        text[found.end() :]):
            continue
        name = found.group(0)
        key = name.lower()
        if key in proposals:
            proposals[key].count += 1
            continue
        head = re.search(rf"(?:{plural})(?![\w-])", name)
        proposals[key] = NewEntity(_new_id(name, taken | {p.id for p in proposals.values()}), "collective", name,
                                   found.start(), found.end(), "the members of a named body acting as one, the subject of a clause",
                                   [])
        if head is not None:
            proposals[key].aliases.append(f"the {head.group(0).lower()}")
    if len(proposals) > 1:
        for entity in proposals.values():
            entity.aliases.clear()  # "the members" of which body: the reviewer reads the document
    return sorted(proposals.values(), key=lambda e: (e.start, e.id))


def with_mentions(text: str, new: list[NewEntity], found: list[Mention], held: list[Mention]) -> list[Mention]:
    """`found` with the mentions the finder of names cannot match: a known collective a class
    holds (`held`), a class whose own words are a level before a shared head ("city" of "city,
    county and state governments"); in text order."""
    extra = [Mention(e.id, e.start, e.end, text[e.start : e.end], "alias") for e in new
             if e.type == "collective" and text[e.start : e.end].lower() != e.name.lower()]
    taken = [(m.start, m.end) for m in found]
    extra = [m for m in [*held, *extra] if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted([*found, *extra], key=lambda m: (m.start, m.end))
