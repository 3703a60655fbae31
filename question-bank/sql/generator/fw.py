"""
The SQL drills' source: shared datasets, each drill's tests, and a plain-Python computation of every
expected result, independent of the reference query (CI then proves the reference query agrees).
Run `python3 question-bank/sql/generator/run.py [drill-id ...]` to rewrite the drill files and
datasets/*.yaml; edit the drills here, not in the generated Markdown. Standard library only.
"""
import json, os, random, textwrap
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

# Writes into question-bank/sql/ (the folder above this one) unless SQL_OUT says otherwise.
OUT = os.environ.get('SQL_OUT', os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
DATASETS = {}   # name -> dict(description, schema, tables: {name: [cols]}, data: {name: {table: rows}})
DRILLS = []

def dataset(name, description, schema, tables, data):
    DATASETS[name] = dict(description=description, schema=textwrap.dedent(schema).strip() + '\n', tables=tables, data=data)

def drill(**kw):
    DRILLS.append(kw)

def ts(s):
    """'2024-03-01 10:00:00+00:00' -> aware datetime"""
    return datetime.fromisoformat(s)

def iso(dt):
    if isinstance(dt, datetime):
        dt = dt.astimezone(timezone.utc)
        s = dt.strftime('%Y-%m-%dT%H:%M:%S')
        if dt.microsecond:
            s += ('.%06d' % dt.microsecond).rstrip('0')
        return s + 'Z'
    if isinstance(dt, date):
        return dt.isoformat()
    return dt

def d(s):
    return date.fromisoformat(s)

def num(x):
    if x is None: return None
    if isinstance(x, Decimal):
        x = float(x)
    if isinstance(x, float) and x == int(x) and abs(x) < 1e15:
        return int(x) if False else x
    return x

def as_dicts(cols, rows):
    return [dict(zip(cols, r)) for r in rows]

def j(v):
    return json.dumps(v, ensure_ascii=False)

def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)

def block(text, indent):
    pad = ' ' * indent
    return '\n'.join((pad + line) if line.strip() else '' for line in textwrap.dedent(text).strip('\n').split('\n'))

def norm_value(v):
    if isinstance(v, (datetime, date)): return iso(v)
    if isinstance(v, Decimal): return float(v)
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e12: return int(v) if False else v
    return v

def emit_table(lines, indent, name, cols, rows):
    pad = ' ' * indent
    lines.append(f'{pad}{name}:')
    lines.append(f'{pad}  columns: {j(cols)}')
    if not rows:
        lines.append(f'{pad}  rows: []')
    else:
        lines.append(f'{pad}  rows:')
        for r in rows:
            lines.append(f'{pad}    - {j([norm_value(v) for v in r])}')

def resolve_data(ds, data):
    """data: str (named) or {table: rows}. Returns {table: (cols, rows)} in dataset table order."""
    tables = ds['tables']
    raw = ds['data'][data] if isinstance(data, str) else data
    out = {}
    for t, cols in tables.items():
        rows = raw.get(t, [])
        for r in rows:
            assert len(r) == len(cols), (t, r)
        out[t] = (cols, rows)
    for t in raw:
        assert t in tables, t
    return out

def write_dataset(name):
    ds = DATASETS[name]
    lines = [f'description: {yaml_str(ds["description"])}', 'schema: |', block(ds['schema'], 2), 'data:']
    for dname, data in ds['data'].items():
        lines.append(f'  {dname}:')
        for t, (cols, rows) in resolve_data(ds, data).items():
            emit_table(lines, 4, t, cols, rows)
    os.makedirs(f'{OUT}/datasets', exist_ok=True)
    with open(f'{OUT}/datasets/{name}.yaml', 'w') as f:
        f.write('\n'.join(lines) + '\n')

def parse_cell(table_cols, col, v):
    return v

