"""Writes *_data.json goldens with Python's own json module, laid out as AlphaFold 3's Input.to_json lays them out.

Usage: python3 make_golden.py fold_job_one.json escapes.json
It handles only what these sample files use; its point is that the bytes come from real json.dumps(indent=2).
"""
import itertools
import json
import os
import re
import sys


def chains_of(raw, base):
    for entry in raw['sequences']:
        (kind, body), = entry.items()
        ids = body['id'] if isinstance(body['id'], list) else [body['id']]
        for chain_id in ids:
            yield kind, chain_id, body


def content(kind, body, base):
    out = {'sequence': body.get('sequence')}
    if kind in ('protein', 'rna', 'dna'):
        t, p = ('ptmType', 'ptmPosition') if kind == 'protein' else ('modificationType', 'basePosition')
        out['modifications'] = [{t: m[t], p: m[p]} for m in body.get('modifications', [])]
    if kind in ('protein', 'rna'):
        out['unpairedMsa'] = body.get('unpairedMsa')
    if kind == 'protein':
        out['pairedMsa'] = body.get('pairedMsa')
        templates = body.get('templates')
        if templates is not None:
            templates = [{
                'mmcif': t.get('mmcif') or open(os.path.join(base, t['mmcifPath'])).read(),
                'queryIndices': t['queryIndices'],
                'templateIndices': t['templateIndices'] or [],
            } for t in templates]
        out['templates'] = templates
    if kind == 'ligand':
        del out['sequence']
        if 'ccdCodes' in body:
            out['ccdCodes'] = body['ccdCodes']
        else:
            out['smiles'] = body['smiles']
    if body.get('description') is not None:
        out['description'] = body['description']
    return out


def to_json(path):
    raw = json.load(open(path))
    base = os.path.dirname(os.path.abspath(path))
    chains = [(kind, cid, content(kind, body, base)) for kind, cid, body in chains_of(raw, base)]
    sequences = []
    for _, group in itertools.groupby(chains, key=lambda c: (c[0], json.dumps(c[2], sort_keys=True))):
        group = list(group)
        ids = [c[1] for c in group]
        kind, _, body = group[0]
        sequences.append({kind: {'id': ids if len(ids) > 1 else ids[0], **body}})
    bonds = raw.get('bondedAtomPairs') or None
    text = json.dumps({
        'dialect': 'alphafold3',
        'version': 4,
        'name': raw['name'],
        'sequences': sequences,
        'modelSeeds': [int(s) for s in raw['modelSeeds']],
        'bondedAtomPairs': bonds,
        'userCCD': raw.get('userCCD'),
    }, indent=2)
    return re.sub(
        r'("(?:queryIndices|templateIndices)": \[)([\s\n\d,]+)(\],?)',
        lambda m: m[1] + re.sub(r'\n\s+', ' ', m[2].strip()) + m[3],
        text,
    )


for name in sys.argv[1:]:
    with open(name.replace('.json', '_data.json'), 'w') as f:
        f.write(to_json(name))