def typed_tables(ds, data):
    """For the Python reference: {table: [dict rows]} with timestamps/dates parsed by column hints."""
    res = {}
    for t, (cols, rows) in resolve_data(ds, data).items():
        conv = ds.get('types', {}).get(t, {})
        out = []
        for r in rows:
            row = {}
            for c, v in zip(cols, r):
                kind = conv.get(c)
                if v is None: row[c] = None
                elif kind == 'ts': row[c] = ts(v)
                elif kind == 'date': row[c] = d(v)
                elif kind == 'num': row[c] = Decimal(str(v))
                else: row[c] = v
            out.append(row)
        res[t] = out
    return res

def write_drill(k):
    ds = DATASETS[k['dataset']]
    shared = k['dataset'] if not k['dataset'].startswith('_') else None
    lines = ['---', f'id: {k["id"]}', ('title: ' + (yaml_str(k['title']) if ':' in k['title'] or k['title'][0] in '"\'' else k['title'])), 'topic: sql', 'kind: coding',
             f'difficulty: {k["difficulty"]}', f'time: {k.get("time", 900)}', 'tags: [' + ', '.join(k['tags']) + ']', 'drill:']
    if shared:
        lines.append(f'  sql: {{ dataset: {shared} }}')
    else:
        lines.append('  sql:')
        lines.append('    schema: |')
        lines.append(block(ds['schema'], 6))
    if k.get('ordered'):
        lines.append('  ordered: true')
    if k.get('timeLimitMs'):
        lines.append(f'  timeLimitMs: {k["timeLimitMs"]}')
    lines.append('  tests:')
    n_vis = n_hid = 0
    for t in k['tests']:
        data = t['data']
        hidden = t.get('hidden', False)
        n_hid += hidden; n_vis += not hidden
        cols, rows = k['compute'](typed_tables(ds, data))
        rows = [[norm_value(v) for v in r] for r in rows]
        if k.get('ordered') is not True and not t.get('ordered'):
            pass
        lines.append(f'    - note: {yaml_str(t["note"])}')
        if hidden: lines.append('      hidden: true')
        if 'tol' in t: lines.append(f'      tol: {t["tol"]}')
        if isinstance(data, str) and shared:
            lines.append(f'      data: {data}')
        else:
            emit = [(tn, tc, tr) for tn, (tc, tr) in resolve_data(ds, data).items() if tr]
            if not emit:
                lines.append('      data: {}')
            else:
                lines.append('      data:')
                for tn, tc, tr in emit:
                    emit_table(lines, 8, tn, tc, tr)
        lines.append('      expected:')
        lines.append(f'        columns: {j(cols)}')
        if not rows:
            lines.append('        rows: []')
        else:
            lines.append('        rows:')
            for r in rows:
                lines.append(f'          - {j(r)}')
    assert n_vis >= 3 and n_hid >= 5, (k['id'], n_vis, n_hid)
    assert len(k['wrong']) >= 3, k['id']
    lines.append('  wrong:')
    for why, sql in k['wrong']:
        lines.append(f'    - why: {yaml_str(why)}')
        lines.append('      sql: |')
        lines.append(block(sql, 8))
    lines.append('---')
    lines.append('')
    def section(name, body):
        lines.append(f'## {name}')
        lines.append(textwrap.dedent(body).strip('\n'))
        lines.append('')
    section('Prompt', k['prompt'])
    section('Starter', '```sql\n' + textwrap.dedent(k['starter']).strip() + '\n```')
    section('Solution', '```sql\n' + textwrap.dedent(k['solution']).strip() + '\n```')
    section('Answer', k['answer'])
    section('Rubric', k['rubric'])
    section('Hints', k['hints'])
    section('Follow-ups', k['followups'])
    with open(f'{OUT}/{k["id"]}.md', 'w') as f:
        f.write('\n'.join(lines).rstrip('\n') + '\n')

def main(only=None):
    for name, ds in DATASETS.items():
        if not name.startswith('_'):
            write_dataset(name)
    for k in DRILLS:
        if only and k['id'] not in only: continue
        write_drill(k)
    print(len(DRILLS), 'drills')
